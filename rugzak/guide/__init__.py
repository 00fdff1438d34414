"""/uitleg: how Rugzak works, for everyone who signs in (with the municipality's own conditions
and goals, as the taxonomy holds them)."""
