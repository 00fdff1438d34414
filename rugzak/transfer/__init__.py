"""Export everything (JSON + CSV) and import it again, or import experiences from a sheet."""
