"""link chart state kept with its case

``link_chart`` holds one saved link chart per case (nodes, positions, pins, hidden nodes, filters
and styles as JSON; casedb.links.chart_state reads and writes it), who saved it and when. Charts
were kept before in files beside the case database; those are moved in when their case is next
opened. On PostgreSQL the table follows its case's team and clearance, as ``note`` does.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "link_chart",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("saved_by", sa.String(length=120), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_link_chart_case_id_case"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_link_chart")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute('ALTER TABLE "link_chart" ENABLE ROW LEVEL SECURITY')
        op.execute('CREATE POLICY wi_team_and_clearance ON "link_chart" '
                   "USING (wi_case_visible(case_id)) WITH CHECK (wi_case_visible(case_id))")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute('DROP POLICY IF EXISTS wi_team_and_clearance ON "link_chart"')
    op.drop_table("link_chart")
