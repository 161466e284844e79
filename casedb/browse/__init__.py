"""What the browsing views read: paged tables and search that says what it found."""
