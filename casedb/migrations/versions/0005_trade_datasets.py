"""trade datasets: national layouts, currencies, commodity codes at national length

Trade flows keep their value in the currency the office published (``value_usd`` becomes
``value`` beside ``currency``: HMRC's pounds and Eurostat's euros were labelled dollars), their
commodity code at the national length (CN8, HS10, Taiwan's 11-digit CCC) beside its HS6, a
supplementary quantity and unit, and whether a year is covered only in part. Reporters and
partners widen to 64 characters so that a partner no table knows is kept under its name.
A ``trade_dataset`` table names each dataset and its layout; the datasets imported before get
one row each (their values were in US dollars: BACI and Comtrade were the only layouts read).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

WIDENED = {"reporter": 3, "exporter": 3, "importer": 3, "hs_code": 10}
NEW_WIDTH = {"reporter": 64, "exporter": 64, "importer": 64, "hs_code": 16}
ADDED = ("partial", "hs6", "currency", "supp_quantity", "supp_unit")


def upgrade() -> None:
    op.create_table(
        "trade_dataset",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("layout", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trade_dataset")),
        sa.UniqueConstraint("name", name=op.f("uq_trade_dataset_name")),
    )
    with op.batch_alter_table("trade_flow", schema=None) as batch_op:
        for column, old in WIDENED.items():
            batch_op.alter_column(column, existing_type=sa.String(old),
                                  type_=sa.String(NEW_WIDTH[column]))
        batch_op.alter_column("value_usd", new_column_name="value", existing_type=sa.Float())
        batch_op.add_column(sa.Column("partial", sa.Boolean(), server_default=sa.false(),
                                      nullable=False))
        batch_op.add_column(sa.Column("hs6", sa.String(length=6), nullable=True))
        batch_op.add_column(sa.Column("currency", sa.String(length=3), nullable=True))
        batch_op.add_column(sa.Column("supp_quantity", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("supp_unit", sa.String(length=16), nullable=True))
    op.execute("UPDATE trade_flow SET currency = 'USD' WHERE value IS NOT NULL")
    op.execute("UPDATE trade_flow SET hs6 = substr(hs_code, 1, 6) WHERE length(hs_code) >= 6")
    op.execute("INSERT INTO trade_dataset (name, layout, created_at) "
               "SELECT dataset, 'imported before 0005', CURRENT_TIMESTAMP FROM trade_flow "
               "GROUP BY dataset")


def downgrade() -> None:
    op.execute("DELETE FROM trade_flow WHERE length(reporter) > 3 OR length(exporter) > 3 "
               "OR length(importer) > 3 OR length(hs_code) > 10")
    op.execute("UPDATE trade_flow SET value = NULL WHERE currency IS NULL OR currency <> 'USD'")
    with op.batch_alter_table("trade_flow", schema=None) as batch_op:
        for column in ADDED:
            batch_op.drop_column(column)
        batch_op.alter_column("value", new_column_name="value_usd", existing_type=sa.Float())
        for column, old in WIDENED.items():
            batch_op.alter_column(column, existing_type=sa.String(NEW_WIDTH[column]),
                                  type_=sa.String(old))
    op.drop_table("trade_dataset")
