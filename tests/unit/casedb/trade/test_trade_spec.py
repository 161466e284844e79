"""The trade spec, re-imports, datasets, currencies, mirrors and errors a person can act on."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from casedb.errors import NotFound, ReadError, SpecError
from casedb.models import TradeFlow
from casedb.trade import (
    check_spec,
    import_trade,
    list_datasets,
    mirror_discrepancies,
    remove_dataset,
    trade_shares,
)
from casedb.trade.analysis import TradeQueryError
from tests.unit.casedb.trade import national as nat

OWN = [["Commodity code (CN8)", "Trade flow", "Partner", "Year", "Net mass kg", "Value"],
       ["39151000", "Outward", "Turkey", "2020", "1000", "500"],
       ["39159070", "Outward", "Malaysia", "2020", "3000", "800"],
       ["39151000", "Inward (EU)", "France", "2020", "250", "90"]]


def test_a_corrected_spec_reads_the_file_again(db, tmp_path):
    path = nat.write_csv(tmp_path / "own_layout.csv", OWN)
    with pytest.raises(ReadError, match="own_layout.csv.*nearest"):
        import_trade(db, path)
    columns = {"code": "Commodity code (CN8)", "flow": "Trade flow", "partner": "Partner",
               "year": "Year", "net_mass": "Net mass kg", "value": "Value"}
    first = import_trade(db, path, spec={"columns": columns, "reporter": "United Kingdom",
                                         "dataset": "UK"})
    assert (first.imported, first.refused) == (0, 3)
    assert "'Outward' not understood" in first.refused_rows[0]["reason"]
    assert any("currency" in w for w in first.warnings)
    spec = {"columns": columns, "reporter": "GBR", "dataset": "UK", "currency": "gbp",
            "flows": {"Outward": "export", "Inward (EU)": "import"}}
    second = import_trade(db, path, spec=spec)
    assert (second.imported, second.refused, second.unchanged) == (3, 0, 0)
    assert import_trade(db, path, spec=spec).unchanged == 3  # the same spec: nothing to do
    with db.engine.connect() as conn:
        rows = conn.execute(select(TradeFlow.value, TradeFlow.currency, TradeFlow.hs_code)
                            .where(TradeFlow.dataset == "UK")).all()
    assert sorted(rows) == [(90, "GBP", "39151000"), (500, "GBP", "39151000"),
                            (800, "GBP", "39159070")]
    table = trade_shares(db, by="partner", reporter="GBR", flow="export", dataset="UK")
    assert table.share("MYS", "2020") == pytest.approx(0.75)


def test_gbp_eur_twd_are_never_labelled_usd(db, tmp_path):
    files = {"GBP": nat.hmrc_yearly(tmp_path / "uk.csv"), "EUR": nat.comext(tmp_path / "eu.csv"),
             "TWD": nat.taiwan(tmp_path / "tw.csv")}
    names = {cur: import_trade(db, path).dataset for cur, path in files.items()}
    with db.engine.connect() as conn:
        got = set(conn.execute(select(TradeFlow.dataset, TradeFlow.currency).distinct()).all())
    assert got == {(names[c], c) for c in files}
    assert {d.name: d.currencies for d in list_datasets(db)} == {
        names[c]: (c,) for c in files}


def test_datasets_listed_and_removed(db, tmp_path):
    report = import_trade(db, nat.hmrc_monthly(tmp_path / "m.csv", range(1, 4)),
                          dataset="HMRC-2021")
    (info,) = list_datasets(db)
    assert (info.name, info.layout, info.reporters, info.flows) == (
        "HMRC-2021", "UK HMRC OTS", ("GBR",), ("export", "import"))
    assert info.years == (2021,) and info.months == {2021: [1, 2, 3]}
    assert info.partial_years == (2021,) and info.rows == report.imported
    assert remove_dataset(db, "HMRC-2021") == report.imported
    assert list_datasets(db) == []
    with pytest.raises(NotFound, match="no trade dataset named 'HMRC-2021'"):
        remove_dataset(db, "HMRC-2021")
    assert import_trade(db, tmp_path / "m.csv", dataset="HMRC-2021").imported == 33


def test_the_same_flows_twice_in_a_dataset_are_refused(db, tmp_path):
    import_trade(db, nat.hmrc_yearly(tmp_path / "a.csv"), dataset="UK")
    copy = nat.hmrc_yearly(tmp_path / "b.csv")
    copy.write_text(copy.read_text("utf-8") + "\r\n", "utf-8")  # other bytes, same flows
    with pytest.raises(ReadError, match="b.csv.*already has from a.csv"):
        import_trade(db, copy, dataset="UK")


def test_mirror_across_datasets(db, tmp_path):
    uk = import_trade(db, nat.hmrc_yearly(tmp_path / "uk.csv", 2019), dataset="UK-HMRC")
    records = [nat.api_record("MYS", "GBR", "M", 30_000_000),
               nat.api_record("TUR", "GBR", "M", 31_000_000)]
    ct = import_trade(db, nat.comtrade_api(tmp_path / "ct.json", records), dataset="Comtrade")
    gaps = mirror_discrepancies(db, reporter="United Kingdom", ratio=0,
                                datasets=(uk.dataset, ct.dataset))
    by_partner = {g.importer: g for g in gaps}
    assert set(by_partner) == {"MYS", "TUR"}
    assert by_partner["MYS"].export_reported_t == pytest.approx(11_200)
    assert by_partner["MYS"].import_reported_t == pytest.approx(30_000)
    assert by_partner["MYS"].ratio == pytest.approx(30_000 / 11_200)
    assert (by_partner["TUR"].export_dataset, by_partner["TUR"].import_dataset) == (
        "UK-HMRC", "Comtrade")
    with pytest.raises(TradeQueryError, match="several trade datasets"):
        trade_shares(db, by="importer")


def test_errors_name_the_file_and_hide_library_hints(db, tmp_path):
    ragged = tmp_path / "ragged.csv"
    ragged.write_bytes(b'Reporter,Partner,Year\n"GBR,"MYS,2019\n')
    totals = nat.write_csv(tmp_path / "totals.csv", [["Country", "Year", "Tonnes"],
                                                     ["Malaysia", "2019", "5"]])
    for path in (ragged, totals, tmp_path / "missing.csv"):
        with pytest.raises(ReadError) as info:
            import_trade(db, path)
        message = str(info.value)
        assert str(path) in message
        assert "polars" not in message.lower() and "infer_schema" not in message
    with pytest.raises(SpecError, match="unknown setting"):
        check_spec({"colums": {}})
    with pytest.raises(SpecError, match="currency is an ISO 4217 code"):
        check_spec({"currency": "pounds"})


def test_refused_rows_say_their_line_and_why(db, tmp_path):
    rows = [nat.HMRC_HEADER,
            ["39151000", "39", "3915", "391510", "Waste", "2020", "EU Exports", "Poland", "5", "9",
             ""],
            ["39151000", "39", "3915", "391510", "Waste", "2020", "EU Exports", "", "5", "9", ""],
            ["39151000", "39", "3915", "391510", "Waste", "n/a", "EU Exports", "Spain", "5", "9",
             ""],
            ["39151000", "39", "3915", "391510", "Waste", "2020", "Transit", "Spain", "5", "9",
             ""],
            ["39151000", "39", "3915", "391510", "Waste", "2020", "EU Exports", "Spain", "c",
             "", ""],
            ["39151000", "39", "3915", "391510", "Waste", "2020", "EU Exports", "Italy", "5", "9",
             "", "extra"]]
    report = import_trade(db, nat.write_csv(tmp_path / "ots.csv", rows))
    assert (report.imported, report.refused) == (1, 5)
    assert sorted((r["line"], r["reason"].split(":")[0]) for r in report.refused_rows) == [
        (3, "no reporter or partner"), (4, "period 'n/a' not understood"),
        (5, "flow 'Transit' not understood"), (6, "neither a net mass nor a value"),
        (7, "more cells than the header (a comma inside an unquoted name?)")]


def test_a_currency_the_header_names_wins_over_the_layouts(db, tmp_path):
    rows = [["Commodity", "Country", "Time", "Value (EUR)", "Net mass (kg)"],
            ["391590", "Malaysia", "2019", "100", "1000"]]
    report = import_trade(db, nat.write_csv(tmp_path / "look_alike.csv", rows),
                          spec={"reporter": "DEU", "flow": "export"})
    with db.engine.connect() as conn:
        got = conn.execute(select(TradeFlow.reporter, TradeFlow.value, TradeFlow.currency)
                           .where(TradeFlow.dataset == report.dataset)).all()
    assert [tuple(r) for r in got] == [("DEU", 100, "EUR")]


def test_a_windows_1252_file_keeps_its_accented_names(db, tmp_path):
    rows = [nat.HMRC_HEADER,
            ["39151000", "39", "3915", "391510", "Déchets", "2020", "Non-EU Exports",
             "Côte d'Ivoire", "5", "9", ""],
            ["39151000", "39", "3915", "391510", "Déchets", "2020", "Non-EU Exports", "Curaçao",
             "5", "9", ""]]
    report = import_trade(db, nat.write_csv(tmp_path / "ots.csv", rows, encoding="cp1252"))
    assert (report.imported, report.warnings) == (2, [])
    with db.engine.connect() as conn:
        got = set(conn.scalars(select(TradeFlow.importer)))
    assert got == {"CIV", "CUW"}
