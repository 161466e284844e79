"""Properties of the automatic mapping (casedb.importing.mapping.auto_map): a column means what
its header says wherever it stands in the sheet and whichever synonym names it, with headers
only and with a sample of each column's cells beside them."""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casedb.importing.fields import FIELDS, PARTY_ATTRS, PARTY_ROLES, Kind
from casedb.importing.mapping import auto_map
from casedb.importing.synonyms import SYNONYMS

# Synonyms two fields share on purpose: an exporter's country is the country of export.
SHARED = {"shipper country", "exporter country", "consignee country", "importer country"}

# Cells a column of each field holds (a vendor's, a register's, a national system's).
SAMPLES = {
    "declaration_no": ["AA/12/345/67890", "BE12101000770", "C 23456"],
    "declaration_date": ["2023-05-12", "12/05/2023", "2023-06-01T00:00:00"],
    "direction": ["IMPORT", "EXPORT", "IMPORT"],
    "hs_code": ["391510", "3915.90.00.00", "72044900"],
    "goods_description": ["PLASTIC SCRAP PE FILM IN BALES", "MIXED PAPER WASTE", "PET FLAKES"],
    "gross_weight_kg": ["21,540", "19850.5", "24800"],
    "net_weight_kg": ["21,200", "19600", "24650.25"],
    "declared_value": ["8616.00", "7420", "12,250.50"],
    "currency": ["USD", "EUR", "USD"],
    "bl_no": ["MEDUIN123456", "ZIMUNYC998877", "COSU6123456780"],
    "vessel_name": ["MSC ANNA", "EVER GIVEN", "COSCO PRIDE"],
    "vessel_imo": ["9811000", "9703291", "9839179"],
    "voyage_no": ["0123W", "FA325E", "052S"],
    "port_of_loading": ["GBFXT", "Felixstowe", "INMUN"],
    "port_of_discharge": ["MYPKG", "Port Klang", "VNHPH"],
    "country_of_origin": ["GB", "United Kingdom", "DEU"],
    "country_of_destination": ["MY", "Malaysia", "VNM"],
    "containers": ["MSCU1234566", "TGHU7654320, MAEU4120357", "CMAU5581200"],
    "shipper_name": ["ABC RECYCLING LTD", "SHREE POLYMERS PVT LTD", "GULF METALS FZE"],
    "consignee_name": ["KLANG POLYMER SDN BHD", "CEYLON POLYMERS (PVT) LTD", "XANH VIET CO"],
    "broker_name": ["ORIENT CUSTOMS BROKERS LLC", "LANKA CLEARING AGENCY", "KHH FORWARDING"],
    "shipper_address": ["12 Dock Road, Felixstowe IP11 3SY", "Plot 14 GIDC, Vapi", "Jebel Ali"],
    "consignee_phone": ["+60 3 5544 1234", "+84 28 3822 1234", "+886 7 561 2345"],
    "consignee_tax_id": ["12345675", "0312345678", "20512345678"],
    "case_ref": ["KH-2023-014", "KH-2023-015", "KH-2023-016"],
    "seizure_date": ["2023-05-20", "2023-06-02", "2023-06-15"],
    "offence": ["No Basel notification", "Misdeclared as pellets", "No permit"],
}


@cache
def _alone(name: str) -> tuple[str, ...]:
    """The synonyms of ``name`` that map to it as the only header of a sheet."""
    return tuple(w for w in _candidates(name) if w not in SHARED
                 and auto_map([w])[0].field == name)


def _candidates(name: str) -> list[str]:
    """A field's synonyms; of a party field (thousands, every role word with every attribute
    word) every role word with the field's first attribute words, and the reverse."""
    words = SYNONYMS[name]
    if FIELDS[name].group != "party":
        return words
    return words[:12] + words[::max(1, len(words) // 24)]


def _decorate(header: str, how: int, kind: Kind) -> str:
    """The same header as other writers write it: case, spacing, a colon, a weight's unit."""
    ascii_text = header.isascii()
    if how == 1 and ascii_text:
        header = header.upper()
    elif how == 2 and ascii_text:
        header = header.title()
    elif how == 3:
        header = f"  {header}:"
    elif how == 4 and kind is Kind.WEIGHT:
        header = f"{header} (kg)"
    return header


FIELD_POOL = sorted(f for f in SYNONYMS if f in FIELDS)


@st.composite
def sheets(draw, pool=FIELD_POOL):
    """(fields, headers, renamed headers, a permutation) of a sheet of distinct fields."""
    names = draw(st.lists(st.sampled_from(pool), min_size=2, max_size=12, unique=True)
                 .filter(lambda ns: all(_alone(n) for n in ns)))
    first = [_decorate(draw(st.sampled_from(_alone(n))), draw(st.integers(0, 4)),
                       FIELDS[n].kind) for n in names]
    second = [_decorate(draw(st.sampled_from(_alone(n))), draw(st.integers(0, 4)),
                        FIELDS[n].kind) for n in names]
    order = draw(st.permutations(range(len(names))))
    return names, first, second, order


def _fields(mappings) -> list[str | None]:
    return [m.field for m in sorted(mappings, key=lambda m: m.column)]


PROPERTY = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])


