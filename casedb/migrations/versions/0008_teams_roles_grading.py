"""teams on PostgreSQL: classification, teams, row-level security, source grading

Tables ``team``, ``team_member``, ``clearance``, ``case_marking`` (a case's classification and
team) and ``source_grade``; ``audit_log.os_user``. On PostgreSQL the server itself decides: the
audit's actor is the session's database role (the name the application gives is kept as
``os_user``), TRUNCATE of the audit is refused by a trigger, and row-level security on
``case``, ``note``, ``attachment``, ``seizure`` and ``case_marking`` shows a role only the cases
of its teams and clearance (casedb.roles sets up the roles and the GRANTs).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

CASE_TABLES = ("case", "case_marking", "note", "attachment", "seizure")

PG_FUNCTIONS = [
    # The session's role, not the name the client claims: actor can't be impersonated.
    """CREATE FUNCTION wi_audit_actor() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.actor IS DISTINCT FROM session_user THEN
            NEW.os_user := coalesce(NEW.os_user, NEW.actor);
            NEW.actor := session_user;
        END IF;
        RETURN NEW;
    END $$""",
    "CREATE TRIGGER audit_log_actor BEFORE INSERT ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION wi_audit_actor()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
    """CREATE FUNCTION wi_level(classification text) RETURNS integer LANGUAGE sql IMMUTABLE AS
    $$ SELECT coalesce(array_position(
        ARRAY['OFFICIAL', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET'], upper(classification)), 5) $$""",
    # Replaced by casedb.roles.setup_roles with the names of its administrator and auditor roles.
    "CREATE FUNCTION wi_sees_all() RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT false $$",
    """CREATE FUNCTION wi_case_visible(cid integer) RETURNS boolean LANGUAGE sql STABLE
    SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT wi_sees_all() OR NOT EXISTS (SELECT 1 FROM case_marking m WHERE m.case_id = cid)
        OR EXISTS (SELECT 1 FROM case_marking m WHERE m.case_id = cid
            AND wi_level(m.classification) <= coalesce(
                (SELECT wi_level(c.level) FROM clearance c WHERE c.member = session_user), 1)
            AND (m.team_id IS NULL OR EXISTS (SELECT 1 FROM team_member t
                 WHERE t.team_id = m.team_id AND t.member = session_user))) $$""",
]


# The audit of a case, its notes, attachments and seizures is read only by those who may see the
# case (policies' subqueries see through the reader's own row-level security); anyone with the
# INSERT privilege appends; nobody updates or deletes (no policy, no privilege, a trigger).
AUDIT_POLICIES = [
    """CREATE POLICY wi_audit_read ON audit_log FOR SELECT USING (wi_sees_all()
        OR CASE entity
            WHEN 'case' THEN entity_id IS NULL OR wi_case_visible(entity_id)
            WHEN 'note' THEN EXISTS (SELECT 1 FROM note WHERE note.id = entity_id)
            WHEN 'attachment' THEN EXISTS (SELECT 1 FROM attachment a WHERE a.id = entity_id)
            WHEN 'seizure' THEN EXISTS (SELECT 1 FROM seizure z WHERE z.id = entity_id)
            ELSE true END)""",
    "CREATE POLICY wi_audit_append ON audit_log FOR INSERT WITH CHECK (true)",
    "ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY",
]


def upgrade() -> None:
    op.create_table(
        "team",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team")),
        sa.UniqueConstraint("name", name=op.f("uq_team_name")),
    )
    op.create_table(
        "team_member",
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("member", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(["team_id"], ["team.id"], name=op.f("fk_team_member_team_id_team"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("team_id", "member", name=op.f("pk_team_member")),
    )
    op.create_index(op.f("ix_team_member_member"), "team_member", ["member"])
    op.create_table(
        "clearance",
        sa.Column("member", sa.String(length=120), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("member", name=op.f("pk_clearance")),
    )
    op.create_table(
        "case_marking",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("classification", sa.String(length=16), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("set_by", sa.String(length=120), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_case_marking_case_id_case"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["team_id"], ["team.id"],
                                name=op.f("fk_case_marking_team_id_team")),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_marking")),
    )
    op.create_index(op.f("ix_case_marking_team_id"), "case_marking", ["team_id"])
    op.create_table(
        "source_grade",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=16), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("scheme", sa.String(length=16), nullable=False),
        sa.Column("grade", sa.String(length=8), nullable=False),
        sa.Column("set_by", sa.String(length=120), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_grade")),
        sa.UniqueConstraint("entity", "entity_id", name=op.f("uq_source_grade_entity_entity_id")),
    )
    # Not in batch mode: SQLite adds the column in place, keeping the audit's triggers.
    op.add_column("audit_log", sa.Column("os_user", sa.String(length=120), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        for stmt in PG_FUNCTIONS:
            op.execute(stmt)
        for table in CASE_TABLES:
            key = "id" if table == "case" else "case_id"
            op.execute(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY')
            op.execute(f'CREATE POLICY wi_team_and_clearance ON "{table}" '
                       f"USING (wi_case_visible({key})) WITH CHECK (wi_case_visible({key}))")
        for stmt in AUDIT_POLICIES:
            op.execute(stmt)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE audit_log DISABLE ROW LEVEL SECURITY")
        op.execute("DROP POLICY IF EXISTS wi_audit_append ON audit_log")
        op.execute("DROP POLICY IF EXISTS wi_audit_read ON audit_log")
        for table in CASE_TABLES:
            op.execute(f'DROP POLICY IF EXISTS wi_team_and_clearance ON "{table}"')
            op.execute(f'ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY')
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
        op.execute("DROP TRIGGER IF EXISTS audit_log_actor ON audit_log")
        for fn in ("wi_case_visible(integer)", "wi_sees_all()", "wi_level(text)",
                   "wi_audit_actor()"):
            op.execute(f"DROP FUNCTION IF EXISTS {fn}")
    op.drop_column("audit_log", "os_user")
    op.drop_table("source_grade")
    op.drop_index(op.f("ix_case_marking_team_id"), table_name="case_marking")
    op.drop_table("case_marking")
    op.drop_table("clearance")
    op.drop_index(op.f("ix_team_member_member"), table_name="team_member")
    op.drop_table("team_member")
    op.drop_table("team")
