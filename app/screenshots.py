"""Screenshots of the main views on the demo database, in English and Traditional Chinese:
``python -m app.screenshots docs/screenshots`` (runs offscreen)."""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import resources  # noqa: E402

from . import i18n  # noqa: E402
from .gui import make_app  # noqa: E402
from .settings import Settings  # noqa: E402

log = logging.getLogger(__name__)
DOCK_HEIGHT = 380  # px: the analysis dock's default height (main_window)


def _settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def shoot(out: Path, language: str, db) -> list[Path]:
    from .main_window import MainWindow

    app = QApplication.instance()
    translators = i18n.install(app, language)
    QSettings().clear()  # no layout saved by the language before: the default window and docks
    window = MainWindow(db, Settings())
    window.show()
    log.info("window %dx%d", window.width(), window.height())
    _settle(app)
    truth = json.loads(Path(resources.path("demo/truth.json")).read_text("utf-8"))
    shots = []
    window.open_case(truth["rings"][0] and truth["linked_pairs"][0]["cases"][0])
    _settle(app)
    shots.append(_save(window, out / f"main_window_{language}.png"))
    window.case_view.tabs.setCurrentIndex(3)  # linked cases
    _settle_jobs(app, window)  # their titles, dates and both sides
    shots.append(_save(window, out / f"case_linked_{language}.png"))
    window.case_view.tabs.setCurrentIndex(2)  # parties
    _settle(app)
    shots.append(_save(window, out / f"case_parties_{language}.png"))
    window.analysis  # noqa: B018 - builds the analysis dock now rather than after a job
    window.analysis_actions.refresh()
    _settle_jobs(app, window)
    window.analysis.links.wait_for_layout()
    _settle(app, 20)
    map_view = window.analysis.map
    map_view.mode.setCurrentIndex(map_view.mode.findData("before-after"))
    tabs = window.analysis.tabs
    for widget, name in ((window.analysis.map, "route_map"),
                         (window.analysis.splits, "split_shipments"),
                         (window.analysis.links, "link_chart"),
                         (window.analysis.timeline, "timeline")):
        tabs.setCurrentWidget(widget)
        _settle(app)
        shots.append(_save(window, out / f"{name}_{language}.png"))
    shots += _link_chart_labelled(app, window, out, language)
    tabs.setCurrentIndex(0)
    _settle(app)
    shots.append(_save(window, out / f"route_shift_{language}.png"))
    shots += _dialogs(app, window, out, language)
    shots += _case_work(app, window, out, language)
    shots += _trade_routes(app, window, out, language)
    shots += _alerts(app, window, out, language)
    window.browser.search.setText("Abc Recyling")
    window.browser._on_debounce_timeout()
    _settle(app)
    shots.append(_save(window, out / f"search_misspelt_{language}.png"))
    window.close()
    for t in translators:
        app.removeTranslator(t)
    return shots


def _trade_routes(app: QApplication, window, out: Path, language: str) -> list[Path]:
    """The route shift and heat matrix on BACI trade statistics."""
    window.analysis.tabs.setCurrentIndex(0)
    window.analysis.source.setCurrentIndex(1)  # BACI trade statistics
    _settle_jobs(app, window)
    shots = [_save(window, out / f"route_shift_baci_{language}.png")]
    window.analysis.routes.views.setCurrentWidget(window.analysis.routes.heat)
    _settle(app)
    shots.append(_save(window, out / f"route_heat_baci_{language}.png"))
    window.analysis.routes.views.setCurrentIndex(0)
    return shots


def _link_chart_labelled(app: QApplication, window, out: Path, language: str) -> list[Path]:
    """The link chart with every link labelled (role or identifier, value, tonnes), and the
    timeline with an event chosen: its declaration and nodes selected on the chart too."""
    links, timeline, tabs = window.analysis.links, window.analysis.timeline, window.analysis.tabs
    tabs.setCurrentWidget(links)
    # the analysis dock pulled up to most of the window, as one does to read a chart's links
    window.resizeDocks([window.analysis_dock], [window.height() - 250], Qt.Orientation.Vertical)
    _settle(app)
    links.fit_view()
    links.toolbar.link_labels_action.trigger()
    _settle(app)
    shots = [_save(window, out / f"link_chart_labels_{language}.png")]
    links.toolbar.link_labels_action.trigger()
    window.resizeDocks([window.analysis_dock], [DOCK_HEIGHT], Qt.Orientation.Vertical)
    _settle(app)
    links.fit_view()
    events = [e for e in timeline.events.values() if e.kind == "declaration"]
    if events:
        biggest = max(events, key=lambda e: e.tonnes)
        timeline.select(biggest.key)
        timeline.event_selected.emit(biggest.key, biggest.declaration_id)
        window.case_view.tabs.setCurrentIndex(1)  # its declaration selected there too
        tabs.setCurrentWidget(timeline)
        _settle(app)
        shots.append(_save(window, out / f"timeline_selected_{language}.png"))
    return shots


