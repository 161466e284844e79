"""What the models declare that a database's schema lacks, or the other way round (Alembic's
comparison), leaving out the indexes the models build on the other engine only (Index.ddl_if,
e.g. ix_declaration_date_id, PostgreSQL's alone: migration 0011)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Connection


def model_diff(conn: Connection) -> list:
    from casedb.models import Base

    def built_here(obj, name, type_, reflected, compare_to) -> bool:
        only = getattr(obj, "_ddl_if", None)
        return reflected or only is None or only.dialect in (None, conn.dialect.name)

    context = MigrationContext.configure(conn, opts={"include_object": built_here})
    return compare_metadata(context, Base.metadata)
