"""The database itself: engine, migrations, bulk inserts, fast reads, the audit log."""
