"""The /beheer blueprint with its pages (each module adds its own routes)."""
from . import overview, taxonomy, users  # noqa: F401
from .blueprint import bp

__all__ = ["bp"]
