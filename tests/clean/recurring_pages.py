"""Hand-written pages of a fictional outlet for the recurring-boilerplate tests."""

from __future__ import annotations

# Chrome of the fictional "Fenwick Lantern": none of it matches a built-in cruft family, so
# only learning can remove it.
MENU = ["Harbourside", "Civic Life", "Allotment Notes", "Tideline Diaries"]
PROMO = "Every Friday our editors pick the week's best stories from the valley for you."
FOOTER = ["Printed by the Fenwick Guild of Typesetters", "Lantern House, Quay Road, Fenwick"]

BODIES = [
    [
        "Fenwick council voted on Tuesday to close the old swing bridge for repairs next spring.",
        "Engineers found rust in two of the four main girders during an inspection in January.",
        "Ferries will carry foot passengers across the river while the work goes on.",
    ],
    [
        "The Fenwick rowing club won the county regatta for the first time in thirty years.",
        "Its eight beat the favourites from Marlow Cross by half a length in the final.",
        "The crew trained through the winter on a stretch of river lit by borrowed floodlights.",
    ],
    [
        "A colony of grey seals has returned to the sandbanks off Tolley Point this month.",
        "Volunteers counted forty-two animals, including nine pups, on Sunday morning.",
        "Walkers are asked to keep dogs on a lead and stay fifty metres from the beach.",
    ],
    [
        "The library on Mill Street will open on Sundays from April, the trust that runs it said.",
        "Opening hours were cut in 2019 when the county withdrew part of its grant.",
        "A local bakery has offered to pay for the extra staff for the first year.",
    ],
    [
        "Fenwick's oldest pub, the Anchor, has been sold to a cooperative of its regulars.",
        "More than three hundred people bought shares at fifty pounds each.",
        "The cooperative plans to reopen the skittle alley that closed in the 1990s.",
    ],
]
TITLES = [
    "Swing bridge to close for repairs",
    "Rowing club ends thirty-year wait",
    "Grey seals return to Tolley Point",
    "Library to open on Sundays",
    "Regulars buy the Anchor",
]
WIRE = [
    "Talks between the two ferry companies collapsed late on Monday after nine hours.",
    "Both firms blamed the other for the breakdown and no new date was set.",
    "Fares rise in May.",
    "Passengers on the northern crossing face delays of up to an hour at peak times.",
]


def page(title: str, body: list[str], *, chrome: bool = True) -> str:
    """A scraped page of the Fenwick Lantern: menu, headline, body, promo, footer."""
    head = [*MENU, "", title, ""] if chrome else [title, ""]
    tail = ["", PROMO, "", *FOOTER] if chrome else []
    return "\n".join([*head, *"\n\n".join(body).split("\n"), *tail])
