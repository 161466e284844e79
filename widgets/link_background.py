"""The link chart's work off the GUI thread: the layout (drawn as it improves, stopped and
resumed when the network changes under it) and the analyses that colour or size nodes
(communities, centrality). A mixin of LinkChart: it uses the chart's network, items, toolbar
and drawing."""

from __future__ import annotations

import time
from types import GeneratorType

import numpy as np

from casedb.links.graph import centrality, communities
from casedb.links.layout import progressive_layout

TOUCH_UP_HEAT = 0.3


class ChartBackground:
    """Layout and analyses of a LinkChart; answers from a stale request are dropped (each
    carries the tag or network version it was asked for)."""

    # --- layout -----------------------------------------------------------------------------

    def is_laying_out(self) -> bool:
        return self._layout is not None

    def wait_for_layout(self, msecs: int = 10_000) -> bool:
        """Block until the background work is done (scripts, screenshots); the results arrive
        with the next event processing."""
        return self._tasks.wait(msecs)

    def relayout(self) -> None:
        """Lay out afresh; pinned nodes keep their place and the rest grow from them."""
        if not self.network.n:
            return
        self.network.pos[~self.network.pinned] = np.nan
        self._follow_layout = True
        self._start_layout()

    def _start_layout(self, fixed: np.ndarray | None = None, iterations: int | None = None,
                      heat: float = 1.0) -> None:
        self._cancel_layout()
        self._layout_tag += 1
        fixed = self.network.pinned.copy() if fixed is None else fixed
        self._layout = self._tasks.add(self._runner.run(
            _tagged, self._layout_tag, progressive_layout, self.network.n,
            self.network.edges.copy(), self.network.pos.copy(), fixed, iterations, heat,
            partial=self._on_layout_progressed, succeeded=self._on_layout_succeeded,
            finished=self._on_layout_finished))
        self._show_status()

    def _cancel_layout(self) -> None:
        if self._layout is not None:
            self._layout.cancel()
            self._layout = None

    def _relayout_after_change(self) -> None:
        """The network changed under a running layout: go on from where it is (or start over
        when nothing was placed yet); the running one would answer for the old rows."""
        if self.is_laying_out():
            self._start_layout(heat=TOUCH_UP_HEAT if self.items.placed() else 1.0)

    def _on_layout_progressed(self, tagged) -> None:
        tag, pos = tagged
        now = time.monotonic()
        if tag != self._layout_tag or now - self._drawn_at < 4 * self._draw_seconds:
            return  # stale, or drawing would take most of the GUI thread's time
        self._apply_positions(pos)
        self.layout_progressed.emit()

    def _on_layout_succeeded(self, tagged) -> None:
        tag, pos = tagged if tagged is not None else (None, None)
        if tag == self._layout_tag and pos is not None:
            self._apply_positions(pos)

    def _on_layout_finished(self) -> None:
        """Any layout task ended (done, cancelled or failed): the chart is still once none
        runs."""
        if self._layout is not None and self._layout.done:
            self._layout = None
            self._show_status()
            self.layout_finished.emit()

    def _apply_positions(self, pos) -> None:
        if len(pos) != self.network.n:
            return
        t0 = time.perf_counter()
        self.network.pos = np.asarray(pos, dtype=float)
        if self._follow_layout:
            self.fit_view(manual=False)
        self._draw(structure=False)
        self._draw_seconds = time.perf_counter() - t0
        self._drawn_at = time.monotonic()

    # --- analyses ---------------------------------------------------------------------------

    def set_colour_by_community(self, on: bool) -> None:
        self.toolbar.community_action.setChecked(bool(on))
        if on and self._communities is None:
            self._run(communities, self._on_communities_ready, self.network.n,
                      self.network.edges.copy(), self.network.tonnes.copy())
        elif not on:
            self._communities = None
            self._draw(structure=True)

    def _on_communities_ready(self, tagged) -> None:
        tag, membership = tagged
        if (tag == self.network.version and membership is not None
                and self.toolbar.community_action.isChecked()):
            self._communities = membership
            self._draw(structure=True)

    def set_size_by(self, measure: str | None) -> None:
        """None (by kind), "degree" or "betweenness" (an estimate)."""
        self._size_by = measure
        self.toolbar.size_actions[measure].setChecked(True)
        if measure is None:
            self._centrality = None
            self._draw(structure=True)
        else:
            self._run(centrality, self._on_centrality_ready, self.network.n,
                      self.network.edges.copy(), measure)

    def _on_centrality_ready(self, tagged) -> None:
        tag, values = tagged
        if tag == self.network.version and values is not None and self._size_by:
            self._centrality = values
            self._draw(structure=True)

    def _run(self, fn, slot, *args) -> None:
        self._tasks.add(self._runner.run(_tagged, self.network.version, fn, *args,
                                         succeeded=slot))

    def analyses_pending(self) -> bool:
        return self._tasks.pending()

    def stop_background_work(self, msecs: int = 2000) -> bool:
        """Cancel the layout and analyses and wait for them (at most ``msecs``)."""
        self._cancel_layout()
        return self._tasks.stop(msecs)


def _tagged(tag: int, fn, *args):
    """``fn(*args)`` with ``tag`` beside its answer (each yield, for a generator), so the chart
    knows which request it answers."""
    out = fn(*args)
    if isinstance(out, GeneratorType):
        return ((tag, value) for value in out)
    return tag, out
