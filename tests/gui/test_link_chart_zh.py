"""The link chart's new words in Traditional Chinese: the filter bar, the roles menu, the link
labels and the attribute panel (the words come from the compiled translation)."""

from __future__ import annotations

import pytest

from app import i18n
from tests.gui.test_link_chart import EDGES, NODES, _show
from tests.gui.test_link_filters import FACTS, MORE_EDGES, MORE_NODES


@pytest.fixture
def zh(qapp):
    translators = i18n.install(qapp, "zh_TW")
    yield
    for t in translators:
        qapp.removeTranslator(t)


def test_the_filters_and_link_labels_read_in_chinese(qtbot, zh):
    from app.jobs import JobRunner
    from widgets.link_chart import LinkChart

    runner = JobRunner()
    chart = LinkChart(runner=runner)
    qtbot.addWidget(chart)
    chart.resize(900, 650)
    chart.show()
    try:
        _show(qtbot, chart, NODES + MORE_NODES, EDGES + MORE_EDGES)
        chart.set_facts(FACTS)
        bar = chart.filter_bar
        assert bar.roles_button.text() == "角色"
        assert bar.all_dates_action.text() == "所有日期"
        bar.fill_roles_menu()
        assert [a.text() for a in bar.roles_menu.actions()] == ["報關行", "進口人", "出口人"]
        {a.text(): a for a in bar.roles_menu.actions()}["報關行"].setChecked(False)
        assert bar.status.text() == "已篩除 2 個節點"
        chart.select_nodes(["p2"])
        assert "角色：進口人" in chart.details.panel.toPlainText()
        chart.toolbar.link_labels_action.trigger()
        texts = {chart.details.link_text(e) for e in range(len(chart.network.edges))}
        assert {"進口人 · 300 t", "貨櫃 · MSCU1234565 · 5 t"} <= texts
    finally:
        chart.close()
        assert chart.wait_for_layout(10_000) and runner.wait(10_000)
