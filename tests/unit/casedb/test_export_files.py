"""casedb.store.export_file: every export (table, dossier, bundle, graph, backup) reaches its
file whole and audited, or not at all. A completed export has its file and its audit entry; one
that fails half-way (an exception, Ctrl-C) or is cancelled leaves neither a file nor an entry,
and a file already at the destination stays as it was; no temporary file is left behind."""

from __future__ import annotations

import os
import stat
import threading

import pytest

from casedb.dossier import write_dossier
from casedb.exchange import export_bundle
from casedb.exports.tables import export_records, write_table
from casedb.links.network import party_network, write_graph
from casedb.progress import Cancelled
from casedb.store import audit, export_file, migrate
from casedb.store.write_lock import WriteLockGivenUp, waiting_writes
from tests.unit.casedb.test_private_files import a_case

OLD = "the previous export, kept until a new one is complete\n"


def exports(db) -> list[audit.AuditRow]:
    with db.read() as s:
        return [e for e in audit.entries(s) if e.action == "export"]


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if export_file.PART_SUFFIX in p.name)


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_each_completed_export_has_its_file_its_audit_entry_and_no_temporary_file(
        db, tmp_path, out):
    ref = a_case(db, tmp_path)
    (out / "cases.csv").write_text(OLD, encoding="utf-8")  # replaced whole
    files = {"dossier": write_dossier(db, ref, out / "dossier.html"),
             "bundle": export_bundle(db, ref, out / "case.json"),
             "graph": write_graph(party_network(db), out / "parties.gexf", db),
             "backup": migrate.backup(db, out / "backup.db")}
    assert export_records(db, "cases", out / "cases.csv") == 1
    files["table"] = out / "cases.csv"
    assert (out / "cases.csv").read_text(encoding="utf-8-sig").startswith("case_ref")
    assert sorted((e.field, e.new_value) for e in exports(db)) == sorted(
        (kind, str(path.resolve())) for kind, path in files.items())
    assert {k: oct(stat.S_IMODE(os.stat(p).st_mode)) for k, p in files.items()} == {
        k: "0o600" for k in files}
    assert leftovers(out) == []


def test_an_exception_half_way_through_a_table_leaves_the_previous_file(db, tmp_path, out):
    a_case(db, tmp_path)
    dest = out / "declarations.xlsx"
    dest.write_text(OLD, encoding="utf-8")

    def rows():
        yield ["AA1", "2024-03-01"]
        raise OSError(28, "No space left on device")

    with pytest.raises(Exception, match="No space left on device") as caught:
        write_table(dest, ["declaration", "date"], rows(), db=db, detail="2 declarations")
    assert str(dest) in str(caught.value)  # the error names the file
    assert dest.read_text(encoding="utf-8") == OLD
    assert exports(db) == [] and leftovers(out) == []


def test_ctrl_c_during_a_table_export_leaves_no_file_and_no_entry(db, tmp_path, out):
    a_case(db, tmp_path)

    class CtrlC:  # the terminal's interrupt, arriving while the rows are read
        def report(self, done, total):
            raise KeyboardInterrupt

        def raise_if_cancelled(self):
            pass

    with pytest.raises(KeyboardInterrupt):
        export_records(db, "declarations", out / "declarations.csv", progress=CtrlC())
    assert list(out.iterdir()) == [] and exports(db) == []


def test_a_dossier_whose_pdf_fails_half_way_leaves_the_previous_file(db, tmp_path, out,
                                                                     monkeypatch):
    from casedb.dossier import pdf

    ref = a_case(db, tmp_path)
    dest = out / "dossier.pdf"
    dest.write_text(OLD, encoding="utf-8")

    def half_a_pdf(data, path):
        path.write_bytes(b"%PDF-1.4 half")
        raise RuntimeError("reportlab failed")

    monkeypatch.setattr(pdf, "write_pdf", half_a_pdf)
    with pytest.raises(RuntimeError, match="reportlab failed"):
        write_dossier(db, ref, dest)
    assert dest.read_text(encoding="utf-8") == OLD
    assert exports(db) == [] and leftovers(out) == []


def test_a_backup_that_fails_half_way_leaves_nothing(db, out, monkeypatch):
    def half_a_copy(database, dest):
        dest.write_bytes(b"SQLite format 3\x00 half")
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(migrate, "_copy", half_a_copy)
    with pytest.raises(Exception, match="Input/output error"):
        migrate.backup(db, out / "backup.db")
    assert list(out.iterdir()) == [] and exports(db) == []


class CancelWhenWaiting:
    """The workstation's job, cancelled by the investigator while the export's audit entry
    waits for another program's write lock."""

    def __init__(self):
        self.stop = threading.Event()

    def report(self, done, total):
        pass

    def waiting(self, seconds):
        self.stop.set()

    def raise_if_cancelled(self):
        if self.stop.is_set():
            raise Cancelled()


@pytest.mark.parametrize("kind", ["bundle", "graph", "backup", "dossier"])
def test_an_export_cancelled_while_its_audit_entry_waits_leaves_no_file(sqlite_db, tmp_path,
                                                                         out, holder, kind):
    ref = a_case(sqlite_db, tmp_path)
    holder.execute("BEGIN IMMEDIATE")  # another program writing: the audit entry waits
    dest = out / {"bundle": "case.json", "graph": "net.graphml", "backup": "backup.db",
                  "dossier": "dossier.html"}[kind]
    write = {"bundle": lambda: export_bundle(sqlite_db, ref, dest),
             "graph": lambda: write_graph(party_network(sqlite_db), dest, sqlite_db),
             "backup": lambda: migrate.backup(sqlite_db, dest),
             "dossier": lambda: write_dossier(sqlite_db, ref, dest)}[kind]
    with pytest.raises(WriteLockGivenUp, match="nothing was written"), \
            waiting_writes(CancelWhenWaiting(), every=False):
        write()
    holder.execute("ROLLBACK")
    assert list(out.iterdir()) == [] and exports(sqlite_db) == []


def test_a_cancel_after_the_rows_are_written_leaves_no_file(sqlite_db, tmp_path, out):
    a_case(sqlite_db, tmp_path)

    class CancelAtTheEnd:  # cancelled once every row is read, before the audit entry
        def __init__(self):
            self.checks = 0

        def report(self, done, total):
            pass

        def raise_if_cancelled(self):
            self.checks += 1
            if self.checks > 1:
                raise Cancelled()

    with pytest.raises(Cancelled):
        export_records(sqlite_db, "declarations", out / "d.csv", progress=CancelAtTheEnd())
    assert list(out.iterdir()) == [] and exports(sqlite_db) == []


def test_an_export_into_a_folder_it_cannot_make_names_the_file(sqlite_db, tmp_path):
    blocker = tmp_path / "not a folder"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(Exception, match="cannot write") as caught:
        write_table(blocker / "t.csv", ["a"], [[1]], db=sqlite_db)
    assert str(blocker / "t.csv") in str(caught.value)
    assert exports(sqlite_db) == []


@pytest.fixture
def holder(sqlite_db):
    import sqlite3

    conn = sqlite3.connect(sqlite_db.sqlite_path, isolation_level=None)
    yield conn
    if conn.in_transaction:
        conn.execute("ROLLBACK")
    conn.close()
