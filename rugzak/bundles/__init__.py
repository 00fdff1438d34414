"""Bundels: curated, ordered collections of experiences with an introduction."""
