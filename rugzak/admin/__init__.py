"""Administration: users, one-time password links and the /beheer overview."""
