"""Curation by the core team: highlighting and hiding experiences."""
