"""Reflectiesessies: plan, prepare, run and summarise a session with colleagues and partners."""
