"""Cases and seizures named on imported rows (a seizure register's case number)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from casedb.security.references import ReferenceTaken, new_reference
from casedb.store import audit

from ..models import Case, Seizure
from ..models.base import clip
from .rows import SourceRow

SEIZURE_FIELDS = {
    "seizure_date": "seizure_date", "quantity_seized_kg": "quantity_kg",
    "waste_category": "waste_category", "basel_code": "basel_code", "offence": "offence",
    "detection_method": "detection_method", "outcome": "outcome",
}


class SeizureWriter:
    """A row's seizure in its case (opened when new), one per case and declaration."""

    def __init__(self, session: Session, *, user: str, file_name: str):
        self._s = session
        self._user = user
        self._file_name = file_name
        self._cases: dict[str, int] = {}
        self._taken: dict[str, str] = {}  # case number -> why it is refused

    def write(self, r: SourceRow, decl_id: int) -> int:
        """The id of the seizure of row ``r`` (with a case reference) on ``decl_id``."""
        case_id = self._case_id(r.values)
        values = {col: r.values[f] for f, col in SEIZURE_FIELDS.items()
                  if r.values.get(f) is not None}
        for col in ("waste_category", "offence", "detection_method", "outcome"):
            if col in values:
                values[col] = clip(values[col], getattr(Seizure, col))
        if "basel_code" in values:
            values["basel_code"] = clip(values["basel_code"], Seizure.basel_code)
        row = self._s.execute(select(Seizure).where(
            Seizure.case_id == case_id, Seizure.declaration_id == decl_id)).scalar_one_or_none()
        if row is None:
            return self._s.execute(insert(Seizure).values(
                case_id=case_id, declaration_id=decl_id, version=1, **values
            ).returning(Seizure.id)).scalar_one()
        for col, value in values.items():
            if getattr(row, col) is None:
                setattr(row, col, value)
        return row.id

    def refusal(self, v: dict) -> tuple[str, str] | None:
        """Why a row's case number cannot take its seizure, as (column, reason): a case the
        user may not see holds it (casedb.security.references). Opens the case when new."""
        ref = clip(v["case_ref"], Case.case_ref)
        if ref not in self._taken:
            try:
                self._case_id(v)
            except ReferenceTaken as exc:
                self._taken[ref] = str(exc)
        return ("case_ref", self._taken[ref]) if ref in self._taken else None

    def _case_id(self, v: dict) -> int:
        ref = clip(v["case_ref"], Case.case_ref)
        cid = self._cases.get(ref)
        if cid is None:
            cid = self._s.scalar(select(Case.id).where(Case.case_ref == ref))
            if cid is None:
                opened = v.get("seizure_date") or v.get("declaration_date")
                with new_reference(self._s, ref):
                    cid = self._s.execute(insert(Case).values(
                        case_ref=ref, title=v.get("case_title") or "", status="open",
                        opened_on=opened if isinstance(opened, dt.date) else None, summary="",
                        tags=[], version=1).returning(Case.id)).scalar_one()
                audit.record(self._s, self._user, "create", "case", cid, new=ref,
                             reason=f"import {self._file_name}")
            self._cases[ref] = cid
        return cid
