"""``wasteintel db upgrade | check | backup | roles``."""

from __future__ import annotations

from casedb.store import migrate
from casedb.store.database import Database

from ..arguments import new_file
from ..cli import add_actions
from ..output import emit_json, emit_lines


def register(sub) -> None:
    p = sub.add_parser("db", help="create, upgrade, check or back up the case database")
    dsub = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = dsub.add_parser("upgrade", help="create the schema or bring it to the newest version")
    ck = dsub.add_parser("check", help="check schema version and integrity")
    bk = dsub.add_parser("backup", help="write an online, consistent copy")
    bk.add_argument("output", type=new_file, help="backup file to write (must not exist)")
    ro = dsub.add_parser("roles", help="set up the analyst, supervisor, auditor and "
                                       "administrator roles on a PostgreSQL server (as owner)")
    ro.add_argument("--prefix", default="wasteintel", help="role names PREFIX_analyst...")
    ro.add_argument("--grant", action="append", default=[], metavar="LOGIN=ROLE",
                    help="make an existing login one of the roles (repeatable)")
    add_actions((up, _upgrade), (ck, _check), (bk, _backup), (ro, _roles))


def _upgrade(args) -> int:
    db = Database(getattr(args, "db", None))
    before = migrate.current_revision(db)
    copy = migrate.ensure_schema(db)  # an existing SQLite database is copied first
    after = migrate.current_revision(db)
    if args.json:
        emit_json({"database": db.display_name(), "before": before, "after": after,
                   "changed": before != after, "copy_of_old": str(copy) if copy else None})
    else:
        lines = [f"{db.display_name()}: schema {before or 'none'} -> {after}"
                 if before != after else f"{db.display_name()}: schema {after} is current"]
        if copy:
            lines.append(f"the old file is kept at {copy}")
        emit_lines(lines)
    return 0


def _check(args) -> int:
    db = Database(getattr(args, "db", None))
    report = migrate.check(db)
    if args.json:
        emit_json({"database": db.display_name(), "revision": report.revision,
                   "head": report.head, "integrity": report.integrity, "tables": report.tables,
                   "ok": report.ok})
    else:
        emit_lines([f"database:  {db.display_name()}", f"revision:  {report.revision} "
                    f"(head {report.head})", f"integrity: {report.integrity}",
                    f"tables:    {report.tables}"])
    if not report.ok:
        from casedb.errors import SchemaError

        raise SchemaError(f"check failed: revision {report.revision}, head {report.head}, "
                          f"integrity {report.integrity}")
    return 0


def _backup(args) -> int:
    db = Database(getattr(args, "db", None))
    migrate.require_current(db)
    out = migrate.backup(db, args.output)
    if args.json:
        emit_json({"database": db.display_name(), "backup": str(out)})
    else:
        emit_lines([f"backup written to {out}"])
    return 0


def _roles(args) -> int:
    from casedb.security.roles import grant_role, group_role, setup_roles

    from ..arguments import UsageError

    db = Database(getattr(args, "db", None))
    migrate.require_current(db)
    grants = []
    for item in args.grant:
        login, _, role = item.partition("=")
        if not login or not role:
            raise UsageError(f"--grant {item!r}: write LOGIN=ROLE, e.g. --grant alice=analyst")
        grants.append((login.strip(), role.strip()))
        group_role(role.strip(), args.prefix)  # an unknown role refused before anything is done
    names = setup_roles(db, args.prefix)
    for login, role in grants:
        grant_role(db, login, role, args.prefix)
    if args.json:
        emit_json({"database": db.display_name(), "roles": names,
                   "granted": [{"login": login, "role": role} for login, role in grants]})
    else:
        emit_lines([f"{db.display_name()}: roles {', '.join(names.values())} set up",
                    *(f"{login} is now {role}" for login, role in grants)])
    return 0
