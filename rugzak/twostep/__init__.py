"""Two-step verification for local accounts: a TOTP app code after the password, with
recovery codes for when the phone is gone."""
