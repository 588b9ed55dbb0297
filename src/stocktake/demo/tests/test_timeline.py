import datetime as dt

import pytest

from stocktake.demo.timeline import Timeline


def test_dates_and_phrases_move_by_whole_years() -> None:
    timeline = Timeline(content_as_of=dt.date(2016, 11, 30), today=dt.date(2026, 11, 22))
    assert timeline.as_of == dt.date(2026, 11, 30)
    assert timeline.date("2016-02-29") == dt.date(2026, 2, 28)
    assert timeline.date(dt.date(2015, 5, 8)) == dt.date(2025, 5, 8)
    assert timeline.text("by 2020") == "by 2030"
    assert timeline.text("2016/17 and 2019-20") == "2026/27 and 2029-30"
    assert timeline.text("Manifesto commitments 2015–2020") == "Manifesto commitments 2025–2030"
    assert timeline.text("within 12 months") == "within 12 months"


@pytest.mark.parametrize(
    ("today", "as_of"),
    [
        (dt.date(2026, 11, 22), dt.date(2026, 11, 30)),
        (dt.date(2026, 3, 1), dt.date(2025, 11, 30)),
        (dt.date(2026, 7, 1), dt.date(2026, 11, 30)),
    ],
)
def test_the_content_day_moves_to_the_nearest_year(today: dt.date, as_of: dt.date) -> None:
    assert Timeline(content_as_of=dt.date(2016, 11, 30), today=today).as_of == as_of
