"""The cheap English check that decides whether an article is extracted (E111 otherwise)."""

from __future__ import annotations

import pytest

from newsbrief.ingest.language import check_english

EN = (
    "The council of Oredale voted on Tuesday to build a new bridge near the river, ending a "
    "debate that had run for more than two years, the mayor said. "
)


@pytest.mark.parametrize(
    ("text", "english", "why"),
    [
        (EN * 2, True, ""),
        ("Short Italian: il sindaco ha detto", True, ""),  # too short to judge
        ("Final score: Oredale 3, Kerrow 1. Scorers: Lind 12', Marr 40', Ode 77'. " * 4, True, ""),
        (
            "Der Bürgermeister sagte am Dienstag, dass die Brücke bald gebaut wird. " * 4,
            False,
            "German",
        ),
        (
            "El alcalde dijo el martes que el puente se construirá pronto para la ciudad. " * 4,
            False,
            "Spanish",
        ),
        ("Мэр заявил во вторник, что мост скоро будет построен. " * 4, False, "Latin script"),
        ("市長は火曜日、橋をまもなく建設すると述べた。" * 6, False, "Latin script"),
        (
            "Belediye başkanı salı günü köprünün yakında yapılacağını söyledi. " * 6,
            False,
            "English function words",
        ),
    ],
)
def test_check_english(text: str, english: bool, why: str) -> None:
    check = check_english(text)
    assert check.english is english, check
    assert why in check.reason
