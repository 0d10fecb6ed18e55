"""End to end: an undated page naming only a far day ("Nov. 20", no year) is another happening
than the dated coverage it resembles; naming the dated coverage's day, it joins it. (The town
is one the small model tags as a place: one it tags as a person too, as it does "Marrowby",
would be a person both name, which keeps a later chapter of a case in its event.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief.pipeline import brief

DATED = {
    "wendpost_2024-03-04_river-wend-floods-marrowby.txt": (
        "River Wend bursts its banks in Wendmouth\n\n"
        "The River Wend burst its banks in Wendmouth on Monday night, flooding homes and shops "
        "along the old quay. Rescue teams used boats to reach families trapped upstairs as the "
        "flood water rose through the lower town.\n\n"
        "The Wendmouth fire service said about 300 homes had been flooded and that the river was "
        "still rising at midnight."
    ),
    "valleyherald_2024-03-05_marrowby-flood-homes.txt": (
        "Hundreds of Wendmouth homes flooded as River Wend overflows\n\n"
        "Hundreds of homes in Wendmouth were flooded after the River Wend rose above its walls on "
        "Monday, the fire service said. Firefighters pumped water from the streets of the lower "
        "town while families who fled the flood slept in the town hall.\n\n"
        "Shopkeepers along the old quay said the water had reached the counters within an hour."
    ),
}

UNDATED = (
    "Wendmouth homes flooded as River Wend rises\n\n"
    "The River Wend rose above its walls in Wendmouth on {day}, flooding homes along the old quay "
    "as rescue teams used boats to reach families trapped by the flood water in the lower "
    "town.\n\n"
    "Firefighters pumped water from the streets while families who fled the flood slept in the "
    "town hall, the fire service said."
)


def _events(tmp_path: Path, day: str) -> set[frozenset[str]]:
    for name, text in DATED.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "undated-flood-report.txt").write_text(UNDATED.format(day=day), encoding="utf-8")
    result = brief([tmp_path])
    names = {a.id: Path(a.source).name for a in result.articles}
    assert len(result.stories) == 1  # one subject: the floods of Wendmouth
    return {frozenset(names[i] for i in e.articles) for s in result.stories for e in s.events}


@pytest.mark.parametrize(
    ("day", "apart"),
    [("Nov. 20", True), ("March 4", False), ("Monday", False)],
)
def test_an_undated_page_is_parted_only_by_far_days(tmp_path: Path, day: str, apart: bool) -> None:
    events = _events(tmp_path, day)
    dated = frozenset(DATED)
    undated = frozenset({"undated-flood-report.txt"})
    assert events == ({dated, undated} if apart else {dated | undated})
