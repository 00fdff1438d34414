"""Backup and restore of the whole database, while the app keeps serving."""
