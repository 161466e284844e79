"""Roles, teams and clearances on a real PostgreSQL server, with several real login roles: the
server decides who sees which case, who may write, and who is recorded in the audit."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from casedb.cases.casefile import load_case_file
from casedb.cases.records import create_case, get_case, list_cases, update_case
from casedb.errors import NotFound
from casedb.security.roles import add_to_team, grant_role, mark_case, set_clearance, setup_roles
from casedb.store import audit
from casedb.store.database import Database
from tests.conftest import migrated_pg_database


class World:
    """A case database with teams A and B, analysts of each, an auditor, and three cases:
    A-1 (RESTRICTED, team A), B-1 (RESTRICTED, team B), OPEN-1 (no marking)."""

    def __init__(self, owner: Database, prefix: str):
        self.owner, self.prefix = owner, prefix
        self.logins: list[str] = []

    def login(self, name: str, role: str) -> str:
        login = f"{self.prefix}_{name}"
        with self.owner.engine.connect() as conn:
            conn.exec_driver_sql(f'CREATE ROLE "{login}" LOGIN')
            conn.commit()
        self.logins.append(login)
        grant_role(self.owner, login, role, self.prefix)
        return login

    def connect(self, login: str, os_user: str = "someone") -> Database:
        url = make_url(self.owner.url).set(username=login, password=None)
        return Database(url.render_as_string(hide_password=False), user=os_user)


@pytest.fixture
def world(request, pg_admin_url):
    prefix = f"wi{uuid.uuid4().hex[:8]}"
    with migrated_pg_database(request) as owner:
        w = World(owner, prefix)
        setup_roles(owner, prefix)
        w.analyst_a = w.login("ana_a", "analyst")
        w.analyst_b = w.login("ana_b", "analyst")
        w.auditor = w.login("aud", "auditor")
        for login, team in ((w.analyst_a, "A"), (w.analyst_b, "B")):
            add_to_team(owner, team, login)
            set_clearance(owner, login, "RESTRICTED")
        for ref, team in (("A-1", "A"), ("B-1", "B"), ("OPEN-1", None)):
            create_case(owner, ref, f"case {ref}")
            if team:
                mark_case(owner, ref, "RESTRICTED", team)
        opened: list[Database] = []
        w.opened = opened
        try:
            yield w
        finally:
            for d in opened:
                d.dispose()
    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:  # the database is gone: its grants with it
        for login in w.logins:
            conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{login}"')
        for role in ("analyst", "supervisor", "auditor", "administrator"):
            conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{prefix}_{role}"')
    admin.dispose()


def _as(world: World, login: str, os_user: str = "someone") -> Database:
    d = world.connect(login, os_user)
    world.opened.append(d)
    return d


def test_an_analyst_of_team_a_cannot_read_team_b_restricted_case(world):
    a = _as(world, world.analyst_a)
    assert [c.case_ref for c in list_cases(a)] == ["A-1", "OPEN-1"]
    with pytest.raises(NotFound):
        get_case(a, "B-1")
    with a.begin() as s:  # not even by SQL: the server hides the rows
        assert s.execute(text('SELECT count(*) FROM "case"')).scalar() == 2
        assert s.execute(text("UPDATE \"case\" SET title = 'x' WHERE case_ref = 'B-1'")
                         ).rowcount == 0
    b = _as(world, world.analyst_b)
    assert [c.case_ref for c in list_cases(b)] == ["B-1", "OPEN-1"]
    assert get_case(world.owner, "B-1").title == "case B-1"


def test_clearance_below_the_case_hides_it_even_in_the_team(world):
    mark_case(world.owner, "A-1", "CONFIDENTIAL", "A")
    assert [c.case_ref for c in list_cases(_as(world, world.analyst_a))] == ["OPEN-1"]


def test_an_auditor_reads_every_case_and_writes_nothing(world):
    aud = _as(world, world.auditor)
    assert [c.case_ref for c in list_cases(aud)] == ["A-1", "B-1", "OPEN-1"]
    with pytest.raises(DBAPIError, match="permission denied"):
        create_case(aud, "AUD-1")
    case = get_case(aud, "OPEN-1")
    with pytest.raises(DBAPIError, match="permission denied"):
        update_case(aud, "OPEN-1", case.version, {"title": "changed"})
    assert get_case(world.owner, "OPEN-1").title == "case OPEN-1"


@pytest.mark.parametrize("who", ["analyst_a", "auditor", "owner"])
def test_nobody_can_truncate_or_alter_the_audit(world, who):
    d = world.owner if who == "owner" else _as(world, getattr(world, who))
    for sql in ("TRUNCATE audit_log", "DELETE FROM audit_log", "UPDATE audit_log SET actor = 'x'"):
        with pytest.raises(DBAPIError, match="permission denied|append-only"), d.begin() as s:
            s.execute(text(sql))
    with world.owner.read() as s:
        assert len(audit.entries(s)) > 0


def test_the_actor_is_the_database_role_whatever_the_client_says(world):
    a = _as(world, world.analyst_a, os_user="the-supervisor")
    assert a.user == world.analyst_a
    create_case(a, "A-2", "new")
    with a.begin() as s:  # a client writing the audit itself cannot name someone else
        s.execute(text("INSERT INTO audit_log (at, actor, action, entity, reason) "
                       "VALUES (now(), 'the-director', 'create', 'case', '')"))
    with world.owner.read() as s:
        rows = audit.entries(s)
    created = next(r for r in rows if r.action == "create" and r.new_value == "A-2")
    assert (created.user, created.os_user) == (world.analyst_a, "the-supervisor")
    forged = rows[-1]
    assert (forged.user, forged.os_user) == (world.analyst_a, "the-director")


def test_viewing_a_restricted_case_is_audited(world):
    a = _as(world, world.analyst_a)
    load_case_file(a, "A-1")
    load_case_file(a, "OPEN-1")  # OFFICIAL: not a restricted view
    with world.owner.read() as s:
        views = [r for r in audit.entries(s) if r.action == "view"]
    assert [(r.user, r.entity_id, r.new_value) for r in views] == [
        (world.analyst_a, get_case(world.owner, "A-1").id, "RESTRICTED")]


def test_the_db_roles_command_sets_up_roles_and_grants_a_login(request, pg_admin_url):
    import json
    import subprocess
    import sys

    prefix = f"wi{uuid.uuid4().hex[:8]}"
    login = f"{prefix}_carol"
    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    try:
        with migrated_pg_database(request) as owner:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'CREATE ROLE "{login}" LOGIN')
            run = subprocess.run(
                [sys.executable, "-m", "app.cli", "db", "roles", "--db", owner.url, "--prefix",
                 prefix, "--grant", f"{login}=supervisor", "--json"],
                capture_output=True, text=True, check=False)
            assert run.returncode == 0, run.stderr
            out = json.loads(run.stdout)
            assert out["roles"]["auditor"] == f"{prefix}_auditor"
            with admin.connect() as conn:
                assert conn.scalar(text("SELECT pg_has_role(:l, :r, 'MEMBER')"),
                                   {"l": login, "r": f"{prefix}_supervisor"})
            bad = subprocess.run(
                [sys.executable, "-m", "app.cli", "db", "roles", "--db", owner.url, "--prefix",
                 prefix, "--grant", f"{login}=janitor"], capture_output=True, text=True,
                check=False)
            assert bad.returncode != 0 and "unknown role 'janitor'" in bad.stderr
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{login}"')
            for role in ("analyst", "supervisor", "auditor", "administrator"):
                conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{prefix}_{role}"')
        admin.dispose()


def test_the_audit_of_a_hidden_case_is_hidden_too(world):
    b1 = get_case(world.owner, "B-1").id
    with world.owner.read() as s:
        assert any(r.entity_id == b1 and r.entity == "case" for r in audit.entries(s))
    a = _as(world, world.analyst_a)
    with a.read() as s:
        seen = audit.entries(s, entity="case")
    assert {r.new_value for r in seen if r.action == "create"} == {"A-1", "OPEN-1"}
    assert b1 not in {r.entity_id for r in seen}
    with _as(world, world.auditor).read() as s:  # auditors read the whole audit
        assert b1 in {r.entity_id for r in audit.entries(s, entity="case")}