@PROPERTY
@given(sheets())
def test_each_column_maps_to_the_field_its_header_names(sheet):
    names, headers, _renamed, _order = sheet
    assert _fields(auto_map(headers)) == names


@PROPERTY
@given(sheets())
def test_shuffled_and_renamed_columns_map_to_the_same_fields(sheet):
    names, headers, renamed, order = sheet
    before = _fields(auto_map(headers))
    after = _fields(auto_map([renamed[i] for i in order]))
    assert after == [before[i] for i in order]


@PROPERTY
@given(sheets(pool=sorted(SAMPLES)), st.randoms(use_true_random=False))
def test_with_samples_shuffled_and_renamed_columns_map_to_the_same_fields(sheet, rnd):
    """Content scoring (auto_map(headers, samples=rows)) reads each column's cells: moved
    with their column and under another synonym, they give the same fields, and the fields
    the headers name."""
    names, headers, renamed, order = sheet
    columns = [[rnd.choice(SAMPLES[n]) for _ in range(5)] for n in names]
    rows = [list(r) for r in zip(*columns, strict=True)]
    before = _fields(auto_map(headers, samples=rows))
    after = _fields(auto_map([renamed[i] for i in order],
                             samples=[[r[i] for i in order] for r in rows]))
    assert before == names
    assert after == [names[i] for i in order]


def test_every_synonym_of_a_field_names_it_alone():
    """Outside the few shared on purpose, a synonym heading a sheet alone maps to its field
    (each field's words, and every party role with every attribute)."""
    wrong = [(w, name, auto_map([w])[0].field) for name in SYNONYMS if name in FIELDS
             for w in _candidates(name) if w not in SHARED and auto_map([w])[0].field != name]
    assert wrong == []
    for role in PARTY_ROLES:
        for attr in PARTY_ATTRS:
            assert _alone(f"{role}_{attr}"), (role, attr)


@cache
def _national_sheet(shape: str) -> tuple[tuple[str, ...], tuple[tuple, ...]]:
    """The header and the first data rows of a national file, as the import reads them."""
    import tempfile
    from pathlib import Path

    from casedb.importing.pipeline import preview_file
    from tests.unit.casedb.importing.test_national_shapes import SHAPES

    with tempfile.TemporaryDirectory() as folder:
        sheet = preview_file(SHAPES[shape](Path(folder)).path).sheets[0]
    width = len(sheet.headers)
    return tuple(sheet.headers), tuple(tuple((r + [""] * width)[:width]) for r in sheet.rows)


NATIONAL = ["sad_asycuda", "us_bill_of_lading", "dua_peru", "dt_kazakhstan", "taiwan_customs",
            "vendor_vietnam", "vendor_china", "seizure_register_en"]


@settings(max_examples=24, deadline=None)
@given(st.sampled_from(NATIONAL), st.randoms(use_true_random=False))
def test_the_columns_of_a_national_file_map_the_same_in_any_order(shape, rnd):
    """A real header row with its cells (tests/national_files.py): shuffled, each column maps
    to the field it mapped to in the file's own order, by header alone and with samples."""
    headers, rows = _national_sheet(shape)
    # A party attribute under a header naming no role ("Razón Social") takes the role of the
    # column beside it: such a pair moves as one.
    alone = {i for i, m in enumerate(auto_map(headers)) if "beside" in m.evidence}
    blocks = [[i, i + 1] if i + 1 in alone else [i] for i in range(len(headers))
              if i not in alone]
    rnd.shuffle(blocks)
    order = [i for b in blocks for i in b]
    moved = [headers[i] for i in order]
    moved_rows = [[r[i] for i in order] for r in rows]
    for samples, moved_samples in ((None, None), (rows, moved_rows)):
        before = dict(zip(headers, _fields(auto_map(headers, samples=samples)), strict=True))
        after = dict(zip(moved, _fields(auto_map(moved, samples=moved_samples)), strict=True))
        assert after == before
