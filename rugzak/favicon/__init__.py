"""/favicon.ico, which browsers ask for before any page says where its icon is."""
