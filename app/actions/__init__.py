"""User flows started from the main window: each takes the window and does its work in jobs."""
