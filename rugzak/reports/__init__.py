"""The reflection report (HTML, print stylesheet, PDF) and CSV export of search results."""
