"""Administration under /beheer: an overview of the tasks, users (beheerder) and the taxonomy."""
