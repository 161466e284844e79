"""Exports: tables to CSV and XLSX with formula injection neutralised, and a case as a JSON
bundle that another WasteIntel imports (exchange between administrations), optionally redacted
of personal data (names, phones, addresses, emails) for non-personal exchange."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

from sqlalchemy import select

from . import audit
from .casefile import load_case_file
from .cases import create_case
from .db import Database
from .errors import CaseDbError, ConflictError
from .models import (
    Declaration,
    DeclarationContainer,
    DeclarationParty,
    Party,
    PartyIdentifier,
    PartyName,
    Seizure,
)

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
BUNDLE_FORMAT = "wasteintel-case-bundle"


def neutralise(value):
    """A cell that a spreadsheet would run as a formula becomes inert text (leading quote)."""
    if isinstance(value, str) and value.startswith(DANGEROUS):
        return "'" + value
    return value


def write_table(path, header: list[str], rows) -> Path:
    path = Path(path)
    if path.suffix.lower() == ".csv":
        with open(path, "w", newline="", encoding="utf-8-sig") as f:
            w = csv.writer(f)
            w.writerow([neutralise(h) for h in header])
            w.writerows([[neutralise(_cell(v)) for v in r] for r in rows])
    elif path.suffix.lower() == ".xlsx":
        import xlsxwriter

        wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False,
                                             "strings_to_urls": False})
        ws = wb.add_worksheet("export")
        ws.write_row(0, 0, [neutralise(h) for h in header])
        for i, r in enumerate(rows, start=1):
            for j, v in enumerate(r):
                v = neutralise(_cell(v))
                if isinstance(v, str):
                    ws.write_string(i, j, v)
                elif v is not None:
                    ws.write(i, j, v)
        wb.close()
    else:
        raise CaseDbError(f"unknown table format {path.suffix!r}: use .csv or .xlsx")
    return path


def _cell(v):
    return v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v


# -- JSON bundle -------------------------------------------------------------------------------
_DECL = ("authority", "declaration_no", "declaration_date", "direction", "hs_code",
         "goods_description", "gross_weight_kg", "net_weight_kg", "declared_value", "currency",
         "permit_no", "bl_no", "vessel_name", "vessel_imo", "voyage_no", "port_of_loading",
         "port_of_transshipment", "port_of_discharge", "country_of_origin", "country_of_export",
         "country_of_destination")
_SEIZ = ("seizure_date", "quantity_kg", "waste_category", "basel_code", "offence",
         "detection_method", "outcome")


def export_bundle(db: Database, case_ref: str, path, *, redact: bool = False) -> Path:
    cf = load_case_file(db, case_ref)
    ids = [d.id for d in cf.declarations]
    with db.read() as s:
        decls = {d.id: d for d in s.scalars(select(Declaration).where(Declaration.id.in_(ids)))}
        seizures = s.scalars(select(Seizure).where(Seizure.case_id == cf.case.id)).all()
        roles = s.execute(select(DeclarationParty.declaration_id, DeclarationParty.role,
                                 DeclarationParty.party_id).where(
            DeclarationParty.declaration_id.in_(ids))).all()
        cntr = s.execute(select(DeclarationContainer.declaration_id,
                                DeclarationContainer.container_no).where(
            DeclarationContainer.declaration_id.in_(ids))).all()
    parties = {p.id: p for p in cf.parties}
    alias = {pid: f"PARTY-{n + 1}" for n, pid in enumerate(sorted(parties))}
    c = cf.case
    bundle = {"format": BUNDLE_FORMAT, "version": 1, "redacted": redact,
              "case": {"case_ref": c.case_ref, "title": c.title, "status": c.status,
                       "opened_on": _cell(c.opened_on), "summary": c.summary,
                       "tags": list(c.tags)},
              "parties": [_party_json(p, alias[p.id], redact) for p in
                          {p.id: p for p in cf.parties}.values()],
              "declarations": [], "notes": [] if redact else [n.body for n in c.notes]}
    for did, d in decls.items():
        item = {k: _cell(getattr(d, k)) for k in _DECL}
        item["containers"] = sorted(n for i, n in cntr if i == did)
        item["parties"] = {role: alias[pid] for i, role, pid in roles if i == did and pid in alias}
        z = next((z for z in seizures if z.declaration_id == did), None)
        item["seizure"] = {k: _cell(getattr(z, k)) for k in _SEIZ} if z else None
        bundle["declarations"].append(item)
    Path(path).write_text(json.dumps(bundle, ensure_ascii=False, indent=2), encoding="utf-8")
    return Path(path)


def _party_json(p, alias: str, redact: bool) -> dict:
    if redact:
        return {"ref": alias, "name": alias, "country": p.country, "variants": [],
                "identifiers": []}
    return {"ref": alias, "name": p.display_name, "country": p.country,
            "variants": list(p.variants), "identifiers": [list(i) for i in p.identifiers]}


def import_bundle(db: Database, path) -> str:
    """Create the case of a bundle (refused if the case exists); returns its reference."""
    data = json.loads(Path(path).read_text("utf-8"))
    if data.get("format") != BUNDLE_FORMAT:
        raise CaseDbError(f"{path}: not a WasteIntel case bundle")
    c = data["case"]
    with db.begin() as s:
        try:
            cid = create_case(db, c["case_ref"], c["title"], session=s, status=c["status"],
                              summary=c["summary"], tags=c["tags"],
                              opened_on=_date(c["opened_on"]), reason=f"bundle {Path(path).name}")
        except ConflictError as exc:
            raise CaseDbError(f"case {c['case_ref']} exists already in this database") from exc
        pids = _add_parties(s, data["parties"])
        _add_declarations(s, cid, data["declarations"], pids)
        for body in data.get("notes") or []:
            from .models import Note

            s.add(Note(case_id=cid, author=db.user, body=body))
        audit.record(s, db.user, "import", "case", cid, new=c["case_ref"],
                     reason=f"case bundle {Path(path).name}")
    return c["case_ref"]


def _add_parties(s, parties: list[dict]) -> dict[str, int]:
    from .normalize import address_key, name_key

    pids = {}
    for p in parties:
        party = Party(display_name=p["name"], name_key=name_key(p["name"]), country=p["country"])
        s.add(party)
        s.flush()
        pids[p["ref"]] = party.id
        for raw in p["variants"] or [p["name"]]:
            s.add(PartyName(party_id=party.id, raw_name=raw, name_key=name_key(raw),
                            country=p["country"] or ""))
        for kind, value in p["identifiers"]:
            key = address_key(value) if kind == "address" else value
            s.add(PartyIdentifier(party_id=party.id, kind=kind, value=value, value_key=key))
    return pids


def _add_declarations(s, case_id: int, declarations: list[dict], pids: dict) -> None:
    for d in declarations:
        values = {k: d[k] for k in _DECL}
        values["declaration_date"] = _date(values["declaration_date"])
        decl = Declaration(**values)
        s.add(decl)
        s.flush()
        for no in d["containers"]:
            s.add(DeclarationContainer(declaration_id=decl.id, container_no=no))
        for role, ref in d["parties"].items():
            s.add(DeclarationParty(declaration_id=decl.id, role=role, party_id=pids[ref]))
        if d["seizure"]:
            z = dict(d["seizure"], seizure_date=_date(d["seizure"]["seizure_date"]))
            s.add(Seizure(case_id=case_id, declaration_id=decl.id, **z))


def _date(text):
    return dt.date.fromisoformat(text) if text else None


def export_records(db, kind: str, path, filters=None, progress=None) -> int:
    """The case or declaration table, with the browser's filters and order, to CSV or XLSX
    (cells neutralised). Returns the number of rows written."""
    from . import browse

    f = filters or browse.Filters()
    if kind == "cases":
        ids, fetch, header = browse.case_ids(db, f), browse.case_rows, browse.CASE_COLUMNS
    elif kind == "declarations":
        ids, fetch = browse.declaration_ids(db, f), browse.declaration_rows
        header = browse.DECLARATION_COLUMNS
    else:
        raise CaseDbError(f"unknown table {kind!r}: cases or declarations")

    def rows():
        for start in range(0, len(ids), 5000):
            if progress is not None:
                progress.raise_if_cancelled()
                progress.report(start, len(ids))
            yield from fetch(db, ids[start:start + 5000])

    write_table(path, list(header), rows())
    return len(ids)
