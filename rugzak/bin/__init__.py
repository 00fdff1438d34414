"""The bin (prullenbak): deleted experiences disappear for everyone and can be restored."""
