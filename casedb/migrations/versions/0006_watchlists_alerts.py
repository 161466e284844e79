"""watchlists, alerts and risk signals

Saved rules (``watchlist``: a party, identifier, container, vessel, route, HS code or detector
with its parameters) run after every import; each hit on a declaration is an ``alert`` kept until
an investigator reviews it. ``risk_score`` holds the last explainable risk score of each
declaration (0..1) with the signals behind it, so that views can sort and filter by risk.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watchlist",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.String(length=400), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_watchlist")),
    )
    op.create_table(
        "alert",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("watchlist_id", sa.Integer(), nullable=False),
        sa.Column("declaration_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reviewed_by", sa.String(length=120), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["declaration_id"], ["declaration.id"],
                                name=op.f("fk_alert_declaration_id_declaration"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["watchlist_id"], ["watchlist.id"],
                                name=op.f("fk_alert_watchlist_id_watchlist"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alert")),
        sa.UniqueConstraint("watchlist_id", "declaration_id",
                            name=op.f("uq_alert_watchlist_id_declaration_id")),
    )
    with op.batch_alter_table("alert", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_alert_declaration_id"), ["declaration_id"])
        batch_op.create_index(batch_op.f("ix_alert_status"), ["status"])
        batch_op.create_index(batch_op.f("ix_alert_watchlist_id"), ["watchlist_id"])
    op.create_table(
        "risk_score",
        sa.Column("declaration_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("signals", sa.JSON(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["declaration_id"], ["declaration.id"],
                                name=op.f("fk_risk_score_declaration_id_declaration"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("declaration_id", name=op.f("pk_risk_score")),
    )
    with op.batch_alter_table("risk_score", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_risk_score_score"), ["score"])


def downgrade() -> None:
    op.drop_table("risk_score")
    op.drop_table("alert")
    op.drop_table("watchlist")
