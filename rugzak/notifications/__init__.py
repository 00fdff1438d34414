"""Meldingen: what happened that matters to a person, shown with their current rights."""
