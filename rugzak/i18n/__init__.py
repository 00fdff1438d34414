"""Languages: which one a request speaks, and the page where a user chooses."""
