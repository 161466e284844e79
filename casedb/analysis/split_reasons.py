"""A split-shipment ring's explanations: English templates with named values, so that the
workstation and the dossier can show them in the investigator's language
(casedb.dossier.labels.SPLIT_REASONS translates the templates it knows)."""

from __future__ import annotations

import numpy as np
import polars as pl

MANY = "{n} declarations in {days} days from {shippers} shippers; {tonnes} t in all"
SHARING = ("{n} declarations in {days} days from {shippers} shippers sharing {ties}; "
           "{tonnes} t in all")
ONE = "{n} declarations in {days} days from one shipper; {tonnes} t in all"
UNDER = "each {low}-{high}% of {threshold} t"
BURST = "a burst: {ratio}x the group's usual rate"
PORTS = "spread over {count} discharge ports ({ports})"
CODES = "the same goods declared under HS {codes}"
HUB = {role: f"converging on one {role}: {{name}}"
       for role in ("consignee", "notify party", "broker", "discharge port")}
FAN_OUT = "spread over {count} consignees"
SHELLS = "{share}% of these parties' declarations fall in this window (short-lived companies)"
SOURCE = {"configured": "{threshold} t is a configured threshold",
          "pile-up": "weights pile up just under {threshold} t across the whole database"}
STACK = ("passed through {layers} layers of forwarders ({chain}) within {days} days, "
         "weights within {tolerance}%")


def explain(w: pl.DataFrame, ev: dict, ties, names: dict) -> list[tuple[str, dict]]:
    kg = w["kg"].fill_null(0).to_numpy()
    days = max((w["date"].max() - w["date"].min()).days, 1)
    shippers = ev["shippers"]
    head = {"n": len(w), "days": days, "shippers": len(shippers),
            "tonnes": f"{kg.sum() / 1000:,.0f}"}
    if len(shippers) == 1:
        out = [(ONE, head)]
    elif ties:
        out = [(SHARING, {**head, "ties": ", ".join(v for _, v in ties[:2])})]
    else:
        out = [(MANY, head)]
    if ev["view"] == "stack":
        out.append(_stack(w, days, names))
    if ev["hub_role"]:
        out.append((HUB[ev["hub_role"]], {"name": names.get(ev["hub"], str(ev["hub"]))}))
    out += _threshold(kg, ev["bunching"])
    if ev["burst_ratio"] > 2:
        out.append((BURST, {"ratio": f"{ev['burst_ratio']:.0f}"}))
    if ev["shells"] >= 0.5:
        out.append((SHELLS, {"share": f"{ev['shells'] * 100:.0f}"}))
    if len(ev["receivers"]) >= 3:
        out.append((FAN_OUT, {"count": len(ev["receivers"])}))
    if ev["n_ports"] > 1:
        ports = ", ".join(sorted(w["pod"].drop_nulls().unique().to_list()))
        out.append((PORTS, {"count": ev["n_ports"], "ports": ports}))
    families = sorted(w["hs"].drop_nulls().str.slice(0, 4).unique().to_list())
    if len(families) > 1:
        out.append((CODES, {"codes": ", ".join(families)}))
    return out


def _threshold(kg: np.ndarray, b) -> list[tuple[str, dict]]:
    t = b.threshold
    if not t or b.strength <= 0:
        return []
    pct = kg[(kg >= 0.85 * t) & (kg < t)] / t * 100
    if len(pct) == 0:
        return []
    tonnes = f"{t / 1000:g}"
    out = [(UNDER, {"low": f"{pct.min():.0f}", "high": f"{pct.max():.0f}", "threshold": tonnes})]
    if b.source in SOURCE:
        out.append((SOURCE[b.source], {"threshold": tonnes}))
    return out


def _stack(w: pl.DataFrame, days: int, names: dict) -> tuple[str, dict]:
    w = w.sort("date")
    chain = list(dict.fromkeys([*w["shipper"].drop_nulls().to_list(),
                                *w["consignee"].drop_nulls().to_list()[-1:]]))
    middle = set(w["shipper"].drop_nulls().to_list()) & set(w["consignee"].drop_nulls().to_list())
    return (STACK, {"layers": len(middle), "days": days, "tolerance": 5,
                    "chain": " → ".join(names.get(p, str(p)) for p in chain)})
