"""Database roles on a shared PostgreSQL server: who may read, write and audit what.

Each analyst logs in as a role of their own and is granted one of four group roles, set up
by ``setup_roles`` (``wasteintel db roles``) through GRANTs on the case database:

- analyst: reads everything, writes the case data, imports; may mark a new case, not re-mark;
- supervisor: an analyst who may also re-mark cases (classification, team);
- auditor: reads everything, writes nothing but the audit entries of what they viewed;
- administrator: everything but altering the audit; manages teams and clearances.

Nobody may UPDATE, DELETE or TRUNCATE the audit log: the privileges are revoked, and the
schema's triggers refuse it even for the owner. Which cases a role sees is decided by the
server (row-level security, migration 0008): cases without a marking, else those whose
classification is within the role's clearance and whose team (if any) the role belongs to.
Administrators and auditors see every case. The table owner (the role that migrates) is not
subject to row-level security: the application's users should not log in as it.
"""

from __future__ import annotations

import logging
import re

from sqlalchemy import select, text
from sqlalchemy.engine import Connection

from casedb.store import audit
from casedb.store.database import Database

from ..errors import CaseDbError, ConfigError, NotFound
from ..models import CLASSIFICATIONS, Base, Case, CaseMarking, Clearance, Team, TeamMember

log = logging.getLogger(__name__)

ROLES = ("analyst", "supervisor", "auditor", "administrator")
DEFAULT_PREFIX = "wasteintel"
READ_ONLY_TABLES = ("team", "team_member", "clearance", "alembic_version")
WRITE = "SELECT, INSERT, UPDATE, DELETE"
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,40}$")


def group_role(role: str, prefix: str = DEFAULT_PREFIX) -> str:
    """The server's name of one of ROLES: ``wasteintel_analyst``..."""
    if role not in ROLES:
        raise ConfigError(f"unknown role {role!r}: one of {', '.join(ROLES)}")
    if not _NAME.match(prefix):
        raise ConfigError(f"role prefix {prefix!r}: lower-case letters, digits and _ only")
    return f"{prefix}_{role}"


def _table_grants(table: str, role: str) -> str | None:
    """The privileges of ``role`` on ``table`` (never TRUNCATE)."""
    if role == "auditor":
        return "SELECT, INSERT" if table == "audit_log" else "SELECT"
    if table == "audit_log":
        return "SELECT, INSERT"
    if table in READ_ONLY_TABLES and role != "administrator":
        return "SELECT"
    if table == "case_marking" and role == "analyst":
        return "SELECT, INSERT"
    if table == "alembic_version":
        return "SELECT"
    return WRITE


def setup_roles(db: Database, prefix: str = DEFAULT_PREFIX) -> dict[str, str]:
    """Create the four group roles (NOLOGIN) when missing and grant them their privileges on
    this database's tables; run it as the owner of the schema, again after each upgrade.
    Returns role -> server role name."""
    if db.is_sqlite:
        raise ConfigError("roles need PostgreSQL: a SQLite file has no logins; "
                          "use a postgresql:// URL")
    names = {role: group_role(role, prefix) for role in ROLES}
    tables = [t.name for t in Base.metadata.sorted_tables] + ["alembic_version"]
    with db.begin() as s:
        conn = s.connection()
        schema = conn.scalar(text("SELECT current_schema()"))
        database = conn.scalar(text("SELECT current_database()"))
        for role, name in names.items():
            _create_role(conn, name)
            conn.exec_driver_sql(f'GRANT CONNECT ON DATABASE "{database}" TO "{name}"')
            conn.exec_driver_sql(f'GRANT USAGE ON SCHEMA "{schema}" TO "{name}"')
            for table in tables:
                conn.exec_driver_sql(f'REVOKE ALL ON "{table}" FROM "{name}"')
                conn.exec_driver_sql(f'GRANT {_table_grants(table, role)} ON "{table}" '
                                     f'TO "{name}"')
            conn.exec_driver_sql(f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "{schema}" '
                                 f'TO "{name}"')
        conn.exec_driver_sql("REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC")
        conn.exec_driver_sql(
            "CREATE OR REPLACE FUNCTION wi_sees_all() RETURNS boolean LANGUAGE sql STABLE AS "
            f"$$ SELECT pg_has_role(session_user, '{names['administrator']}', 'MEMBER') "
            f"OR pg_has_role(session_user, '{names['auditor']}', 'MEMBER') $$")
        audit.record(s, db.user, "grant", "role", None, new=", ".join(names.values()),
                     reason="roles set up")
    log.info("roles set up on %s", db.display_name())
    return names


