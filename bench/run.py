"""Run every benchmark (``bench/bench_*.py``) and write docs/benchmarks.md.

Each module exposes ``run(scale) -> list[dict]`` with rows ``{"name", "value", "unit", "target",
"limit", "note"}``; ``limit`` is the raw limit measured in the same run (the machines are noisy,
so a figure means something only beside it).

    python -m bench.run --output docs/benchmarks.md [--scale 1000000] [--only import,routes]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import logging
import pkgutil
import platform
import sys
import time
import traceback
from pathlib import Path

log = logging.getLogger("bench")
HERE = Path(__file__).resolve().parent


def modules(only: set[str] | None) -> list[str]:
    names = sorted(m.name for m in pkgutil.iter_modules([str(HERE)]) if m.name.startswith("bench_"))
    return [n for n in names if only is None or n.removeprefix("bench_") in only]


def run_all(scale: int, only: set[str] | None) -> list[tuple[str, list[dict], float, str]]:
    results = []
    for name in modules(only):
        t0 = time.perf_counter()
        try:
            rows = importlib.import_module(f"bench.{name}").run(scale)
            error = ""
        except Exception:  # noqa: BLE001 - a failing benchmark is reported, not fatal
            rows, error = [], traceback.format_exc(limit=3)
            log.error("benchmark %s failed:\n%s", name, error)
        results.append((name, rows, time.perf_counter() - t0, error))
        log.info("%s done in %.1f s", name, time.perf_counter() - t0)
    return results


def render(results, scale: int, command: str) -> str:
    lines = [
        "# Benchmarks", "",
        f"Produced by `{command}` on {dt.date.today().isoformat()} "
        f"({platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
        f"{_cpus()} CPUs). Scale: {scale:,} declarations unless a row says otherwise.", "",
        "Each figure stands beside the raw limit measured in the same run (the machines are "
        "noisy: compare the two, not the figure with a fixed number).", "",
        "| benchmark | measure | value | target | raw limit (same run) | note |",
        "|---|---|---|---|---|---|",
    ]
    for name, rows, _secs, error in results:
        topic = name.removeprefix("bench_")
        if error:
            lines.append(f"| {topic} | FAILED | | | | {error.splitlines()[-1][:120]} |")
        for r in rows:
            value = f"{r['value']:,.3f}".rstrip("0").rstrip(".") + f" {r.get('unit', '')}"
            lines.append(f"| {topic} | {r['name']} | {value.strip()} | {r.get('target', '')} | "
                         f"{r.get('limit') or ''} | {r.get('note', '')} |")
    return "\n".join(lines) + "\n"


def _cpus() -> int:
    import os

    return os.cpu_count() or 0


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--output", type=Path, default=Path("docs/benchmarks.md"))
    p.add_argument("--scale", type=int, default=1_000_000)
    p.add_argument("--only", help="comma-separated topics, e.g. import,routes")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    only = set(args.only.split(",")) if args.only else None
    results = run_all(args.scale, only)
    command = "make bench" if argv is None and len(sys.argv) <= 3 else \
        "python -m bench.run " + " ".join(sys.argv[1:] if argv is None else argv)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(render(results, args.scale, command), encoding="utf-8")
    log.info("wrote %s", args.output)
    return 1 if any(err for *_, err in results) else 0


if __name__ == "__main__":
    sys.exit(main())
