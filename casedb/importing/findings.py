"""What the writer keeps besides declarations: the warnings of the rows it stored (an optional
value that could not be read, kept as written) and the discrepancies between sources."""

from __future__ import annotations

from sqlalchemy.orm import Session

from casedb.importing.write_new import Outcome
from casedb.models.base import clip
from casedb.store.bulk import insert_rows

from ..models import Discrepancy, ImportWarning
from .tolerance import shown

W, D = ImportWarning, Discrepancy


class Findings:
    def __init__(self, session: Session, outcome: Outcome, *, source_file_id: int, run_id: int):
        self._s = session
        self._outcome = outcome
        self._source_id = source_file_id
        self._run_id = run_id

    def warnings(self, sheet: str, warnings, ids: dict[int, int]) -> None:
        """Store the warnings, (row, field, column header, value as written, reason), of the
        rows stored: ``ids`` maps their row numbers to their declarations."""
        rows = [{"import_run_id": self._run_id, "source_file_id": self._source_id,
                 "sheet": clip(sheet, W.sheet), "row_number": row, "declaration_id": ids[row],
                 "field": clip(name, W.field), "column_header": clip(header or name, W.column_header),
                 "raw_value": None if raw is None else str(raw), "reason": str(reason)}
                for row, name, header, raw, reason in warnings if row in ids]
        if rows:
            insert_rows(self._s.connection(), ImportWarning.__table__, rows)
            self._outcome.warnings += len(rows)

    def discrepancies(self, found: list[tuple]) -> None:
        """Store disagreements, (declaration id, item number or None, field, stored value,
        other value, sheet, row), with the provenance of the row that disagrees."""
        rows = [{"declaration_id": decl_id, "item_no": item_no, "field": clip(name, D.field),
                 "stored_value": shown(stored), "other_value": shown(other),
                 "source_file_id": self._source_id, "import_run_id": self._run_id,
                 "sheet": clip(sheet, D.sheet), "row_number": row, "status": "open"}
                for decl_id, item_no, name, stored, other, sheet, row in found]
        if rows:
            insert_rows(self._s.connection(), Discrepancy.__table__, rows)
            self._outcome.discrepancies += [
                (r["sheet"], r["row_number"], r["field"], r["stored_value"], r["other_value"])
                for r in rows]
