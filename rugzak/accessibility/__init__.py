"""The accessibility statement (toegankelijkheidsverklaring) at /toegankelijkheid."""
