"""Regenerate the offline world basemap ``resources/basemap/land_110m.json``.

Source: Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries (version 5.1, public domain),
as redistributed inside the geopandas 0.14.4 wheel on PyPI
(``geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp``). The wheel is only a
carrier: geopandas is not a dependency of WasteIntel, and the shapefile is read with ``pyshp``
in a scratch environment::

    python3 -m venv /tmp/nebase && /tmp/nebase/bin/pip install pyshp
    /tmp/nebase/bin/python tools/make_basemap.py            # downloads the wheel with pip
    /tmp/nebase/bin/python tools/make_basemap.py --wheel geopandas-0.14.4-py3-none-any.whl

Output: ``{"source": ..., "countries": [{"name", "iso3", "polygons": [[ring, ...], ...]}]}``
with each ring a list of ``[lon, lat]`` rounded to 2 decimals (outer ring first, then holes).
"""

from __future__ import annotations

import argparse
import json
import logging
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

log = logging.getLogger("make_basemap")

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "basemap" / "land_110m.json"
WHEEL = "geopandas==0.14.4"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
SOURCE = ("Natural Earth 1:110m Admin 0 - Countries, version 5.1 (public domain), "
          "from the geopandas 0.14.4 wheel (naturalearth_lowres)")


def _wheel(folder: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", WHEEL, "--no-deps",
                    "--only-binary", ":all:", "-d", str(folder)], check=True)
    return next(folder.glob("geopandas-*.whl"))


def _extract(wheel: Path, folder: Path) -> Path:
    with zipfile.ZipFile(wheel) as z:
        for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg"):
            z.extract(MEMBER + ext, folder)
    return folder / (MEMBER + ".shp")


def _ring(points) -> list[list[float]]:
    ring: list[list[float]] = []
    for lon, lat in points:
        p = [round(float(lon), 2), round(float(lat), 2)]
        if not ring or p != ring[-1]:
            ring.append(p)
    return ring


def _polygons(shape) -> list[list[list[list[float]]]]:
    """Group the parts of a shapefile polygon: a clockwise ring starts a polygon, the
    counter-clockwise rings after it are its holes."""
    parts = list(shape.parts) + [len(shape.points)]
    polygons: list[list[list[list[float]]]] = []
    for a, b in zip(parts, parts[1:], strict=False):
        ring = _ring(shape.points[a:b])
        if len(ring) < 4:
            continue
        area = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False))
        if area <= 0 or not polygons:  # clockwise: an outer ring
            polygons.append([ring])
        else:
            polygons[-1].append(ring)
    return polygons


def build(shp: Path) -> dict:
    import shapefile  # pyshp, only in the scratch environment

    countries = []
    with shapefile.Reader(str(shp)) as reader:
        names = [f[0] for f in reader.fields[1:]]
        for rec in reader.iterShapeRecords():
            row = dict(zip(names, rec.record, strict=True))
            countries.append({"name": row["name"], "iso3": row["iso_a3"],
                              "polygons": _polygons(rec.shape)})
    return {"source": SOURCE, "licence": "public domain", "countries": countries}


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", type=Path, help="a geopandas 0.14.x wheel (default: pip download)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data = build(_extract(args.wheel or _wheel(folder), folder))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
    rings = sum(len(p) for c in data["countries"] for p in c["polygons"])
    log.info("%s: %d countries, %d rings, %d bytes", args.out, len(data["countries"]), rings,
             args.out.stat().st_size)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
