"""The toekomstagenda: agreed actions that came out of lessons, with owners and progress."""
