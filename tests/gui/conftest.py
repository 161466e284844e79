"""GUI tests: offscreen, settings isolated in tmp_path, no job left running after a test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings, QThreadPool  # noqa: E402

from app.settings import init_names  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    init_names()
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings().clear()
    yield
    assert QThreadPool.globalInstance().waitForDone(2000), "a job was left running"


@pytest.fixture
def window(qtbot, demo_db):
    from app.main_window import MainWindow
    from app.settings import Settings

    w = MainWindow(demo_db, Settings())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: not w.browser.cases.loading, timeout=10_000)
    yield w
    w.jobs.cancel_all()
    assert w.jobs.wait(5000)


@pytest.fixture
def chart(qtbot):
    """A link chart on its own, shown."""
    from app.jobs import JobRunner
    from widgets.link_chart import LinkChart

    runner = JobRunner()
    widget = LinkChart(runner=runner)
    qtbot.addWidget(widget)
    widget.resize(900, 650)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.close()
    assert widget.wait_for_layout(10_000)
    assert runner.wait(10_000)


@pytest.fixture
def boxes(monkeypatch):
    """The case-management flow's message boxes recorded instead of shown (a test module of
    another flow overrides this with its own)."""
    from app.actions import case_manage
    from tests.gui.case_window import Boxes

    rec = Boxes()
    monkeypatch.setattr(case_manage, "QMessageBox", rec)
    return rec
