"""Administration under /beheer: users (beheerder) and the taxonomy."""
