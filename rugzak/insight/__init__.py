"""Insight: figures over the experiences a user may see, drawn as accessible SVG."""
