"""The handover package: export, figures, reports and a guide in one ZIP."""
