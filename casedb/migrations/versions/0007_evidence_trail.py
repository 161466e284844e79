"""evidence trail: raw cells of imported rows, case management fields

``raw_sheet`` keeps each imported sheet's header as written and ``raw_row`` each imported row's
cells as written (keyed by source file, sheet and row, as ``row_provenance``); ``source_copy``
keeps an imported file's bytes by SHA-256 when the team asks for it. A case gains its team, its
classification and, once merged into another, the case it went into.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "raw_sheet",
        sa.Column("source_file_id", sa.Integer(), nullable=False),
        sa.Column("sheet", sa.String(length=200), nullable=False),
        sa.Column("headers", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["source_file_id"], ["source_file.id"],
                                name=op.f("fk_raw_sheet_source_file_id_source_file")),
        sa.PrimaryKeyConstraint("source_file_id", "sheet", name=op.f("pk_raw_sheet")),
    )
    op.create_table(
        "raw_row",
        sa.Column("source_file_id", sa.Integer(), nullable=False),
        sa.Column("sheet", sa.String(length=200), nullable=False),
        sa.Column("row_number", sa.Integer(), nullable=False),
        sa.Column("cells", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["source_file_id"], ["source_file.id"],
                                name=op.f("fk_raw_row_source_file_id_source_file")),
        sa.PrimaryKeyConstraint("source_file_id", "sheet", "row_number",
                                name=op.f("pk_raw_row")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "source_copy",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_source_copy")),
    )
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.add_column(sa.Column("team", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("classification", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("merged_into_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_case_merged_into_id_case"), "case",
                                    ["merged_into_id"], ["id"], ondelete="SET NULL")


def downgrade() -> None:
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_case_merged_into_id_case"), type_="foreignkey")
        batch_op.drop_column("merged_into_id")
        batch_op.drop_column("classification")
        batch_op.drop_column("team")
    op.drop_table("source_copy")
    op.drop_table("raw_row")
    op.drop_table("raw_sheet")
