"""link tables without rowid on SQLite

declaration_party and declaration_container are keyed by their primary key alone. As rowid
tables SQLite kept each row twice (the table and the key's index); WITHOUT ROWID keeps it once,
which saves a B-tree write per party link and container in an import and makes the files
smaller. PostgreSQL is unaffected.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

TABLES = ("declaration_party", "declaration_container")


def _rebuild(with_rowid: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in TABLES:
        # Batch mode copies the table into a new one (constraints, indexes and rows kept).
        with op.batch_alter_table(table, recreate="always",
                                  table_kwargs={"sqlite_with_rowid": with_rowid}):
            pass


def upgrade() -> None:
    _rebuild(with_rowid=False)


def downgrade() -> None:
    _rebuild(with_rowid=True)
