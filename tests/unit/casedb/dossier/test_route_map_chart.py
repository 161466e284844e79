"""The dossier's route map: land from the offline basemap, routes along the sea lanes."""

from __future__ import annotations

from reportlab.graphics.shapes import Polygon, PolyLine

from casedb.dossier.charts import route_chart


def test_route_map_draws_land_and_a_sea_lane_not_a_straight_line():
    drawing = route_chart(["GBFXT>MYPKG", "GBFXT>MYPKG"], "Helvetica")
    land = [s for s in drawing.contents if isinstance(s, Polygon)]
    lanes = [s for s in drawing.contents if isinstance(s, PolyLine)]
    assert len(land) > 20  # Europe, Africa, Arabia, India, South-East Asia in the frame
    assert len(lanes) == 1  # the same route twice is drawn once
    assert len(lanes[0].points) // 2 > 10  # a lane with bends (Gibraltar, Suez, Malacca)
    assert all(0 <= x <= drawing.width for x in lanes[0].points[::2])


def test_route_map_without_known_ports_is_empty():
    assert route_chart(["???"], "Helvetica").contents == []
