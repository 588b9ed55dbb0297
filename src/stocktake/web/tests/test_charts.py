"""Charts: accessible SVG (labelled image, title, description), a summary in words and the
numbers as a table; shapes as well as colours tell the series apart."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

from stocktake.web.charts.control import ControlPoint, control_chart
from stocktake.web.charts.funnel import FunnelArea, FunnelLimits, funnel_chart
from stocktake.web.charts.league import LeagueRow, league_chart
from stocktake.web.charts.svg import Chart, date_ticks, nice_ticks
from stocktake.web.charts.trajectory import Projection, SeriesView, trajectory_chart

SVG = "{http://www.w3.org/2000/svg}"
MONTHS = [dt.date(2024, month, 1) for month in range(1, 7)]


def _svg(chart: Chart) -> ET.Element:
    root = ET.fromstring(str(chart.svg))  # noqa: S314 - our own markup
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby").split()
    assert root.find(f"{SVG}title").get("id") == title_id == f"{chart.key}-title"
    assert root.find(f"{SVG}desc").get("id") == desc_id
    assert root.find(f"{SVG}title").text == chart.title
    assert root.find(f"{SVG}desc").text == chart.summary
    return root


def _view(**changes: object) -> SeriesView:
    values = {
        "measure": "A&E within 4 hours",
        "area": "Haringey <Borough>",
        "unit": "percent",
        "status": "off_track",
        "actuals": list(zip(MONTHS, [80.0, 81.0, 80.5, 82.0, 81.0, 80.0], strict=True)),
        "planned": list(zip(MONTHS, [80.0, 81.5, 83.0, 84.5, 86.0, 87.5], strict=True)),
        "target": (dt.date(2024, 12, 1), 95.0),
        "projection": Projection(81.2, 76.0, 86.4),
    }
    return SeriesView(**{**values, **changes})


def test_the_trajectory_chart_says_in_words_what_it_draws() -> None:
    chart = trajectory_chart(_view(), key="headline")
    root = _svg(chart)  # the area's "<Borough>" is escaped, so the SVG parses
    assert chart.summary == (
        "Haringey <Borough>: 80.0% in June 2024 against a trajectory of 87.5% (off track). "
        "Target 95.0% by December 2024; the trend projects 81.2% (95% interval 76.0% to 86.4%)."
    )
    # Actual: a solid line with dots; trajectory: dashed; projection: dotted, with a band.
    lines = root.findall(f"{SVG}polyline")
    assert [line.get("stroke-dasharray") for line in lines] == ["2 4", "8 5", None]
    assert len(root.findall(f"{SVG}circle")) >= 6
    legend = [t.text for t in root.iter(f"{SVG}text")]
    assert {"Actual", "Trajectory", "Target", "Projection, 95% interval"} <= set(legend)
    rows = chart.table["rows"]
    assert [cell["text"] for cell in rows[0]] == ["January 2024", "80.0%", "80.0%"]
    assert rows[-2][0]["text"] == "Target, December 2024"
    assert rows[-1][1]["text"] == "81.2% (76.0% to 86.4%)"


def test_a_small_multiple_has_no_legend_and_an_empty_series_says_so() -> None:
    compact = trajectory_chart(_view(), key="area-x", compact=True)
    assert compact.title == "Haringey <Borough>"
    assert "Trajectory" not in [t.text for t in _svg(compact).iter(f"{SVG}text")]
    empty = trajectory_chart(_view(actuals=[], planned=[], target=None), key="none")
    assert (
        empty.summary == "Haringey <Borough>: no values have been recorded for A&E within 4 hours."
    )
    assert "No data" in str(empty.svg)


def test_the_funnel_plot_marks_outliers_by_shape_and_names_them() -> None:
    areas = [
        FunnelArea("Camden", 90, 1000, 9.0, None, None),
        FunnelArea("Barnet", 200, 1000, 20.0, "high", "high"),
        FunnelArea("Brent", 10, 500, 2.0, "low", "low"),
    ]
    curve = [
        FunnelLimits(n, 10 - 500 / n, 10 - 300 / n, 10 + 300 / n, 10 + 500 / n) for n in (100, 1000)
    ]
    chart = funnel_chart(
        key="funnel",
        measure="Screening",
        unit="percent",
        period="June 2024",
        target=10.0,
        areas=areas,
        curve=curve,
    )
    root = _svg(chart)
    assert "Above the 99.8% limit: Barnet." in chart.summary
    assert "Below the 99.8% limit: Brent." in chart.summary
    points = root.findall(f"{SVG}polygon")
    assert len(points) >= 2  # the outliers are triangles, the others circles
    assert [row[3]["text"] for row in chart.table["rows"]] == [
        "Above the 99.8% limit",
        "Below the 99.8% limit",
        "Within the limits",
    ]


def test_the_control_chart_marks_special_causes_in_the_drawing_and_the_table() -> None:
    points = [ControlPoint(p, v, ()) for p, v in zip(MONTHS[:5], [10, 11, 10, 12, 11], strict=True)]
    points.append(ControlPoint(MONTHS[5], 30, ("beyond_limits",)))
    chart = control_chart(
        key="control",
        measure="Repairs",
        area="Haringey",
        unit="count",
        points=points,
        centre=14.0,
        lower=5.0,
        upper=23.0,
    )
    root = _svg(chart)
    assert "1 point signals a special cause, the latest in June 2024." in chart.summary
    assert len(list(root.iter(f"{SVG}rect"))) == 2  # the legend's square and the signal's
    assert chart.table["rows"][-1][2]["text"] == "Beyond a process limit"
    assert chart.table["rows"][0][2]["text"] == "None"


def test_league_bars_rank_best_first_with_movement() -> None:
    rows = [
        LeagueRow("Camden", 90.0, 1, 1, 2, 5.0),
        LeagueRow("Barnet", 80.0, 2, 3, None, -1.0),
    ]
    chart = league_chart(
        key="league",
        measure="Recycling",
        unit="percent",
        period="June 2024",
        direction="higher",
        rows=rows,
    )
    root = _svg(chart)
    assert chart.summary == (
        "2 areas ranked, higher is better. First: Camden (90.0%); last: Barnet (80.0%)."
    )
    assert len(root.findall(f"{SVG}rect")) == 2
    assert [row[4]["text"] for row in chart.table["rows"]] == ["Up 2", "New"]
    assert chart.table["rows"][1][5]["text"] == "−1.0%"


def test_ticks_are_round_and_cover_the_range() -> None:
    assert nice_ticks(3, 97) == [0, 25, 50, 75, 100]
    assert nice_ticks(5, 5) == [4, 6, 8, 10]  # a flat series still gets an axis
    # 29 months in at most five ticks: every six months, from a January or July.
    assert date_ticks(dt.date(2023, 12, 15), dt.date(2026, 6, 1)) == [
        dt.date(2024, 1, 1),
        dt.date(2024, 7, 1),
        dt.date(2025, 1, 1),
        dt.date(2025, 7, 1),
        dt.date(2026, 1, 1),
    ]


def test_every_colour_keeps_three_to_one_contrast_with_white() -> None:
    from stocktake.web.charts import svg

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    for name in ("BLACK", "DARK_GREY", "BLUE", "RED", "PINK", "GREEN"):
        colour = getattr(svg, name)
        assert re.fullmatch(r"#[0-9a-f]{6}", colour)
        assert 1.05 / (luminance(colour) + 0.05) >= 3, name
