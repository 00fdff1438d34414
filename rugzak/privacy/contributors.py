"""The features that keep data about a person. Importing a feature's `personal_data` module
adds its section to the data download and connects its part of erasing a user; create_app
imports this module once."""
from importlib import import_module

FEATURES = ("admin", "agenda", "bin", "bundles", "comments", "home", "recognition", "revisions",
            "search", "security")

for _feature in FEATURES:
    import_module(f"rugzak.{_feature}.personal_data")
