"""Following other municipalities' Rugzak (issue 18): the peers this installation reads."""