def _dialogs(app: QApplication, window, out: Path, language: str) -> list[Path]:
    """The import wizard's mapping page on a demo spreadsheet, and the entity review queue."""
    from .actions.entity_review import open_entity_review
    from .actions.importing import open_import_wizard

    sheet = sorted(Path(resources.path("demo")).glob("*.xlsx"))[0]
    flow = open_import_wizard(window, [str(sheet)])
    flow.wizard.next()
    _settle_jobs(app, window)
    shots = [_save(flow.wizard, out / f"import_wizard_{language}.png")]
    flow.wizard.close()
    review = open_entity_review(window)
    review.dialog.resize(1300, 620)
    _settle_jobs(app, window)
    _settle_jobs(app, window)  # the names of the first candidate
    shots.append(_save(review.dialog, out / f"entity_review_{language}.png"))
    review.dialog.close()
    return shots


def _case_work(app: QApplication, window, out: Path, language: str) -> list[Path]:
    """The case form, a declaration's row as written, declarations added with their quantities,
    a company, search by phone."""
    from casedb.models import PartyIdentifier

    manage = window.case_management
    form = manage.edit_case()
    _settle(app)
    shots = [_save(form, out / f"case_form_{language}.png")]
    form.reject()
    window.case_view.tabs.setCurrentIndex(window.case_view.tabs.count() - 1)  # provenance
    _settle_jobs(app, window)
    shots.append(_save(window.case_dock, out / f"case_provenance_{language}.png"))
    manage.show_evidence(window.case_view.case_file.declarations[0].id)
    _settle_jobs(app, window)
    shots.append(_save(manage.evidence_view, out / f"row_as_written_{language}.png"))
    manage.evidence_view.close()
    picker = manage.add_declarations([d.id for d in window.case_view.case_file.declarations[:4]])
    _settle_jobs(app, window)
    picker.fill_with_gross_weights()
    _settle(app)
    shots.append(_save(picker, out / f"add_with_quantities_{language}.png"))
    picker.reject()
    party = window.case_view.case_file.parties[0].id
    window.company.open_party(party)
    _settle_jobs(app, window)
    window.company.view.tabs.setCurrentIndex(4)  # counterparties
    _settle(app)
    shots.append(_save(window, out / f"company_view_{language}.png"))
    with window.db.read() as s:
        phone = s.scalar(PartyIdentifier.__table__.select().with_only_columns(
            PartyIdentifier.value).where(PartyIdentifier.kind == "phone").limit(1))
    window.find()
    window.search_actions.panel.search(phone or "EVER GIVEN")
    _settle_jobs(app, window)
    shots.append(_save(window, out / f"search_phone_{language}.png"))
    window.search_actions.panel.search("MAERSK SELETRA")  # misspelt vessel
    _settle_jobs(app, window)
    shots.append(_save(window.search_actions.dock, out / f"search_vessel_{language}.png"))
    window.case_dock.raise_()
    return shots


def _alerts(app: QApplication, window, out: Path, language: str) -> list[Path]:
    """The alerts dock (a split-ring rule's hits) under the declarations sorted by risk, and the
    new-rule dialog."""
    from casedb.alerts import add_watchlist, list_watchlists, run_watchlists

    from .actions.alerts import compute_risk, show_alerts

    if not list_watchlists(window.db):  # the first language's run saves it
        add_watchlist(window.db, "detector", "split", name="Split shipments",
                      params={"min_weight": 0.5})
        run_watchlists(window.db)
    compute_risk(window)
    _settle_jobs(app, window)
    browser = window.browser
    browser.tabs.setCurrentIndex(1)
    for _ in range(2):  # the Risk column, riskiest first
        browser.declarations.view.horizontalHeader().sectionClicked.emit(1)
        _settle_jobs(app, window)
    actions = show_alerts(window)
    _settle_jobs(app, window)
    shots = [_save(window, out / f"alerts_risk_{language}.png")]
    dialog = actions.view.ask_rule()
    dialog.kind.setCurrentIndex(dialog.kind.findData("route"))
    _settle(app)
    shots.append(_save(dialog, out / f"alert_rule_{language}.png"))
    dialog.close()
    window.analysis_dock.raise_()
    browser.tabs.setCurrentIndex(0)
    return shots


def _settle_jobs(app: QApplication, window) -> None:
    window.jobs.wait(30_000)
    _settle(app, 20)


def _save(window, path: Path) -> Path:
    window.grab().save(str(path))
    log.info("wrote %s", path)
    return path


def main(argv=None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    out = Path(args[0] if args else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(level=logging.INFO)
    tmp = tempfile.mkdtemp(prefix="wasteintel-shots-")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, tmp)
    make_app()
    from casedb.synth.demo_database import demo_database

    db = demo_database(Path(tmp) / "demo.db")
    for language in ("en", "zh_TW"):
        shoot(out, language, db)
    dossier_pages(out, db)
    return 0


def dossier_pages(out: Path, db) -> None:
    """The demo's split-ring case dossier rendered to PNG pages (pdftoppm)."""
    import shutil
    import subprocess

    from casedb.dossier import write_dossier

    if shutil.which("pdftoppm") is None:  # poppler-utils: `make sysdeps` installs it
        log.warning("pdftoppm not found: the dossier pages are not rendered")
        return

    truth = json.loads(Path(resources.path("demo/truth.json")).read_text("utf-8"))
    ref = truth["linked_pairs"][0]["cases"][0]
    for lang in ("en", "zh-TW"):
        pdf = Path(tempfile.mkdtemp()) / "dossier.pdf"
        write_dossier(db, ref, pdf, lang=lang,
                      classification="RESTRICTED" if lang == "en" else "機密 RESTRICTED")
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(out / f"dossier_{lang}")],
                       check=True)


if __name__ == "__main__":
    sys.exit(main())
