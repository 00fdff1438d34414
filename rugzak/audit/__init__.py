"""The audit log: who did what to which object, with what outcome, when (UTC)."""