def _create_role(conn: Connection, name: str) -> None:
    exists = conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name})
    if not exists:
        conn.exec_driver_sql(f'CREATE ROLE "{name}" NOLOGIN')


def grant_role(db: Database, login: str, role: str, prefix: str = DEFAULT_PREFIX) -> None:
    """Make the existing login role ``login`` one of ROLES (as an administrator)."""
    name = group_role(role, prefix)
    with db.begin() as s:
        conn = s.connection()
        if not conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": login}):
            raise NotFound(f"no database role {login!r}: create the login first "
                           f"(CREATE ROLE ... LOGIN)")
        quote = conn.dialect.identifier_preparer.quote_identifier
        conn.exec_driver_sql(f'GRANT "{name}" TO {quote(login)}')
        audit.record(s, db.user, "grant", "role", None, field=name, new=login)


def _level(level: str) -> str:
    level = level.strip().upper()
    if level not in CLASSIFICATIONS:
        raise ConfigError(f"unknown classification {level!r}: one of "
                          f"{', '.join(CLASSIFICATIONS)}")
    return level


def set_clearance(db: Database, member: str, level: str) -> None:
    level = _level(level)
    with db.begin() as s:
        row = s.get(Clearance, member)
        old = row.level if row else None
        if row is None:
            s.add(Clearance(member=member, level=level))
        else:
            row.level = level
        audit.record(s, db.user, "update", "clearance", None, field=member, old=old, new=level)


def add_to_team(db: Database, team: str, member: str) -> int:
    """Put ``member`` (a database role) in ``team``, created when new; the team's id."""
    with db.begin() as s:
        team_id = s.scalar(select(Team.id).where(Team.name == team))
        if team_id is None:
            new = Team(name=team)
            s.add(new)
            s.flush()
            team_id = new.id
        if s.get(TeamMember, (team_id, member)) is None:
            s.add(TeamMember(team_id=team_id, member=member))
            audit.record(s, db.user, "add", "team", team_id, field="member", new=member)
    return team_id


def mark_case(db: Database, case_ref: str, classification: str, team: str | None = None
              ) -> None:
    """Set a case's classification and team (None: no team)."""
    classification = _level(classification)
    with db.begin() as s:
        cid = s.scalar(select(Case.id).where(Case.case_ref == case_ref))
        if cid is None:
            raise NotFound(f"no case {case_ref!r}")
        team_id = None
        if team is not None:
            team_id = s.scalar(select(Team.id).where(Team.name == team))
            if team_id is None:
                raise NotFound(f"no team {team!r}: add a member to create it")
        mark = s.get(CaseMarking, cid)
        old = f"{mark.classification}/{mark.team_id}" if mark else None
        if mark is None:
            s.add(CaseMarking(case_id=cid, classification=classification, team_id=team_id,
                              set_by=db.user))
        else:
            mark.classification, mark.team_id, mark.set_by = classification, team_id, db.user
        audit.record(s, db.user, "mark", "case", cid, field="classification", old=old,
                     new=f"{classification}/{team_id}")


def classification(db: Database, case_id: int) -> str:
    with db.read() as s:
        return s.scalar(select(CaseMarking.classification).where(
            CaseMarking.case_id == case_id)) or CLASSIFICATIONS[0]


def record_view(db: Database, case_id: int, what: str) -> bool:
    """Audit that the user viewed ``what`` of a case classified above OFFICIAL; whether it did.
    Raises CaseDbError when the entry cannot be written (the view must not go unrecorded)."""
    level = classification(db, case_id)
    if level == CLASSIFICATIONS[0]:
        return False
    try:
        with db.begin() as s:
            audit.record(s, db.user, "view", "case", case_id, field=what, new=level)
    except Exception as exc:
        raise CaseDbError(f"case {case_id}: the view of a {level} case could not be audited; "
                          "ask an administrator to check your role") from exc
    return True
