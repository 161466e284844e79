"""The main window: it only composes. Flows live in ``app/actions``."""

from __future__ import annotations

import gc
import logging

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMessageBox

import resources
from casedb import messages
from casedb.browse import tables as browse
from casedb.cases.casefile import load_case_file
from casedb.changes import CASES, DECLARATIONS, PARTIES, ChangeSet
from casedb.links.linked_cases import linked_cases
from casedb.store.database import Database
from widgets.case_browser import CaseBrowser
from widgets.case_view import CaseView

from . import i18n
from .jobs import JobRunner
from .settings import LANGUAGE, RECENT, Settings
from .sources import CaseSource, DeclarationSource

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Every write ends in ``publish(changes)``; each view refreshes what the ChangeSet touches
    (``changed`` is connected to the browser, the open case, the analysis dock and the entity
    review)."""

    changed = Signal(object)  # a casedb.changes.ChangeSet
    _open: list[MainWindow] = []  # the windows shown, kept alive here

    @classmethod
    def open(cls, db: Database, settings: Settings) -> MainWindow:
        window = cls(db, settings)
        window.show()
        cls._open.append(window)
        return window

    def replace_with(self, db: Database) -> MainWindow:
        """A new window on ``db`` in place of this one (another database opened)."""
        window = self.open(db, self.settings)
        self.close()
        if self in MainWindow._open:
            MainWindow._open.remove(self)
        return window

    def __init__(self, db: Database, settings: Settings):
        super().__init__()
        self.db = db
        self.settings = settings
        self.jobs = JobRunner(self)
        self.setWindowTitle(self.tr("WasteIntel — %1").replace("%1", db.display_name()))
        self.setWindowIcon(QIcon(str(resources.path("icons/wasteintel.png"))))
        self.setAcceptDrops(True)
        self._cases, self._decls = CaseSource(db), DeclarationSource(db)
        self.browser = CaseBrowser(self._cases, self._decls, self, runner=self.jobs)
        self.setCentralWidget(self.browser)
        self.case_view = CaseView(self)
        self.case_dock = QDockWidget(self.tr("Case"), self)
        self.case_dock.setObjectName("case_dock")
        self.case_dock.setWidget(self.case_view)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.case_dock)
        self._analysis = None  # built after the first paint: see the ``analysis`` property
        self.analysis_dock = QDockWidget(self.tr("Analysis"), self)
        self.analysis_dock.setObjectName("analysis_dock")
        self.analysis_dock.setWidget(QLabel(self.tr("Loading the analyses…"), self))
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.analysis_dock)
        self.status_db = QLabel(self.tr("Database: %1").replace("%1", db.display_name()), self)
        self.status_db.setProperty("data", True)  # a path: data, not the interface's words
        self.statusBar().addPermanentWidget(self.status_db)
        from .actions import case_manage, company, search, write_wait

        self.write_wait = write_wait.connect(self)  # a write waiting for another's lock

        self.case_management = case_manage.connect(self)
        self.company = company.connect(self)
        self.search_actions = search.connect(self, self.company)
        self._menus()
        self.browser.add_to_case_requested.connect(self.case_management.add_declarations)
        self.browser.evidence_requested.connect(self.case_management.show_evidence)
        self.browser.open_case_requested.connect(self._on_browser_open_case_requested)
        self.browser.filters_changed.connect(self._on_browser_filters_changed)
        self.case_view.open_case_requested.connect(self.open_case)
        self.changed.connect(self._on_changed)
        self.jobs.failed.connect(self._on_job_failed)
        from .actions import case_edits, case_grading

        case_edits.connect_case_view(self)
        case_grading.connect(self)
        geometry, state = settings.layout()
        if geometry:
            self.restoreGeometry(geometry)
            self.restoreState(state)
        else:
            self.resize(1600, 1000)
            self.resizeDocks([self.case_dock], [700], Qt.Orientation.Horizontal)
            self.resizeDocks([self.analysis_dock], [380], Qt.Orientation.Vertical)
        self.browser.refresh()
        # The analysis views need polars, networkx and pyqtgraph (about 1 s of imports): they are
        # imported in a job once the window is up, then built and refreshed.
        QTimer.singleShot(0, self._preload_analysis)
        # Start-up objects (Qt wrappers, modules, numpy, pyqtgraph) live as long as the app:
        # taken out of the cyclic collector's sight, a full collection no longer rescans them
        # (about 0.1 s holding the GIL, a visible freeze, each time one runs).
        QTimer.singleShot(0, gc.freeze)

    @property
    def analysis_actions(self):
        """The analysis dock's flows (app/actions/analysis.py), built on first use."""
        if self._analysis is None:
            from .actions.analysis import AnalysisActions

            self._analysis = AnalysisActions(self)
            self.analysis_dock.setWidget(self._analysis.dock)
            self.company.connect_chart(self._analysis.dock)
            from .actions import rings

            rings.connect(self, self._analysis)
            self.changed.connect(self._analysis.on_changed)
        return self._analysis

    @property
    def analysis(self):
        """The analysis dock's views (widgets/analysis_dock.py)."""
        return self.analysis_actions.dock

    @property
    def analysis_built(self) -> bool:
        return self._analysis is not None

    def _preload_analysis(self) -> None:
        job = self.jobs.submit(_import_analysis_modules)
        job.signals.finished.connect(self._on_analysis_modules_imported)

    def _on_analysis_modules_imported(self) -> None:
        self.analysis_actions.refresh()
        gc.freeze()  # polars, networkx, pyqtgraph and the panel: long-lived too (see __init__)

    def _menus(self) -> None:
        from .actions import database

        importing = _LazyActions("importing")  # these pull in the import pipeline, the
        entity_review = _LazyActions("entity_review")  # dossier writer (reportlab, polars):
        dossier = _LazyActions("dossier")  # imported when first used, not at start-up
        tables = _LazyActions("tables")
        file = self.menuBar().addMenu(self.tr("&File"))
        self._action(file, self.tr("&Open database…"), database.open_database, QKeySequence.Open)
        self._action(file, self.tr("&New database…"), database.new_database, QKeySequence.New)
        self._action(file, self.tr("Connect to &PostgreSQL…"), database.connect_postgresql)
        self.recent_menu = file.addMenu(self.tr("&Recent databases"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        file.addSeparator()
        tools = [
            self._action(file, self.tr("&Import spreadsheets…"), importing.open_import_dialog,
                         QKeySequence("Ctrl+I")),
            self._action(file, self.tr("&Entity review…"), entity_review.open_entity_review,
                         QKeySequence("Ctrl+E")),
            self._action(file, self.tr("Export case &dossier…"), dossier.export_dossier,
                         QKeySequence("Ctrl+P")),
        ]
        self._action(file, self.tr("Export &table…"), tables.export_current_table,
                     QKeySequence("Ctrl+Shift+E"))
        file.addSeparator()
        self._action(file, self.tr("&Quit"), lambda _w: self.close(), QKeySequence.Quit)
        from .actions import menus

        menus.add_menus(self, self.case_management, self.find)
        view = self.menuBar().addMenu(self.tr("&View"))
        view.addAction(self.case_dock.toggleViewAction())
        view.addAction(self.analysis_dock.toggleViewAction())
        self._action(view, self.tr("&Alerts"), _LazyActions("alerts").show_alerts)
        self._action(view, self.tr("Compute risk &scores"), _LazyActions("alerts").compute_risk)
        tools.append(self._action(view, self.tr("&Refresh"), lambda _w: self.refresh(),
                                  QKeySequence.Refresh))
        self.toolbar = self.addToolBar(self.tr("Main"))
        self.toolbar.setObjectName("main_toolbar")  # its place is saved with the layout
        self.toolbar.addActions(tools)
        view.addAction(self.toolbar.toggleViewAction())
        self.language_menu = view.addMenu(self.tr("&Language"))
        self._fill_language_menu()
        helpm = self.menuBar().addMenu(self.tr("&Help"))
        self._action(helpm, self.tr("&About WasteIntel"), _about)

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(shortcut)
        act.triggered.connect(lambda _checked=False, s=slot: s(self))
        menu.addAction(act)
        return act

    def _fill_recent_menu(self) -> None:
        from .actions import database

        self.recent_menu.clear()
        for url in self.settings.get(RECENT):
            act = self.recent_menu.addAction(url)
            act.triggered.connect(lambda _checked=False, u=url: database.switch_to(self, u))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    def _fill_language_menu(self) -> None:
        group = QActionGroup(self)
        current = self.settings.get(LANGUAGE)
        for code, name in [("", self.tr("Follow the system"))] + list(i18n.LANGUAGES.items()):
            act = self.language_menu.addAction(name)
            act.setCheckable(True)
            act.setChecked(code == current)
            act.setData(code)
            group.addAction(act)
        group.triggered.connect(self._on_language_triggered)

    def _on_language_triggered(self, action: QAction) -> None:
        self.settings.set(LANGUAGE, action.data())
        self.statusBar().showMessage(
            self.tr("The language changes when WasteIntel next starts."), 8000)

    def open_case(self, case_ref: str) -> None:
        try:
            loaded = _load_case(self.db, case_ref)
        except Exception as exc:  # noqa: BLE001 - shown where the user acted
            log.error("cannot open case %s", case_ref, exc_info=True)
            QMessageBox.warning(self, self.tr("Case"), messages.text(exc, i18n.active()))
            return
        self._show_case(loaded)
        self.case_dock.show()
        self.statusBar().showMessage(self.tr("Opened %1").replace("%1", case_ref), 4000)

    def _show_case(self, loaded) -> None:
        """The case (loaded once) in the case view and the link chart."""
        cf, linked = loaded
        self.case_view.show_case(cf, linked)
        self.analysis_actions.show_case(cf, linked)

    @property
    def open_case_ref(self) -> str:
        """The case open in the case view ("" when none)."""
        return self.case_view.case_ref

    def search_cases(self, text: str) -> None:
        """The case table, searched for ``text`` (a party's name, in any spelling)."""
        self.browser.show_cases_matching(text)

    def find(self) -> None:
        """Ctrl+F: the search dock, its box ready for typing."""
        self.search_actions.show()

    def publish(self, changes: ChangeSet) -> None:
        """Tell every view what a write changed (nothing when it changed nothing)."""
        if changes:
            self.changed.emit(changes)

    def refresh(self) -> None:
        """F5: every view reloads, in the background."""
        self.publish(ChangeSet.everything())

    def _on_changed(self, changes: ChangeSet) -> None:
        if changes.touches(DECLARATIONS, CASES, PARTIES):
            self.browser.refresh()
        ref = self.case_view.case_ref
        if changes.touches_case(ref):
            job = self.jobs.submit(_load_case, self.db, ref)
            job.signals.succeeded.connect(
                lambda loaded: self._show_case(loaded)
                if self.case_view.case_ref == loaded[0].case.case_ref else None)

    def _on_job_failed(self, name: str, exc: BaseException) -> None:
        """Every failed job is said in the status bar (the flow may also show a dialog)."""
        said = messages.text(exc, i18n.active())  # casedb's refusals in the user's language
        first = said.splitlines()[0] if said else type(exc).__name__
        log.info("job %s failed: %s", name, type(exc).__name__)  # the job's name is code's
        self.statusBar().showMessage(self.tr("Could not finish: %1").replace("%1", first), 15000)

    def _on_browser_open_case_requested(self, case_id: int) -> None:
        self.open_case(browse.case_ref_of(self.db, case_id))

    def _on_browser_filters_changed(self, chosen: dict) -> None:
        # Country and port go as typed: the id query normalises them, off the GUI thread.
        f = browse.Filters(
            text=chosen["text"], status=chosen["status"] or None, hs_prefix=chosen["hs"] or None,
            since=chosen["since"], until=chosen["until"],
            country=chosen["country"] or None, port=chosen["port"] or None,
            min_risk=chosen.get("min_risk"))
        self._cases.filters = f
        self._decls.filters = f

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        from .actions import importing

        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            importing.import_paths(self, paths)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.jobs.cancel_all()
        self.jobs.wait(5000)
        self.settings.save_layout(bytes(self.saveGeometry()), bytes(self.saveState()))
        super().closeEvent(event)


class _LazyActions:
    """``_LazyActions("dossier").export_dossier`` is a callable that imports
    ``app.actions.dossier`` when it is first called."""

    def __init__(self, module: str):
        self._module = module

    def __getattr__(self, name: str):
        def call(*args, **kwargs):
            import importlib

            module = importlib.import_module(f"app.actions.{self._module}")
            return getattr(module, name)(*args, **kwargs)

        return call


def _load_case(db: Database, case_ref: str):
    return load_case_file(db, case_ref), linked_cases(db, case_ref)


def _import_analysis_modules() -> None:
    import importlib

    importlib.import_module("app.actions.analysis")


def _about(window: MainWindow) -> None:
    from casedb import __version__

    QMessageBox.about(window, QCoreApplication.translate("MainWindow", "About WasteIntel"),
                      QCoreApplication.translate(
        "MainWindow",
        "<h3>WasteIntel %1</h3><p>Analyst workstation for customs investigations of waste "
        "smuggling.</p><p>Bundled data and libraries: CEPII BACI trade data (Etalab Open "
        "Licence 2.0); port gazetteer and sea lanes from searoute (Apache-2.0); Qt and "
        "PySide6 (LGPL-3.0); pyqtgraph (MIT); SQLAlchemy (MIT); networkx (BSD-3-Clause); "
        "python-calamine (MIT); polars (MIT); rapidfuzz (MIT); reportlab (BSD); "
        "pycountry (LGPL-2.1); psycopg (LGPL-3.0) with libpq (PostgreSQL Licence); "
        "numpy, scipy (BSD-3-Clause); ruptures, xlsxwriter "
        "(BSD-2-Clause); alembic, geopy, PyYAML (MIT); Pillow (MIT-CMU); Python (PSF); "
        "Natural Earth 1:110m countries (public domain); WenQuanYi Micro Hei font in dossiers "
        "(Apache-2.0 or GPL-3.0 with font exception).</p>").replace("%1", __version__))
