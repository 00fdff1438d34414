"""Meedenken: comments under an experience."""
