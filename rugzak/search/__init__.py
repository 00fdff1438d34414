"""Full-text search: Dutch analysis for the Whoosh index."""
