"""Herkenbaar: one-click recognition of an experience, one per person."""
