"""Files only their owner can read, whatever the umask: the case database, backups, dossiers,
bundles, table and graph exports, the log; every export audited with what left and where to;
the log keeps no row data."""

from __future__ import annotations

import logging
import os
import stat

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app.logs import file_handler
from casedb.cases.attachments import add_attachment, save_attachment
from casedb.cases.members import case_from_declarations
from casedb.dossier import write_dossier
from casedb.exchange import export_bundle
from casedb.exports.tables import export_records
from casedb.importing.pipeline import import_file
from casedb.links.network import party_network, write_graph
from casedb.store import audit, migrate
from casedb.store.database import Database
from tests.writers import write_csv

COMPANY = "Orient Scrap Co., Ltd."


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def a_case(db, tmp_path) -> str:
    path = write_csv(tmp_path / "decl.csv", [
        ["Declaration No.", "Declaration Date", "HS Code", "Gross Weight (kg)", "Shipper",
         "Consignee"],
        ["AA1", "2024-03-01", "391510", 12000, COMPANY, "Klang Polymer Sdn Bhd"],
        ["AA2", "2024-03-02", "391510", 9000, COMPANY, "Klang Polymer Sdn Bhd"]])
    report = import_file(db, path)
    case_from_declarations(db, "TW-9", "plastic scrap", sorted(report.declaration_ids))
    return "TW-9"


def export_everything(db, tmp_path) -> dict:
    """kind -> the file each export wrote, into a folder made for them."""
    ref = a_case(db, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    files = {"dossier": write_dossier(db, ref, out / "dossier.html"),
             "bundle": export_bundle(db, ref, out / "case.json"),
             "graph": write_graph(party_network(db), out / "parties.graphml", db),
             "backup": migrate.backup(db, out / "new" / "backup.db")}
    (tmp_path / "bl.pdf").write_bytes(b"%PDF-1.4 a bill of lading")
    files["attachment"] = save_attachment(db, add_attachment(db, ref, tmp_path / "bl.pdf"),
                                          out / "bl copy.pdf")
    export_records(db, "declarations", out / "declarations.csv")
    export_records(db, "cases", out / "cases.xlsx")
    files["table"] = out / "declarations.csv"
    files["table xlsx"] = out / "cases.xlsx"
    return files


def test_every_export_is_audited_with_what_and_where(db, tmp_path):
    files = export_everything(db, tmp_path)
    with db.read() as s:
        exports = [e for e in audit.entries(s) if e.action == "export"]
    assert sorted((e.field, e.new_value) for e in exports) == sorted(
        ("table" if k.startswith("table") else k, str(p.resolve())) for k, p in files.items())
    reasons = {e.field: e.reason for e in exports}
    assert reasons["bundle"] == "bundle of TW-9: 2 declarations"
    assert "dossier of TW-9" in reasons["dossier"]
    assert {e.user for e in exports} == {db.user}


def test_exports_and_backups_are_private_under_umask_022(db, tmp_path, umask_022):
    files = export_everything(db, tmp_path)
    assert {k: oct(mode(p)) for k, p in files.items()} == {k: "0o600" for k in files}
    assert oct(mode(tmp_path / "out" / "new")) == "0o700"  # a folder made for the backup
    assert oct(mode(tmp_path / "out")) == "0o755"  # the user's own folder is left alone


def test_a_new_sqlite_database_is_private_under_umask_022(tmp_path, umask_022):
    path = tmp_path / "new" / "deeper" / "cases.db"
    database = Database(path, user="tester")
    try:
        migrate.upgrade(database)
        a_case(database, tmp_path)
        written = [p for p in path.parent.iterdir()]
        assert {p.name for p in written} >= {"cases.db", "cases.db-wal", "cases.db-shm"}
        assert {p.name: oct(mode(p)) for p in written} == {p.name: "0o600" for p in written}
        assert [oct(mode(p)) for p in (path.parent, path.parent.parent)] == ["0o700"] * 2
    finally:
        database.dispose()


def test_the_log_is_private_and_keeps_no_row_data(db, tmp_path, umask_022):
    path = tmp_path / "logs" / "wasteintel.log"
    handler = file_handler(path)
    log = logging.getLogger("wasteintel.test")
    log.addHandler(handler)
    try:
        a_case(db, tmp_path)
        with pytest.raises(IntegrityError) as caught, db.begin() as s:
            s.execute(text("INSERT INTO party_name (party_id, raw_name, name_key, country) "
                           "SELECT party_id, raw_name, name_key, country FROM party_name"))
        log.error("the import failed: %s", caught.value)
        log.exception("again", exc_info=caught.value)
        handler.doRollover()
        log.error("after the rollover")
    finally:
        log.removeHandler(handler)
        handler.close()
    files = sorted(path.parent.iterdir())
    assert [p.name for p in files] == ["wasteintel.log", "wasteintel.log.1"]
    assert [oct(mode(p)) for p in files] == ["0o600", "0o600"]
    assert oct(mode(path.parent)) == "0o700"
    written = "".join(p.read_text(encoding="utf-8") for p in files)
    assert "the import failed" in written and "IntegrityError" in written
    assert COMPANY not in written and "Klang" not in written
    assert db.is_sqlite or "DETAIL: (row data not logged)" in written  # what PG quoted
