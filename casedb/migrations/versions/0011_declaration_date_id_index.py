"""an index of declarations by day and id on PostgreSQL, the declaration table's first page

The declaration table opens sorted by date, ties by id (casedb.browse.tables.declaration_ids:
``ORDER BY declaration_date, id LIMIT n``). PostgreSQL's date index holds no id, so the server
read the first day's rows (~3,000 at ten million declarations, each on its own table page) and
sorted them by id: ~280 ms from a cold cache. With (declaration_date, id) it reads the first
n entries of the index (an index-only scan), forwards for the ascending order and backwards for
the descending one (declaration_date DESC, id DESC).

SQLite does not get it: its date index carries the rowid, which is the id, so it already
answers both orders from the index alone; a second index would only slow the import.

The other columns the table sorts by are not indexed for it (at ten million declarations on
PostgreSQL their first page takes 0.6 to 4.5 s, a parallel scan of the table; docs/scale.md):
an index each would cost every import more than an occasional sort by them saves.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

NAME = "ix_declaration_date_id"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.create_index(NAME, "declaration", ["declaration_date", "id"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index(NAME, table_name="declaration")
