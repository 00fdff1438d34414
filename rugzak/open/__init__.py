"""Sharing openly: the core team publishes consented experiences and bundles for the world."""
