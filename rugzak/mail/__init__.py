"""E-mail: an outbox, digests, preferences per kind and one-click unsubscribe."""
