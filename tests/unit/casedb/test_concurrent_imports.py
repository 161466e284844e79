"""Two writers at once: PostgreSQL imports naming the same new companies both succeed (however
many: a COPY that loses the race is retried like an INSERT); on SQLite
an import waits for another writer's lock, with progress, however long it holds it."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import create_engine, func, select, text

from casedb.importing.pipeline import import_file, import_files
from casedb.models import Declaration, Party, PartyName
from casedb.progress import CallbackProgress
from casedb.store import bulk
from tests.writers import write_csv

HEADER = ["Declaration No.", "Declaration Date", "HS Code", "Gross Weight (kg)", "Shipper",
          "Consignee", "Country of Export"]
COMPANIES = ["Orient Scrap Co., Ltd.", "Klang Polymer Sdn Bhd", "Delta Waste Trading"]


def declarations_file(path, prefix: str, n: int = 30, kg: int = 1000):
    rows = [[f"{prefix}{i:04d}", "2024-03-01", "391510", kg + i, COMPANIES[i % 3],
             COMPANIES[(i + 1) % 3], "Malaysia"] for i in range(n)]
    return write_csv(path, [HEADER, *rows])


class GatedProgress(CallbackProgress):
    """Stops the import at its first written chunk (parties inserted, nothing committed)
    until ``go`` is set."""

    def __init__(self):
        super().__init__(self._reported)
        self.written = threading.Event()
        self.go = threading.Event()

    def _reported(self, done, _total):
        if done and not self.written.is_set():
            self.written.set()
            assert self.go.wait(60), "the test never let the first import go on"


def _run(results: dict, key: str, fn) -> threading.Thread:
    def target():
        try:
            results[key] = fn()
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            results[key] = exc
    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    return thread


def _waiting_on_a_lock(url: str) -> bool:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return bool(conn.scalar(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                " AND wait_event_type = 'Lock'")))
    finally:
        engine.dispose()


def _one_waiting_for_the_other(db, first, second) -> dict:
    """Import ``first``, held after its first chunk (its new companies in, uncommitted), then
    ``second``, which waits on them; then let both finish. Their reports (or errors) by name."""
    gate, results = GatedProgress(), {}
    one = _run(results, "first", lambda: import_file(db, first, progress=gate))
    assert gate.written.wait(60)
    two = _run(results, "second", lambda: import_file(db, second))
    for _ in range(600):  # the second import waits on the first's uncommitted names
        if _waiting_on_a_lock(db.url):
            break
        two.join(0.1)
    else:
        pytest.fail("the second import never waited for the first")
    gate.go.set()
    one.join(120)
    two.join(120)
    return results


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_two_postgresql_imports_of_the_same_new_companies_both_succeed(db, tmp_path):
    first = declarations_file(tmp_path / "first.csv", "A")
    second = declarations_file(tmp_path / "second.csv", "B")
    results = _one_waiting_for_the_other(db, first, second)
    assert not isinstance(results["first"], BaseException), results["first"]
    assert not isinstance(results["second"], BaseException), results["second"]
    assert (results["first"].imported, results["second"].imported) == (30, 30)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Declaration)) == 60
        assert s.scalar(select(func.count()).select_from(Party)) == len(COMPANIES)
        # each name once as a shipper (of Malaysia) and once as a consignee (no country)
        assert s.scalar(select(func.count()).select_from(PartyName)) == 2 * len(COMPANIES)


# More new companies than bulk.MIN_COPY_ROWS: their names go in by COPY, not INSERTs.
MANY = [f"Racing Scrap {i:03d} Co., Ltd." for i in range(2 * bulk.MIN_COPY_ROWS)]


def many_companies_file(path, prefix: str):
    n = len(MANY)
    return write_csv(path, [HEADER, *([f"{prefix}{i:04d}", "2024-03-01", "391510", 1000 + i,
                                       MANY[i], MANY[(i + 1) % n], "Malaysia"]
                                      for i in range(n))])


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_a_copy_that_loses_the_race_is_retried(db, tmp_path):
    """The second import's COPY of the same new names waits for the first import, fails on
    their unique key when the first commits, and the whole import runs again and merges (the
    driver's error from a COPY was not SQLAlchemy's, and was not retried)."""
    results = _one_waiting_for_the_other(db, many_companies_file(tmp_path / "a.csv", "A"),
                                         many_companies_file(tmp_path / "b.csv", "B"))
    for key in ("first", "second"):
        assert not isinstance(results[key], BaseException), results[key]
        assert results[key].imported == len(MANY)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Declaration)) == 2 * len(MANY)
        assert s.scalar(select(func.count()).select_from(Party)) == len(MANY)
        assert s.scalar(select(func.count()).select_from(PartyName)) == 2 * len(MANY)


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_two_postgresql_imports_of_the_same_new_declarations_both_succeed(db, tmp_path):
    """Both files carry the same new declaration numbers (another source: other weights). The
    second import's COPY of the declarations waits for the first, loses on their unique key,
    and the import runs again, merging into what the first stored."""
    results = _one_waiting_for_the_other(db, declarations_file(tmp_path / "a.csv", "S"),
                                         declarations_file(tmp_path / "b.csv", "S", kg=5000))
    for key in ("first", "second"):
        assert not isinstance(results[key], BaseException), results[key]
    assert (results["first"].imported, results["second"].merged) == (30, 30)
    assert len(results["second"].discrepancies) == 30  # the other weights, kept
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Declaration)) == 30


def test_a_sqlite_import_waits_for_another_writer_with_progress(sqlite_db, tmp_path):
    paths = [declarations_file(tmp_path / f"f{i}.csv", f"S{i}") for i in range(2)]
    holder = sqlite3.connect(sqlite_db.sqlite_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer, holding the lock
    waited: list[float] = []

    class Waiting(CallbackProgress):
        def waiting(self, seconds):
            waited.append(seconds)

    results: dict = {}
    progress = Waiting(lambda done, total: None)
    batch = _run(results, "batch", lambda: import_files(sqlite_db, paths, progress=progress))
    while len(waited) < 3 and batch.is_alive():  # waits on past several polls
        batch.join(0.05)
    holder.execute("COMMIT")
    holder.close()
    batch.join(120)
    assert len(waited) >= 3 and waited == sorted(waited)
    reports = results["batch"]
    assert not isinstance(reports, BaseException), reports
    assert [r.imported for r in reports] == [30, 30]  # every file of the batch


def test_a_waiting_sqlite_import_can_be_cancelled(sqlite_db, tmp_path):
    from casedb.progress import Cancelled

    path = declarations_file(tmp_path / "f.csv", "C")
    holder = sqlite3.connect(sqlite_db.sqlite_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")

    class GiveUp(CallbackProgress):
        def waiting(self, seconds):
            self.cancel()

    try:
        with pytest.raises(Cancelled):
            import_file(sqlite_db, path, progress=GiveUp(lambda done, total: None))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with sqlite_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Declaration)) == 0
