"""One selection across the timeline, the case view and the link chart: an event clicked on the
timeline selects its declaration in the case view and its nodes (its parties, containers, B/L,
sailing) on the chart; a declaration chosen in the case view marks its event and its nodes; nodes
chosen on the chart mark every event they take part in. Each view only says what was chosen
(signals) and takes a selection made elsewhere (methods); this object joins them, once."""

from __future__ import annotations

from PySide6.QtCore import QObject

from casedb.links.link_facts import identifier_node


def event_nodes(event) -> list[str]:
    """The chart's nodes of a timeline event: its parties' lanes and its identifiers."""
    return list(dict.fromkeys([*event.lanes, *(identifier_node(k, v) for k, v in
                                               event.identifiers)]))


class SelectionSync(QObject):
    """``timeline``: a TimelineView; ``chart``: a LinkChart; the case view joins later
    (``attach_case_view``): anything with a ``declaration_selected(int)`` signal and a
    ``select_declarations(ids)`` method."""

    def __init__(self, timeline, chart, parent: QObject | None = None):
        super().__init__(parent)
        self.timeline, self.chart, self.case_view = timeline, chart, None
        self._busy = False  # a selection being passed on: the others' answers are not news
        timeline.event_selected.connect(self._on_timeline_event_selected)
        chart.selection_changed.connect(self._on_chart_selection_changed)

    def attach_case_view(self, case_view) -> None:
        self.case_view = case_view
        case_view.declaration_selected.connect(self._on_case_declaration_selected)

    def _on_timeline_event_selected(self, key: str, declaration_id) -> None:
        event = self.timeline.events.get(key)
        if self._busy or event is None:
            return
        self._busy = True
        try:
            self._select_on_chart(event_nodes(event))
            if self.case_view is not None and declaration_id is not None:
                self.case_view.select_declarations([declaration_id])
        finally:
            self._busy = False

    def _on_case_declaration_selected(self, declaration_id: int) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            key = f"d{declaration_id}"
            self.timeline.select(key)
            event = self.timeline.events.get(key)
            if event is not None:
                self._select_on_chart(event_nodes(event))
        finally:
            self._busy = False

    def _on_chart_selection_changed(self) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            chosen = set(self.chart.selected)
            keys = [k for k, e in self.timeline.events.items()
                    if chosen and chosen & set(event_nodes(e))]
            self.timeline.mark(keys)
            if self.case_view is not None and keys:
                ids = [self.timeline.events[k].declaration_id for k in keys]
                self.case_view.select_declarations([i for i in ids if i is not None])
        finally:
            self._busy = False

    def _select_on_chart(self, nodes: list[str]) -> None:
        shown = [n for n in nodes if n in self.chart.network.index]
        self.chart.select_nodes(shown)
