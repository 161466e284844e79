"""declaration items, shipments keyed by B/L, import warnings and discrepancies between sources

- ``declaration.hs_code`` holds national tariff lines of 8-12 digits whole (String(14)); the
  three port columns hold a place without a UN/LOCODE by its name (String(64)). PostgreSQL alters
  the types. SQLite ignores the length of a VARCHAR (both are TEXT on disk), so no table is
  rebuilt: only the declared types in the table's schema text change, SQLite's own procedure
  for a change that leaves the stored rows as they are (https://sqlite.org/lang_altertable.html,
  "Making Other Kinds Of Table Schema Changes").
- ``declaration.record_kind``: 'declaration', or 'shipment' for a bill-of-lading record without
  a declaration number.
- ``declaration_item``: the lines of a declaration with several items.
- ``import_warning``: an optional value that could not be read, kept as written.
- ``discrepancy``: two sources disagreeing about a declaration, both values kept.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

WIDENED = {"hs_code": (10, 14), "port_of_loading": (5, 64), "port_of_transshipment": (5, 64),
           "port_of_discharge": (5, 64)}


def _widen(to_new: bool) -> None:
    if op.get_bind().dialect.name == "sqlite":
        _declare_sqlite_types(to_new)
        return
    for column, (old, new) in WIDENED.items():
        op.alter_column("declaration", column, existing_type=sa.String(old if to_new else new),
                        type_=sa.String(new if to_new else old), existing_nullable=True)


def _declare_sqlite_types(to_new: bool) -> None:
    """The declared lengths in SQLite's schema text, rows untouched (VARCHAR(n) is TEXT)."""
    conn = op.get_bind()
    where = "type = 'table' AND name = 'declaration'"
    sql = conn.exec_driver_sql(f"SELECT sql FROM sqlite_master WHERE {where}").scalar_one()
    for column, (old, new) in WIDENED.items():
        was, now = (old, new) if to_new else (new, old)
        sql = re.sub(rf'(["`]?\b{column}\b["`]?\s+)VARCHAR\({was}\)', rf"\g<1>VARCHAR({now})", sql)
    version = conn.exec_driver_sql("PRAGMA schema_version").scalar_one()
    conn.exec_driver_sql("PRAGMA writable_schema = ON")
    conn.exec_driver_sql(f"UPDATE sqlite_master SET sql = ? WHERE {where}", (sql,))
    conn.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    conn.exec_driver_sql("PRAGMA writable_schema = OFF")


def upgrade() -> None:
    _widen(to_new=True)
    # A constant default: SQLite adds the column in place, PostgreSQL without rewriting rows.
    op.add_column("declaration", sa.Column("record_kind", sa.String(length=16),
                                           server_default="declaration", nullable=False))
    op.create_table(
        "declaration_item",
        sa.Column("declaration_id", sa.Integer(), nullable=False),
        sa.Column("item_no", sa.String(length=16), nullable=False),
        sa.Column("hs_code", sa.String(length=14), nullable=True),
        sa.Column("goods_description", sa.Text(), nullable=True),
        sa.Column("gross_weight_kg", sa.Float(), nullable=True),
        sa.Column("net_weight_kg", sa.Float(), nullable=True),
        sa.Column("declared_value", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(["declaration_id"], ["declaration.id"], ondelete="CASCADE",
                                name=op.f("fk_declaration_item_declaration_id_declaration")),
        sa.PrimaryKeyConstraint("declaration_id", "item_no", name=op.f("pk_declaration_item")),
    )
    op.create_table(
        "import_warning",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_run_id", sa.Integer(), nullable=False),
        sa.Column("source_file_id", sa.Integer(), nullable=False),
        sa.Column("sheet", sa.String(length=200), nullable=False),
        sa.Column("row_number", sa.Integer(), nullable=False),
        sa.Column("declaration_id", sa.Integer(), nullable=True),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("column_header", sa.String(length=200), nullable=False),
        sa.Column("raw_value", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["declaration_id"], ["declaration.id"], ondelete="SET NULL",
                                name=op.f("fk_import_warning_declaration_id_declaration")),
        sa.ForeignKeyConstraint(["import_run_id"], ["import_run.id"],
                                name=op.f("fk_import_warning_import_run_id_import_run")),
        sa.ForeignKeyConstraint(["source_file_id"], ["source_file.id"],
                                name=op.f("fk_import_warning_source_file_id_source_file")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_warning")),
    )
    op.create_index(op.f("ix_import_warning_import_run_id"), "import_warning",
                    ["import_run_id"])
    op.create_index(op.f("ix_import_warning_declaration_id"), "import_warning",
                    ["declaration_id"])
    op.create_table(
        "discrepancy",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("declaration_id", sa.Integer(), nullable=False),
        sa.Column("item_no", sa.String(length=16), nullable=True),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("stored_value", sa.Text(), nullable=True),
        sa.Column("other_value", sa.Text(), nullable=True),
        sa.Column("source_file_id", sa.Integer(), nullable=False),
        sa.Column("import_run_id", sa.Integer(), nullable=False),
        sa.Column("sheet", sa.String(length=200), nullable=False),
        sa.Column("row_number", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), server_default="open", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["declaration_id"], ["declaration.id"], ondelete="CASCADE",
                                name=op.f("fk_discrepancy_declaration_id_declaration")),
        sa.ForeignKeyConstraint(["import_run_id"], ["import_run.id"],
                                name=op.f("fk_discrepancy_import_run_id_import_run")),
        sa.ForeignKeyConstraint(["source_file_id"], ["source_file.id"],
                                name=op.f("fk_discrepancy_source_file_id_source_file")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_discrepancy")),
    )
    op.create_index(op.f("ix_discrepancy_declaration_id"), "discrepancy", ["declaration_id"])
    op.create_index(op.f("ix_discrepancy_import_run_id"), "discrepancy", ["import_run_id"])
    op.create_index(op.f("ix_discrepancy_status"), "discrepancy", ["status"])


def downgrade() -> None:
    op.drop_table("discrepancy")
    op.drop_table("import_warning")
    op.drop_table("declaration_item")
    # In place (SQLite 3.35+): a rebuild of declaration would cascade to its link tables.
    op.drop_column("declaration", "record_kind")
    _widen(to_new=False)
