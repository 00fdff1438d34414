"""Klopt dit nog?: old experiences ask to be confirmed, updated or marked as history."""
