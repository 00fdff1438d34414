"""Dates outside the plausible range that were saved before the range was enforced."""
