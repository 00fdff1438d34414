"""A user's own account: overview, password change, sessions, and the download of their data."""
