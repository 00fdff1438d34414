"""Revisions: every save of an experience is kept, can be compared and restored."""
