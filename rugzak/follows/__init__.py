"""Volgen: what a person follows (tags, conditions, goals, people, searches…)."""
