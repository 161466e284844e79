"""Evidence: the trail of each imported row, source grading, attachments."""
