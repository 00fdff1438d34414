"""Residents' data and the AVG: the resident-data check, a user's data download, erasure."""
