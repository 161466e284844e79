"""A declaration as the writer holds it while merging rows into it: its values and its items.

A row is a line of its declaration. Its line is named by its item number (box 32 of the SAD,
項次), or, on a manifest row of a shipment with one container, by that container. A row without
either is the declaration's only line, unless it carries another HS code than the declaration's
lines and the declaration was created by the same import: then it is a further line of it (an
export listing a declaration's commodity lines one per row). From another file, a different
HS code is a disagreement between the two sources, not a new line, which would double the
declaration's weight; and the numbered lines of a declaration another source stored whole
(without items) are parts of it: their weights are neither compared with the whole nor added to
it, since the other lines of the file may come in later chunks.

A declaration with items has the sums of its items' weights and values, and its first item's
HS code. Values merge with tolerance (casedb.importing.tolerance): missing ones are filled in,
agreeing ones confirm, and the stored value stays against a disagreeing one, which is returned
for the writer to record.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .tolerance import agree, more_precise

LINE_FIELDS = ("hs_code", "goods_description", "gross_weight_kg", "net_weight_kg",
               "declared_value")
SUMMED = ("gross_weight_kg", "net_weight_kg", "declared_value")
ITEM_NO_LIMIT = 16
FIRST_ITEM = "1"
UNCOMPARED = frozenset({"record_kind"})


def line_key(values: dict) -> str | None:
    """The item a row is a line of: its item number, or a shipment row's one container."""
    item = values.get("item_no")
    if item:
        return str(item)[:ITEM_NO_LIMIT]
    if values.get("record_kind") == "shipment":
        containers = values.get("containers") or ()
        if len(containers) == 1:
            return containers[0]
    return None


def line_keys(values: dict, n: int) -> list | None:
    """``line_key`` a column at a time (``values`` holds a list per field); None when the
    chunk has neither item numbers nor shipments (most files: nothing to look at per row)."""
    items = values.get("item_no")
    kinds = values.get("record_kind")
    containers = values.get("containers")
    if items is None and (kinds is None or containers is None):
        return None
    items = items or [None] * n
    kinds = kinds or [None] * n
    containers = containers or [None] * n
    return [str(i)[:ITEM_NO_LIMIT] if i else
            (c[0] if k == "shipment" and c and len(c) == 1 else None)
            for i, k, c in zip(items, kinds, containers, strict=True)]


def item_order(item_no: str) -> tuple:
    return (0, int(item_no), "") if item_no.isdigit() else (1, 0, item_no)


CLEAN = frozenset()  # the changes of a declaration just written: one shared empty set


@dataclass(slots=True)
class Held:
    """A declaration being merged into: ``values`` by declaration field, ``items`` by item
    number. ``created``: by this import (the file whose rows are its lines). A writer holds one
    for each declaration it merged into; most are never changed, so the sets of changes are
    the shared empty ``CLEAN`` until something changes (a million declarations held)."""

    values: dict
    items: dict[str, dict] = field(default_factory=dict)
    id: int | None = None
    created: bool = False  # by this import: its changes are not audited as merges either
    changed: frozenset = CLEAN  # declaration fields to write back
    new_items: frozenset = CLEAN
    changed_items: frozenset = CLEAN

    @property
    def dirty(self) -> bool:
        return bool(self.changed or self.new_items or self.changed_items)

    def clean(self) -> None:
        """Forget the changes: they are written."""
        self.changed = self.new_items = self.changed_items = CLEAN

    @classmethod
    def new(cls, values: dict, line: str | None) -> Held:
        held = cls(dict(values), created=True)
        if line is not None:
            held._add_item(line, values)
        return held

    def merge(self, values: dict, line: str | None) -> list[tuple]:
        """Merge one row's declaration ``values`` (line ``line``): the disagreements, as
        (item number or None, field, stored value, other value)."""
        found: list[tuple] = []
        filled: set = set()
        for name, value in values.items():
            if name not in LINE_FIELDS and name not in UNCOMPARED:
                _merge_value(self.values, name, value, None, found, filled)
        if line is not None and not self.items and not self.created:
            # A line of a declaration another source gave whole, without lines: its weights
            # are a part of the whole, neither compared with it nor added to it.
            for name in ("hs_code", "goods_description"):
                if self.values.get(name) is None and values.get(name) is not None:
                    self.values[name] = values[name]
                    filled.add(name)
        else:
            filled |= self._merge_line(values, line, found)
        if filled:
            self.changed |= filled
        return found

    def _merge_line(self, values: dict, line: str | None, found: list) -> set:
        item_no = self._line_for(values, line)
        target = self.values if item_no is None else self.items[item_no]
        touched: set = set()
        for name in LINE_FIELDS:
            _merge_value(target, name, values.get(name), item_no, found, touched)
        if item_no is None:
            return touched
        if touched and item_no not in self.new_items:
            self.changed_items |= {item_no}
        return self._totals()

    def _line_for(self, values: dict, line: str | None) -> str | None:
        """The item number the row's line merges into (a new item if need be), or None for
        the declaration's own values."""
        hs = values.get("hs_code")
        if line is not None:
            if line not in self.items:
                if not self.items:  # its first row, without a line of its own, gets a number
                    same = (agree("hs_code", self.values.get("hs_code"), hs)
                            and self.values.get("record_kind") != "shipment")
                    self._add_item(line if same else FIRST_ITEM, self._own_line())
                if line not in self.items:
                    self._add_item(line, {})
            return line
        if self.items:
            if hs is None:
                return None  # compared with the declaration's totals
            same = [no for no, item in self._ordered() if agree("hs_code", item["hs_code"], hs)]
            if same:
                return same[0]
            return self._add_item(self._next_no(), {}) if self.created else None
        if agree("hs_code", self.values.get("hs_code"), hs) or not self.created:
            return None
        self._add_item(FIRST_ITEM, self._own_line())
        return self._add_item(self._next_no(), {})

    def _own_line(self) -> dict:
        return {f: self.values.get(f) for f in LINE_FIELDS}

    def _add_item(self, item_no: str, values: dict) -> str:
        self.items[item_no] = {f: values.get(f) for f in LINE_FIELDS}
        self.new_items |= {item_no}
        return item_no

    def _ordered(self) -> list[tuple[str, dict]]:
        return sorted(self.items.items(), key=lambda kv: item_order(kv[0]))

    def _next_no(self) -> str:
        numbers = [int(no) for no in self.items if no.isdigit()]
        n = max(numbers, default=len(self.items)) + 1
        while str(n) in self.items:
            n += 1
        return str(n)

    def _totals(self) -> set:
        """The declaration's weights and value as the sums over its items, its HS code the
        first item's; the fields that changed."""
        ordered = self._ordered()
        changed = set()
        for name in SUMMED:
            known = [item[name] for _, item in ordered if item[name] is not None]
            if known and self.values.get(name) != sum(known):
                self.values[name] = sum(known)
                changed.add(name)
        first = ordered[0][1]["hs_code"] if ordered else None
        if first is not None and self.values.get("hs_code") != first:
            self.values["hs_code"] = first
            changed.add("hs_code")
        return changed


def _merge_value(target: dict, name: str, value, item_no: str | None, found: list,
                 touched: set) -> None:
    if value is None:
        return
    current = target.get(name)
    if current is None or more_precise(name, current, value):
        target[name] = value
        touched.add(name)
    elif not agree(name, current, value):
        found.append((item_no, name, current, value))
