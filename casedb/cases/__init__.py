"""Cases: records and edits, members, status workflow, the case file, undo."""
