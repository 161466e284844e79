"""an index of declarations by day and route, holding what route shares read

Route shares (casedb.analysis.routes) have the database sum the declarations per day and
route columns. Without an index in that order SQLite sorts every row to group them (ten million
declarations: minutes, with temporary files); with it, it walks the index, which holds every
column the query reads (date, export country, destination, transit and discharge ports, HS code,
net and gross weight), and never visits the table. PostgreSQL can answer from it with an
index-only scan.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

NAME = "ix_declaration_day_route"
COLUMNS = ["declaration_date", "country_of_export", "country_of_destination",
           "port_of_transshipment", "port_of_discharge", "hs_code", "net_weight_kg",
           "gross_weight_kg"]


def upgrade() -> None:
    op.create_index(NAME, "declaration", COLUMNS)
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"ANALYZE {NAME}")  # the planner's statistics for the new index


def downgrade() -> None:
    op.drop_index(NAME, table_name="declaration")
