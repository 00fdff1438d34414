"""Atom feeds read with a personal feed token (issue 16)."""
