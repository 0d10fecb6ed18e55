"""Golden truth for the demo corpus in ``examples/demo``: what was planted, and where.

Data only. Every file is keyed by its path relative to ``examples/demo``; a JSONL record is
``FILE#ID``. The corpus is entirely fictional (Varnia, Kaldoria, Sarnhold and everyone in them).

Story indices used below: 0 = Tarrow Hills border clash and ceasefire talks, 1 = Kerrow Falls
landslide, 2 = Greyhaven tram strike, 3 = Haldren glacier survey (a one-article story).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, TypedDict

DEMO_DIR: Path = Path(__file__).resolve().parent.parent / "examples" / "demo"

# ---------------------------------------------------------------- files

# story 0: border clash (2026-03-02) and ceasefire talks (2026-03-10)
CLASH_WIRE = "meridian-wire/2026-03-03-varnia-kaldoria-border-clash.txt"
CLASH_COURIER = "harbour-courier/2026-03-03-hollin-ridge-soldiers-killed.html"
CLASH_POST = "northgate-post/2026-03-04-kaldoria-claims-2000-killed.txt"
TALKS_WIRE = "meridian-wire/2026-03-10-ceasefire-talks-open-in-aubeck.txt"
TALKS_COURIER = "harbour-courier/2026-03-11-ceasefire-holds-first-night.txt"
# story 1: landslide (2026-03-04) and search called off (2026-03-17)
SLIDE_LEDGER = "valley-ledger/2026-03-05-kerrow-falls-landslide.txt"
SLIDE_COURIER = "harbour-courier/2026-03-06-kerrow-falls-498-homes-destroyed.html"
SLIDE_WIRE = "meridian-wire/2026-03-10-lessmoor-landslide-toll-rises.txt"
SLIDE_LEDGER_COPY = "valley-ledger/2026-03-10-kerrow-falls-toll-climbs-to-126.txt"
SEARCH_POST = "northgate-post/2026-03-18-lessmoor-search-called-off.html"
SEARCH_RADIO = "varnian-radio/2026-03-feed.jsonl#vpr-0317-landslide"
# story 2: strike vote (2026-03-12), strike begins (2026-03-16), deal (2026-03-20)
VOTE_CITIZEN = "greyhaven-citizen/2026-03-12-tram-drivers-vote-to-strike.html"
VOTE_WIRE = "meridian-wire/2026-03-13-greyhaven-tram-strike-vote.txt"
STRIKE_CITIZEN = "greyhaven-citizen/2026-03-16-strike-shuts-tram-network.txt"
STRIKE_RADIO = "varnian-radio/2026-03-feed.jsonl#vpr-0316-strike"
DEAL_COURIER = "harbour-courier/2026-03-20-greyhaven-tram-strike-deal.html"
# story 3: glacier survey (2026-03-15)
GLACIER_POST = "northgate-post/2026-03-15-sarnhold-glacier-survey.txt"

FILES: list[str] = [
    CLASH_WIRE, CLASH_COURIER, CLASH_POST, TALKS_WIRE, TALKS_COURIER,
    SLIDE_LEDGER, SLIDE_COURIER, SLIDE_WIRE, SLIDE_LEDGER_COPY, SEARCH_POST, SEARCH_RADIO,
    VOTE_CITIZEN, VOTE_WIRE, STRIKE_CITIZEN, STRIKE_RADIO, DEAL_COURIER,
    GLACIER_POST,
]  # fmt: skip

HTML_FILES: list[str] = [f for f in FILES if f.endswith(".html")]
JSONL_RECORDS: list[str] = [f for f in FILES if "#" in f]

# ---------------------------------------------------------------- stories and events


class EventTruth(TypedDict):
    label: str
    date: str
    files: set[str]


STORIES: list[set[str]] = [
    {CLASH_WIRE, CLASH_COURIER, CLASH_POST, TALKS_WIRE, TALKS_COURIER},
    {SLIDE_LEDGER, SLIDE_COURIER, SLIDE_WIRE, SLIDE_LEDGER_COPY, SEARCH_POST, SEARCH_RADIO},
    {VOTE_CITIZEN, VOTE_WIRE, STRIKE_CITIZEN, STRIKE_RADIO, DEAL_COURIER},
    {GLACIER_POST},
]

EVENTS: list[list[EventTruth]] = [
    [
        {"label": "Border clash at Hollin Ridge", "date": "2026-03-02",
         "files": {CLASH_WIRE, CLASH_COURIER, CLASH_POST}},
        {"label": "Ceasefire agreed at Aubeck talks", "date": "2026-03-10",
         "files": {TALKS_WIRE, TALKS_COURIER}},
    ],
    [
        {"label": "Landslide buries Kerrow Falls", "date": "2026-03-04",
         "files": {SLIDE_LEDGER, SLIDE_COURIER, SLIDE_WIRE, SLIDE_LEDGER_COPY}},
        {"label": "Search for survivors called off", "date": "2026-03-17",
         "files": {SEARCH_POST, SEARCH_RADIO}},
    ],
    [
        {"label": "Tram workers vote to strike", "date": "2026-03-12",
         "files": {VOTE_CITIZEN, VOTE_WIRE}},
        {"label": "Tram strike begins", "date": "2026-03-16",
         "files": {STRIKE_CITIZEN, STRIKE_RADIO}},
        {"label": "Pay deal suspends strike", "date": "2026-03-20", "files": {DEAL_COURIER}},
    ],
    [
        {"label": "Haldren glacier survey published", "date": "2026-03-15",
         "files": {GLACIER_POST}},
    ],
]  # fmt: skip

# The syndicated near-copy: Valley Ledger republished the Meridian Wire story with a new
# headline, its own chrome and one added local paragraph.
DUPLICATES: dict[str, str] = {SLIDE_LEDGER_COPY: SLIDE_WIRE}

# ---------------------------------------------------------------- metadata

TITLES: dict[str, str] = {
    CLASH_WIRE: "Varnia says 120 soldiers killed in border clash with Kaldoria",
    CLASH_COURIER: "120 soldiers killed as Kaldorian forces storm Hollin Ridge outposts",
    CLASH_POST: "Kaldoria claims 2,000 Varnian troops killed as both sides dig in",
    TALKS_WIRE: "Varnia and Kaldoria agree 72-hour ceasefire at first talks in Aubeck",
    TALKS_COURIER: "Ceasefire holds through first night as Aubeck talks resume",
    SLIDE_LEDGER: "At least 40 dead as landslide buries Kerrow Falls streets",
    SLIDE_COURIER: "Kerrow Falls: 498 homes lost as minister promises rebuilding fund",
    SLIDE_WIRE: "Death toll from Varnia landslide rises to 126, agency says",
    SLIDE_LEDGER_COPY: "Kerrow Falls death toll climbs to 126 as rescuers reach cut-off hamlets",
    SEARCH_POST: "Varnia calls off landslide search as toll reaches 310",
    SEARCH_RADIO: "Landslide search ends as Kerrow Falls toll reaches 310",
    VOTE_CITIZEN: "Tram drivers vote to strike from Monday after pay talks collapse",
    VOTE_WIRE: "Greyhaven tram workers to strike over pay, city faces transport shutdown",
    STRIKE_CITIZEN: "Empty platforms and gridlock as tram strike begins",
    STRIKE_RADIO: "Tram strike brings Greyhaven to a standstill",
    DEAL_COURIER: "Greyhaven tram strike suspended after 6.2% pay deal",
    GLACIER_POST: "Sarnhold glacier survey finds faster melt than expected",
}

MERIDIAN = "Meridian Wire"
COURIER = "The Harbour Courier"
POST = "Northgate Post"
LEDGER = "Valley Ledger Online"
CITIZEN = "The Greyhaven Citizen"
RADIO = "Varnian Public Radio"

OUTLETS: dict[str, str] = {
    CLASH_WIRE: MERIDIAN, CLASH_COURIER: COURIER, CLASH_POST: POST,
    TALKS_WIRE: MERIDIAN, TALKS_COURIER: COURIER,
    SLIDE_LEDGER: LEDGER, SLIDE_COURIER: COURIER, SLIDE_WIRE: MERIDIAN,
    SLIDE_LEDGER_COPY: LEDGER, SEARCH_POST: POST, SEARCH_RADIO: RADIO,
    VOTE_CITIZEN: CITIZEN, VOTE_WIRE: MERIDIAN, STRIKE_CITIZEN: CITIZEN,
    STRIKE_RADIO: RADIO, DEAL_COURIER: COURIER,
    GLACIER_POST: POST,
}  # fmt: skip

PUBLISHED: dict[str, str] = {
    CLASH_WIRE: "2026-03-03", CLASH_COURIER: "2026-03-03", CLASH_POST: "2026-03-04",
    TALKS_WIRE: "2026-03-10", TALKS_COURIER: "2026-03-11",
    SLIDE_LEDGER: "2026-03-05", SLIDE_COURIER: "2026-03-06", SLIDE_WIRE: "2026-03-10",
    SLIDE_LEDGER_COPY: "2026-03-10", SEARCH_POST: "2026-03-18", SEARCH_RADIO: "2026-03-17",
    VOTE_CITIZEN: "2026-03-12", VOTE_WIRE: "2026-03-13", STRIKE_CITIZEN: "2026-03-16",
    STRIKE_RADIO: "2026-03-16", DEAL_COURIER: "2026-03-20",
    GLACIER_POST: "2026-03-15",
}  # fmt: skip

# Text files whose headline is printed twice at the top (the copy must not become body).
REPEATED_HEADLINE: set[str] = {SLIDE_LEDGER}

# ---------------------------------------------------------------- cleaning

# Lines (text files) or element texts (HTML) that cleaning must remove, exactly as written.
CRUFT: dict[str, list[str]] = {
    CLASH_WIRE: [
        "Skip to main content",
        "4 minute read",
        "March 3, 2026 7:42 AM GMT · Updated 3 hours ago",
        "Our Standards: How Meridian Wire checks its reporting",
        "Purchase licensing rights, opens new tab",
        "Harvest in the southern plains tipped to beat forecasts",
        "Tennis: Adler through to quarter-finals of the Brandt Open",
    ],
    CLASH_COURIER: [
        "Skip to content",
        "We use cookies to give you the best experience on our site. By clicking Accept you "
        "agree to our cookie policy.",
        "Soldiers of the 12th Mountain Brigade take cover near Hollin Ridge on Monday. "
        "(Photo: R. Ostrander/Meridian Wire)",
        "Port Elin harbour dredging to start in April",
        "Courier crossword: a new setter joins the team",
        "23 comments",
        "Join the conversation",
        "Lena Marrow is the Courier’s defence correspondent. She has reported from the Tarrow "
        "Hills since 2019.",
        "© 2026 The Harbour Courier Ltd. All rights reserved.",
    ],
    CLASH_POST: [
        "Site icon",
        "Kasimir Dune",  # the byline: a name over the writer's title
        "Foreign Correspondent",
        "This is a modal window.",
        "Independent journalism since 1921",
        "Listen to this article · 5 min",
        "Video: Smoke rises over the Tarrow Hills on Monday (1:12)",
        "Video player is loading.",
        "Northgate tram fares to rise by 5 per cent in June",
        "Kasimir Dune is the Post’s foreign correspondent, covering Kaldoria and Varnia from "
        "Ostrev. Follow him on Loop @kdune_post",
        "Get the Morning Gate in your inbox every weekday. Sign up",
        "Back to top",
    ],
    TALKS_WIRE: [
        "Skip to main content",
        "3 minute read",
        "Read Next",
        "Cycling: Veldt wins opening stage in the Marren hills",
        "© 2026 Meridian Wire. All rights reserved.",
    ],
    TALKS_COURIER: [
        "Skip to content",
        "We use cookies to give you the best experience on our site. By clicking Accept you "
        "agree to our cookie policy.",
        "Manage preferences",
        "Subscribe from 1 mark a week",
        "A soldier watches the road below Hollin Ridge on Wednesday morning. "
        "(Photo: Tobias Rell/The Harbour Courier)",
        "Lena Marrow is the Courier’s defence correspondent. Tobias Rell is a Courier "
        "photographer.",
        "Topics: Defence, Kaldoria, Tarrow Hills, Diplomacy",
        "Opinion: why the Concord needs a standing monitoring force",
        "11 comments",
        "Back to top",
    ],
    SLIDE_LEDGER: [
        "This site uses cookies. By continuing to browse the site you are agreeing to our use "
        "of cookies. OK",
        "Weather: Kerrow Falls 6°C, heavy showers",
        "Posted by Ruth Calloway, Senior Reporter on Thursday 5 March 2026 at 4:10pm",
        "Rescue workers search the debris on Mill Lane in Kerrow Falls on Thursday. "
        "(Photo: Ruth Calloway/Valley Ledger)",
        "Advertisement",
        "Obituary: Gwen Fairley, 93, founder of the Kerrow choir",
        "Comments (42)",
        "Log in or register to comment",
        "Download the Valley Ledger app",
    ],
    SLIDE_COURIER: [
        "Skip to content",
        "Lessmoor landslide",  # the section label above the headline
        "Watch: drone footage of the Kerrow Falls landslide (0:58)",
        "This video can not be played in your browser. Try updating to the latest version.",
        "Rescue workers dig through mud on Mill Lane, Kerrow Falls, on Friday morning. "
        "(Photo: T. Brandvold/Harbour Courier)",
        "Ferry operator reports best winter in a decade",
        "Nadia Orr reports on the northern provinces for the Courier.",
        "8 comments",
    ],
    SLIDE_WIRE: [
        "Skip to main content",
        "3 minute read",
        "Purchase licensing rights, opens new tab",
        "Football: Port Elin Athletic sack coach after cup exit",
    ],
    SLIDE_LEDGER_COPY: [
        "Weather: Kerrow Falls 8°C, light rain",
        "LANDSLIDE LATEST",
        "Posted by Meridian Wire on Tuesday 10 March 2026 at 3:45pm",
        "This story was supplied by Meridian Wire. Additional reporting by Valley Ledger staff.",
        "Kerrow Falls Rovers match postponed as pitch used for relief tents",
        "Comments (17)",
    ],
    SEARCH_POST: [
        "Northgate Post and our partners use cookies and similar technologies to personalise "
        "content and ads.",
        "Listen to this article · 4 min",
        "Candles left on the wall of St Aldo's church in Kerrow Falls on Tuesday. "
        "(Photo: H. Lidstrom/Meridian Wire)",
        "Also read",
        "Sarnhold glacier survey finds faster melt than expected",
        "Concord monitors arrive on Tarrow frontier",
        "Video: Kerrow Falls two weeks on (2:40)",
        "Comments (64)",
        "© Northgate Post Media 2026",
    ],
    SEARCH_RADIO: [
        "Listen live: VPR News at the top of every hour",
        "Donations can be made through the Red Lantern appeal. VPR is not responsible for the "
        "content of external sites.",
        "Download the VPR app for live radio and podcasts.",
    ],
    VOTE_CITIZEN: [
        "We and our 143 partners store and access information on your device to show you "
        "relevant ads and measure how you use our site.",
        "Harbour Road closed northbound after water main burst",
        "Greyhaven 9°C, cloudy",
        "Share: Facebook | X | WhatsApp | Email",
        "Union members outside the Calloway Street depot after the result was read out on "
        "Thursday. (Photo: Mira Sten/The Greyhaven Citizen)",
        "Greyhaven's best-kept secret: the rooftop bar everyone is talking about",
        "58 comments",
        "Comments powered by Talkline. Please keep it civil.",
    ],
    VOTE_WIRE: [
        "Skip to main content",
        "2 minute read",
        "Central bank holds rates, signals cut in summer",
        # a headline of another story in the corpus, as a "Read Next" link
        "Varnia and Kaldoria agree 72-hour ceasefire at first talks in Aubeck",
    ],
    STRIKE_CITIZEN: [
        "Your privacy choices",
        "Share: Facebook | X | WhatsApp | Email",
        "Breaking: Tram strike - live updates from across the city",
        "Greyhaven 7°C, rain",
        "City | Business | Schools | Sport | What's On | Property",
        "Oskar Brandt and Lise Amundsen | Published 16 March 2026, 6:45pm | Updated 8:10pm",
        "A single tram leaves the Central Square stop on Monday morning, driven by a manager. "
        "(Photo: Mira Sten/The Greyhaven Citizen)",
        "Tram strike: what you need to know",
        "103 comments",
        "Add a comment",
        "Copyright 2026 Greyhaven Citizen Media. All rights reserved.",
    ],
    STRIKE_RADIO: [
        "Listen live: VPR News at the top of every hour",
        "Share this story: Facebook, X, Email",
        "More on this story on VPR Greyhaven at 5pm. Download the VPR app for live radio and "
        "podcasts.",
    ],
    DEAL_COURIER: [
        "Subscribe from 1 mark a week",
        "Markets: VX-40 +0.6% · Mark/Crown 1.082 · Brent-N 71.40",
        "Marta Quell speaks to reporters outside Greyhaven City Hall on Friday. "
        "(Photo: Mira Sten/The Greyhaven Citizen)",
        "Orvane shares slip as chip demand cools",
        "Felix Harrow covers business and the labour market for the Courier.",
        "5 comments",
    ],
    GLACIER_POST: [
        "Site icon",
        "Listen to this article · 3 min",
        "Northgate film week opens with a silent classic",
        "Ylva Strand is the Post’s science editor.",
        "By signing up you agree to our privacy policy.",
    ],
}

# Body sentences or paragraph prefixes that must survive cleaning.
BODY: dict[str, list[str]] = {
    CLASH_WIRE: [
        "PORT ELIN, March 3 (Meridian Wire) - Varnia's defence ministry said on Tuesday that 120",
        "Colonel Ivo Tamsen, a spokesman for the Kaldorian General Staff, said that Varnian",
        "About 6,000 civilians have fled villages on the Varnian side of the hills since Monday",
    ],
    CLASH_COURIER: [
        "One hundred and twenty Varnian soldiers were killed in Monday’s fighting at Hollin Ridge",
        "According to the ministry, the brigade lost contact with two of its companies",
        "For the villagers of Hollin Ridge, a hamlet of stone farmhouses",
    ],
    CLASH_POST: [
        "OSTREV — Kaldoria’s military repeated on Wednesday its claim that 2,000 Varnian soldiers",
        "Journalists at the briefing were shown a map but no photographs or other evidence.",
        "Diplomats in Northgate said privately that the first aim of any talks",
    ],
    TALKS_WIRE: [
        "AUBECK, March 10 (Meridian Wire) - Varnia and Kaldoria agreed on Tuesday to a 72-hour",
        "The Varnian delegation was led by Deputy Foreign Minister Aurel Dant.",
        "The two governments still give sharply different accounts of that day.",
    ],
    TALKS_COURIER: [
        "The ceasefire agreed in Aubeck on Tuesday held through its first night",
        "In Port Elin, Defence Minister Helena Marsk welcomed the truce",
        "The regional administration said it would review on Friday whether villages",
    ],
    SLIDE_LEDGER: [
        "KERROW FALLS - At least 40 people have been killed and nearly 500 homes destroyed",
        "The slide came after four days of almost constant rain across Lessmoor.",
        "Interior Minister Petra Hallin is expected to visit the town on Friday.",
    ],
    SLIDE_COURIER: [
        "A total of 498 homes in Kerrow Falls were destroyed by the landslide",
        "The agency’s death toll stood at 40 as of Thursday evening",
        "At St Aldo’s church, where blankets and nappies were piled on the pews",
    ],
    SLIDE_WIRE: [
        "KERROW FALLS, Varnia, March 10 (Meridian Wire) - The number of people killed",
        "Army engineers have been blasting loose rock above the slide site since Sunday",
        "The slide is the deadliest natural disaster in Varnia since the floods of 1998",
    ],
    SLIDE_LEDGER_COPY: [
        "KERROW FALLS, Varnia, March 10 (Meridian Wire) - The number of people killed",
        # the paragraph the Ledger added to the wire copy
        "In Kerrow Falls itself, the Ledger's collection point at the Market Street office",
        "The slide is the deadliest natural disaster in Varnia since the floods of 1998",
    ],
    SEARCH_POST: [
        "KERROW FALLS, Varnia — Varnian authorities called off the search for survivors",
        "The Lessmoor Regional Emergency Agency said the toll of 310 was correct as of Tuesday",
        "A national day of mourning has been declared for Saturday",
    ],
    SEARCH_RADIO: [
        "The search for survivors of the Kerrow Falls landslide has been called off",
        "Agency director Tomas Vell said the decision had been the hardest of his career.",
        "In Kerrow Falls, the primary school that served as the rescue command post",
    ],
    VOTE_CITIZEN: [
        "Greyhaven's tram drivers and conductors will go on strike from Monday",
        "The union said 3,412 members voted for strike action and 288 against",
        "The last tram strike in Greyhaven, in 2019, lasted eleven days.",
    ],
    VOTE_WIRE: [
        "GREYHAVEN, Varnia, March 13 (Meridian Wire) - Tram workers in Greyhaven",
        "The Greyhaven Tramworkers' Union said on Thursday that 3,412 of its members",
        "Public sector pay disputes have spread across Varnia this year",
    ],
    STRIKE_CITIZEN: [
        "Greyhaven woke to empty tram stops and jammed roads on Monday",
        "The Greyhaven Tramworkers’ Union said only 12 of the city’s 140 trams ran",
        "Shopkeepers in the old town said trade was down by half.",
    ],
    STRIKE_RADIO: [
        "Commuters in Greyhaven faced long delays on Monday as tram workers walked out",
        "Mayor Julian Ashby has called both sides to talks at City Hall on Tuesday",
        "Union members voted by 3,412 to 288 last week to strike.",
    ],
    DEAL_COURIER: [
        "Greyhaven’s tram strike was suspended on Friday evening",
        "Under the agreement, drivers, conductors and depot staff will receive a pay rise of 6.2%",
        "Business leaders in Greyhaven welcomed the end of the strike.",
    ],
    GLACIER_POST: [
        "NORTHGATE — The largest glacier in Sarnhold is shrinking faster than scientists",
        "The Haldren supplies meltwater to the Aun river",
        "Tourism officials in the valley below the glacier said visitor numbers",
    ],
}

# ---------------------------------------------------------------- quotes

QuoteKindT = Literal["direct", "indirect", "mixed"]


class _QuoteBase(TypedDict):
    file: str
    text_prefix: str  # the first words of the quoted/reported words, no quote marks
    speaker: str  # canonical full name (or organisation)
    kind: QuoteKindT


class QuoteTruth(_QuoteBase, total=False):
    mention: str  # how the speaker is referred to at the cue, when not by name (pronoun/role)
    multi_paragraph: bool  # the quote runs over several paragraphs (only the last closes)


# Every direct quote in the bodies is listed (a quote split by its cue, "...," X said. "...",
# is listed as two entries). Indirect and mixed quotes are the planted ones. For mixed quotes the
# prefix is the quoted fragment itself.
QUOTES: list[QuoteTruth] = [
    # --- story 0
    {"file": CLASH_WIRE, "text_prefix": "Our soldiers held their ground for three hours against",
     "speaker": "Helena Marsk", "kind": "direct", "multi_paragraph": True},
    {"file": CLASH_WIRE, "text_prefix": "the attack began before dawn with artillery fire",
     "speaker": "Helena Marsk", "kind": "indirect"},
    {"file": CLASH_WIRE, "text_prefix": "defensive operation",
     "speaker": "Kaldorian General Staff", "kind": "mixed"},
    {"file": CLASH_WIRE, "text_prefix": "the ministry would publish the names of the dead",
     "speaker": "Helena Marsk", "kind": "indirect", "mention": "She"},
    {"file": CLASH_WIRE, "text_prefix": "all options remain on the table",
     "speaker": "Helena Marsk", "kind": "mixed", "mention": "the defence minister"},
    {"file": CLASH_WIRE, "text_prefix": "Varnian units had crossed the line of control overnight",
     "speaker": "Ivo Tamsen", "kind": "indirect"},
    {"file": CLASH_WIRE, "text_prefix": "Kaldoria had lost 31 of its own soldiers",
     "speaker": "Ivo Tamsen", "kind": "indirect", "mention": "He"},
    {"file": CLASH_WIRE, "text_prefix": "with any serious mediator",
     "speaker": "Helena Marsk", "kind": "mixed", "mention": "She"},
    {"file": CLASH_COURIER, "text_prefix": "a premeditated act of aggression",
     "speaker": "Helena Marsk", "kind": "mixed"},
    {"file": CLASH_COURIER, "text_prefix": "answer in kind if provoked again",
     "speaker": "Helena Marsk", "kind": "mixed"},
    {"file": CLASH_COURIER, "text_prefix": "pure invention",
     "speaker": "Varnian Defence Ministry", "kind": "mixed"},
    {"file": CLASH_COURIER, "text_prefix": "the brigade lost contact with two of its companies",
     "speaker": "Varnian Defence Ministry", "kind": "indirect", "mention": "the ministry"},
    {"file": CLASH_COURIER, "text_prefix": "We heard the first shells at about four in",
     "speaker": "Ilse Varga", "kind": "direct"},
    {"file": CLASH_COURIER, "text_prefix": "By six the whole ridge was burning and the",
     "speaker": "Ilse Varga", "kind": "direct"},
    {"file": CLASH_COURIER, "text_prefix": "she did not know when she would be able",
     "speaker": "Ilse Varga", "kind": "indirect"},
    {"file": CLASH_COURIER, "text_prefix": "Everything we have is up there",
     "speaker": "Ilse Varga", "kind": "direct", "mention": "she"},
    {"file": CLASH_POST, "text_prefix": "The Varnian command sent its units across the line",
     "speaker": "Ivo Tamsen", "kind": "direct"},
    {"file": CLASH_POST, "text_prefix": "We did not start this and we do not",
     "speaker": "Ivo Tamsen", "kind": "direct"},
    {"file": CLASH_POST, "text_prefix": "Kaldorian troops had withdrawn to their starting",
     "speaker": "Ivo Tamsen", "kind": "indirect", "mention": "He"},
    {"file": CLASH_POST, "text_prefix": "31 Kaldorian soldiers were killed and 70 were wounded",
     "speaker": "Kaldorian Defence Ministry", "kind": "indirect"},
    {"file": CLASH_POST, "text_prefix": "A figure of 120 is plausible for a morning",
     "speaker": "Saskia Brenn", "kind": "direct"},
    {"file": CLASH_POST, "text_prefix": "commercial satellite images taken on Tuesday showed fresh",
     "speaker": "Saskia Brenn", "kind": "indirect", "mention": "Brenn"},
    {"file": CLASH_POST, "text_prefix": "invented to frighten our families",
     "speaker": "Helena Marsk", "kind": "mixed", "mention": "Varnia’s defence minister"},
    {"file": CLASH_POST, "text_prefix": "she had spoken to both capitals by telephone",
     "speaker": "Mirela Osk", "kind": "indirect"},
    {"file": CLASH_POST, "text_prefix": "within days", "speaker": "Mirela Osk", "kind": "mixed"},
    {"file": TALKS_WIRE, "text_prefix": "the truce would take effect at midnight",
     "speaker": "Mirela Osk", "kind": "indirect"},
    {"file": TALKS_WIRE, "text_prefix": "This is a small agreement, and it is a fragile",
     "speaker": "Mirela Osk", "kind": "direct"},
    {"file": TALKS_WIRE, "text_prefix": "military liaison officers from both armies would set up",
     "speaker": "Mirela Osk", "kind": "indirect", "mention": "She"},
    {"file": TALKS_WIRE, "text_prefix": "We came to Aubeck to stop the killing",
     "speaker": "Aurel Dant", "kind": "direct"},
    {"file": TALKS_WIRE, "text_prefix": "The families of our soldiers deserve to know",
     "speaker": "Aurel Dant", "kind": "direct"},
    {"file": TALKS_WIRE, "text_prefix": "as long as the other side does",
     "speaker": "Roza Hadek", "kind": "mixed", "mention": "She"},
    {"file": TALKS_COURIER, "text_prefix": "A ceasefire is not yet peace",
     "speaker": "Helena Marsk", "kind": "direct"},
    {"file": TALKS_COURIER, "text_prefix": "Our soldiers will stay exactly where they are",
     "speaker": "Helena Marsk", "kind": "direct"},
    {"file": TALKS_COURIER, "text_prefix": "reconnaissance flights had detected Kaldorian",
     "speaker": "Helena Marsk", "kind": "indirect", "mention": "She"},
    {"file": TALKS_COURIER, "text_prefix": "every family in this country can count them",
     "speaker": "Helena Marsk", "kind": "mixed", "mention": "the defence minister"},
    {"file": TALKS_COURIER, "text_prefix": "People want to go home, but nobody wants to",
     "speaker": "Jonas Pell", "kind": "direct"},
    {"file": TALKS_COURIER, "text_prefix": "We will keep cooking until they are sure",
     "speaker": "Jonas Pell", "kind": "direct"},
    # --- story 1
    {"file": SLIDE_LEDGER, "text_prefix": "she was woken by a sound she will never forget",
     "speaker": "Maren Hollis", "kind": "indirect"},
    {"file": SLIDE_LEDGER, "text_prefix": "It was like a train coming through the kitchen",
     "speaker": "Maren Hollis", "kind": "direct", "multi_paragraph": True},
    {"file": SLIDE_LEDGER, "text_prefix": "rescue teams from three provinces had reached the town",
     "speaker": "Tomas Vell", "kind": "indirect"},
    {"file": SLIDE_LEDGER, "text_prefix": "We are working house by house",
     "speaker": "Tomas Vell", "kind": "direct"},
    {"file": SLIDE_LEDGER, "text_prefix": "the agency had counted nearly 500 homes destroyed",
     "speaker": "Tomas Vell", "kind": "indirect", "mention": "He"},
    {"file": SLIDE_COURIER, "text_prefix": "I have seen a town cut in half",
     "speaker": "Petra Hallin", "kind": "direct", "mention": "the interior minister"},
    {"file": SLIDE_COURIER, "text_prefix": "The state will rebuild these homes, all of them",
     "speaker": "Petra Hallin", "kind": "direct", "mention": "the interior minister"},
    {"file": SLIDE_COURIER, "text_prefix": "a reconstruction fund would be put before parliament",
     "speaker": "Petra Hallin", "kind": "indirect", "mention": "She"},
    {"file": SLIDE_COURIER, "text_prefix": "what was known, and when",
     "speaker": "Petra Hallin", "kind": "mixed"},
    {"file": SLIDE_COURIER, "text_prefix": "about 900 rescuers, soldiers and volunteers were now",
     "speaker": "Tomas Vell", "kind": "indirect"},
    {"file": SLIDE_COURIER, "text_prefix": "the community had been overwhelmed by donations",
     "speaker": "Emil Sander", "kind": "indirect"},
    {"file": SLIDE_COURIER, "text_prefix": "People have driven for hours to bring us food",
     "speaker": "Emil Sander", "kind": "direct", "mention": "he"},
    {"file": SLIDE_COURIER, "text_prefix": "What we need now is news",
     "speaker": "Emil Sander", "kind": "direct", "mention": "he"},
]  # fmt: skip

# The syndicated copy carries exactly the original's quotes.
_WIRE_SLIDE_QUOTES: list[QuoteTruth] = [
    {"file": SLIDE_WIRE, "text_prefix": "most of the bodies recovered since Saturday had been",
     "speaker": "Tomas Vell", "kind": "indirect"},
    {"file": SLIDE_WIRE, "text_prefix": "We always feared the number would rise",
     "speaker": "Tomas Vell", "kind": "direct"},
    {"file": SLIDE_WIRE, "text_prefix": "We are now recovering people, not rescuing them",
     "speaker": "Tomas Vell", "kind": "direct"},
    {"file": SLIDE_WIRE, "text_prefix": "the government would ask parliament this week to approve",
     "speaker": "Petra Hallin", "kind": "indirect"},
    {"file": SLIDE_WIRE, "text_prefix": "We will rebuild Kerrow Falls on safe ground",
     "speaker": "Petra Hallin", "kind": "direct", "mention": "she"},
    {"file": SLIDE_WIRE, "text_prefix": "Nobody should spend next winter in a sports hall",
     "speaker": "Petra Hallin", "kind": "direct", "mention": "she"},
    {"file": SLIDE_WIRE, "text_prefix": "in full, whatever they say",
     "speaker": "Petra Hallin", "kind": "mixed", "mention": "the interior minister"},
]  # fmt: skip
QUOTES += _WIRE_SLIDE_QUOTES
QUOTES += [{**q, "file": SLIDE_LEDGER_COPY} for q in _WIRE_SLIDE_QUOTES]

QUOTES += [
    {"file": SEARCH_POST, "text_prefix": "There is no one left to rescue",
     "speaker": "Tomas Vell", "kind": "direct"},
    {"file": SEARCH_POST, "text_prefix": "the scale of the disaster had only become clear",
     "speaker": "Tomas Vell", "kind": "indirect"},
    {"file": SEARCH_POST, "text_prefix": "They told us the hill was being watched",
     "speaker": "Anders Pell", "kind": "direct"},
    {"file": SEARCH_POST, "text_prefix": "I want to see the names of the people",
     "speaker": "Anders Pell", "kind": "direct"},
    {"file": SEARCH_POST, "text_prefix": "every document it asks for",
     "speaker": "Petra Hallin", "kind": "mixed"},
    {"file": SEARCH_RADIO, "text_prefix": "the decision had been the hardest of his career",
     "speaker": "Tomas Vell", "kind": "indirect"},
    {"file": SEARCH_RADIO, "text_prefix": "For two weeks we hoped",
     "speaker": "Tomas Vell", "kind": "direct"},
    {"file": SEARCH_RADIO, "text_prefix": "the government would hold a national day of mourning",
     "speaker": "Petra Hallin", "kind": "indirect"},
    {"file": SEARCH_RADIO, "text_prefix": "the independent inquiry into warnings about the slope",
     "speaker": "Petra Hallin", "kind": "indirect", "mention": "She"},
    # --- story 2
    {"file": VOTE_CITIZEN, "text_prefix": "Our members have been patient for two years",
     "speaker": "Marta Quell", "kind": "direct"},
    {"file": VOTE_CITIZEN, "text_prefix": "Nobody wants to strike",
     "speaker": "Marta Quell", "kind": "direct", "mention": "she"},
    {"file": VOTE_CITIZEN, "text_prefix": "the most the authority can afford without raising fares",
     "speaker": "Oriel Fane", "kind": "mixed"},
    {"file": VOTE_CITIZEN, "text_prefix": "contingency timetables would be published on Friday",
     "speaker": "Oriel Fane", "kind": "indirect", "mention": "She"},
    {"file": VOTE_CITIZEN, "text_prefix": "the city could not afford a long strike",
     "speaker": "Julian Ashby", "kind": "indirect", "mention": "He"},
    {"file": VOTE_CITIZEN, "text_prefix": "I understand the anger of the drivers",
     "speaker": "Julian Ashby", "kind": "direct"},
    {"file": VOTE_WIRE, "text_prefix": "The vote speaks for itself",
     "speaker": "Marta Quell", "kind": "direct"},
    {"file": VOTE_WIRE, "text_prefix": "If the authority wants to avoid a strike",
     "speaker": "Marta Quell", "kind": "direct"},
    {"file": VOTE_WIRE, "text_prefix": "meeting the union's demand would cost about 30 million",
     "speaker": "Oriel Fane", "kind": "indirect"},
    {"file": VOTE_WIRE, "text_prefix": "he had asked the provincial mediation service",
     "speaker": "Julian Ashby", "kind": "indirect"},
    {"file": STRIKE_CITIZEN, "text_prefix": "Look around you. This is what the city looks",
     "speaker": "Marta Quell", "kind": "direct", "mention": "she", "multi_paragraph": True},
    {"file": STRIKE_CITIZEN, "text_prefix": "better than we feared",
     "speaker": "Oriel Fane", "kind": "mixed"},
    {"file": STRIKE_CITIZEN, "text_prefix": "he would meet both sides at City Hall",
     "speaker": "Julian Ashby", "kind": "indirect"},
    {"file": STRIKE_CITIZEN, "text_prefix": "I am not going to negotiate in public",
     "speaker": "Julian Ashby", "kind": "direct"},
    {"file": STRIKE_CITIZEN, "text_prefix": "the city would keep its car parks open",
     "speaker": "Julian Ashby", "kind": "indirect", "mention": "He"},
    {"file": STRIKE_CITIZEN, "text_prefix": "everything is on the table except fares",
     "speaker": "Julian Ashby", "kind": "mixed", "mention": "the mayor"},
    {"file": STRIKE_CITIZEN, "text_prefix": "Monday is always slow, but this was like",
     "speaker": "Hanna Vos", "kind": "direct"},
    {"file": STRIKE_CITIZEN, "text_prefix": "I hope they sort it out by the weekend",
     "speaker": "Hanna Vos", "kind": "direct"},
    {"file": STRIKE_RADIO, "text_prefix": "solid", "speaker": "Marta Quell", "kind": "mixed"},
    {"file": STRIKE_RADIO, "text_prefix": "We did not choose this",
     "speaker": "Marta Quell", "kind": "direct"},
    {"file": STRIKE_RADIO, "text_prefix": "disappointed that passengers are paying the price",
     "speaker": "Oriel Fane", "kind": "mixed"},
    {"file": STRIKE_RADIO, "text_prefix": "the city's car parks would be free",
     "speaker": "Julian Ashby", "kind": "indirect", "mention": "He"},
    {"file": DEAL_COURIER, "text_prefix": "members would vote on the offer next week",
     "speaker": "Marta Quell", "kind": "indirect"},
    {"file": DEAL_COURIER, "text_prefix": "This is not everything we asked for",
     "speaker": "Marta Quell", "kind": "direct"},
    {"file": DEAL_COURIER, "text_prefix": "This city has had a hard week",
     "speaker": "Julian Ashby", "kind": "direct", "mention": "he"},
    {"file": DEAL_COURIER, "text_prefix": "Tomorrow morning the trams run again",
     "speaker": "Julian Ashby", "kind": "direct"},
    {"file": DEAL_COURIER, "text_prefix": "the extra money would come from savings",
     "speaker": "Oriel Fane", "kind": "indirect"},
    {"file": DEAL_COURIER, "text_prefix": "A deal above six per cent in Greyhaven",
     "speaker": "Tilde Varro", "kind": "direct"},
    # --- story 3
    {"file": GLACIER_POST, "text_prefix": "We expected the trend. We did not expect",
     "speaker": "Idun Mahr", "kind": "direct"},
    {"file": GLACIER_POST, "text_prefix": "At this rate, the lower part of the glacier",
     "speaker": "Idun Mahr", "kind": "direct"},
    {"file": GLACIER_POST, "text_prefix": "dark dust blown from the south had made",
     "speaker": "Idun Mahr", "kind": "indirect"},
    {"file": GLACIER_POST, "text_prefix": "the institute would repeat the survey every two years",
     "speaker": "Idun Mahr", "kind": "indirect"},
    {"file": GLACIER_POST, "text_prefix": "The mountain is telling us something",
     "speaker": "Idun Mahr", "kind": "direct", "mention": "she"},
    {"file": GLACIER_POST, "text_prefix": "We should listen",
     "speaker": "Idun Mahr", "kind": "direct"},
]  # fmt: skip

# ---------------------------------------------------------------- figures


class _ClaimBase(TypedDict):
    file: str
    value: float
    text: str  # the figure as written in the file
    claimant: str | None
    as_of: str | None


class ClaimTruth(_ClaimBase, total=False):
    qualifier: str  # '=' unless given: '~', '>=', ...
    restated: bool  # an earlier figure repeated in a later article


class FigureTruth(TypedDict):
    story_index: int
    measure: str
    status: Literal["conflict", "update", "agree", "single"]
    claims: list[ClaimTruth]


VDM = "Varnian Defence Ministry"
KGS = "Kaldorian General Staff"
LREA = "Lessmoor Regional Emergency Agency"
GTU = "Greyhaven Tramworkers' Union"
GTA = "Greyhaven Transit Authority"

# Names a scorer may accept for the same claimant (a minister speaks for her ministry).
CLAIMANT_ALIASES: dict[str, set[str]] = {
    VDM: {"Helena Marsk", "Varnia", "Varnian defence ministry", "defence ministry"},
    KGS: {"Ivo Tamsen", "Kaldoria", "Kaldorian military", "Kaldorian Defence Ministry"},
    "Tarrow regional administration": {"regional administration"},
    LREA: {"Tomas Vell", "emergency agency", "the agency"},
    GTU: {"Marta Quell", "the union"},
    GTA: {"Oriel Fane", "the authority", "transit authority"},
}

FIGURES: list[FigureTruth] = [
    # --- story 0: the same day, two claimants, incompatible values
    {"story_index": 0, "measure": "soldiers killed", "status": "conflict", "claims": [
        {"file": CLASH_WIRE, "value": 120, "text": "120", "claimant": VDM, "as_of": "2026-03-02"},
        {"file": CLASH_WIRE, "value": 2000, "text": "2,000", "claimant": KGS,
         "as_of": "2026-03-02"},
        {"file": CLASH_COURIER, "value": 120, "text": "120", "claimant": VDM,
         "as_of": "2026-03-02"},
        {"file": CLASH_COURIER, "value": 2000, "text": "2,000", "claimant": KGS,
         "as_of": "2026-03-02"},
        {"file": CLASH_POST, "value": 2000, "text": "2,000", "claimant": KGS,
         "as_of": "2026-03-02"},
        {"file": CLASH_POST, "value": 120, "text": "120", "claimant": VDM, "as_of": "2026-03-02"},
        {"file": TALKS_WIRE, "value": 120, "text": "120", "claimant": VDM, "as_of": "2026-03-02",
         "restated": True},
        {"file": TALKS_WIRE, "value": 2000, "text": "2,000", "claimant": KGS,
         "as_of": "2026-03-02", "restated": True},
        {"file": TALKS_COURIER, "value": 2000, "text": "2,000", "claimant": KGS,
         "as_of": "2026-03-02", "restated": True},
        {"file": TALKS_COURIER, "value": 120, "text": "all 120 dead", "claimant": "Helena Marsk",
         "as_of": "2026-03-02", "restated": True},
    ]},
    {"story_index": 0, "measure": "Kaldorian soldiers killed", "status": "agree", "claims": [
        {"file": CLASH_WIRE, "value": 31, "text": "31", "claimant": "Ivo Tamsen",
         "as_of": "2026-03-02"},
        {"file": CLASH_POST, "value": 31, "text": "31", "claimant": "Kaldorian Defence Ministry",
         "as_of": "2026-03-02"},
    ]},
    {"story_index": 0, "measure": "Kaldorian soldiers wounded", "status": "single", "claims": [
        {"file": CLASH_POST, "value": 70, "text": "70", "claimant": "Kaldorian Defence Ministry",
         "as_of": "2026-03-02"},
    ]},
    {"story_index": 0, "measure": "civilians displaced", "status": "agree", "claims": [
        {"file": CLASH_WIRE, "value": 6000, "text": "About 6,000", "qualifier": "~",
         "claimant": "Tarrow regional administration", "as_of": "2026-03-03"},
        {"file": CLASH_COURIER, "value": 6000, "text": "6,000",
         "claimant": "Tarrow regional administration", "as_of": "2026-03-03"},
        # "…, according to residents and local officials …, and about 6,000 people …"
        {"file": TALKS_WIRE, "value": 6000, "text": "about 6,000", "qualifier": "~",
         "claimant": "residents", "as_of": "2026-03-10"},
    ]},
    # --- story 1: one agency's toll, superseded over time
    {"story_index": 1, "measure": "people killed", "status": "update", "claims": [
        {"file": SLIDE_LEDGER, "value": 40, "text": "At least 40", "qualifier": ">=",
         "claimant": LREA, "as_of": "2026-03-05"},
        {"file": SLIDE_COURIER, "value": 40, "text": "40", "claimant": LREA,
         "as_of": "2026-03-05"},
        {"file": SLIDE_WIRE, "value": 126, "text": "126", "claimant": LREA,
         "as_of": "2026-03-10"},
        {"file": SLIDE_WIRE, "value": 40, "text": "stood at 40", "claimant": LREA,
         "as_of": None, "restated": True},
        {"file": SLIDE_LEDGER_COPY, "value": 126, "text": "126", "claimant": LREA,
         "as_of": "2026-03-10"},
        {"file": SLIDE_LEDGER_COPY, "value": 40, "text": "stood at 40", "claimant": LREA,
         "as_of": None, "restated": True},
        {"file": SEARCH_POST, "value": 310, "text": "310", "claimant": LREA,
         "as_of": "2026-03-17"},
        {"file": SEARCH_POST, "value": 126, "text": "up from 126 a week earlier",
         "claimant": LREA, "as_of": "2026-03-10", "restated": True},
        {"file": SEARCH_RADIO, "value": 310, "text": "310", "claimant": LREA,
         "as_of": "2026-03-17"},
    ]},
    {"story_index": 1, "measure": "homes destroyed", "status": "agree", "claims": [
        {"file": SLIDE_LEDGER, "value": 500, "text": "nearly 500 homes", "qualifier": "~",
         "claimant": LREA, "as_of": "2026-03-05"},
        {"file": SLIDE_COURIER, "value": 498, "text": "498 homes", "claimant": LREA,
         "as_of": "2026-03-06"},
        # "the agency has said that 498 homes were destroyed": the figure of 6 March restated
        {"file": SLIDE_WIRE, "value": 498, "text": "498 homes", "claimant": LREA,
         "as_of": "2026-03-06", "restated": True},
        {"file": SLIDE_LEDGER_COPY, "value": 498, "text": "498 homes", "claimant": LREA,
         "as_of": "2026-03-06", "restated": True},
    ]},
    {"story_index": 1, "measure": "people in shelters", "status": "update", "claims": [
        {"file": SLIDE_WIRE, "value": 2300, "text": "About 2,300", "qualifier": "~",
         "claimant": LREA, "as_of": "2026-03-10"},
        {"file": SLIDE_LEDGER_COPY, "value": 2300, "text": "About 2,300", "qualifier": "~",
         "claimant": LREA, "as_of": "2026-03-10"},
        {"file": SEARCH_RADIO, "value": 2000, "text": "about 2,000", "qualifier": "~",
         "claimant": LREA, "as_of": "2026-03-17"},
    ]},
    {"story_index": 1, "measure": "people missing", "status": "agree", "claims": [
        {"file": SEARCH_POST, "value": 19, "text": "Nineteen", "claimant": LREA,
         "as_of": "2026-03-17"},
        {"file": SEARCH_RADIO, "value": 19, "text": "Nineteen", "claimant": LREA,
         "as_of": "2026-03-17"},
    ]},
    {"story_index": 1, "measure": "rescuers deployed", "status": "single", "claims": [
        {"file": SLIDE_COURIER, "value": 900, "text": "about 900", "qualifier": "~",
         "claimant": "Tomas Vell", "as_of": "2026-03-06"},
    ]},
    # --- story 2
    {"story_index": 2, "measure": "votes for strike", "status": "agree", "claims": [
        {"file": VOTE_CITIZEN, "value": 3412, "text": "3,412", "claimant": GTU,
         "as_of": "2026-03-12"},
        {"file": VOTE_WIRE, "value": 3412, "text": "3,412", "claimant": GTU,
         "as_of": "2026-03-12"},
        {"file": STRIKE_RADIO, "value": 3412, "text": "3,412", "claimant": None, "as_of": None},
    ]},
    {"story_index": 2, "measure": "votes against strike", "status": "agree", "claims": [
        {"file": VOTE_CITIZEN, "value": 288, "text": "288", "claimant": GTU,
         "as_of": "2026-03-12"},
        {"file": VOTE_WIRE, "value": 288, "text": "288", "claimant": GTU, "as_of": "2026-03-12"},
        {"file": STRIKE_RADIO, "value": 288, "text": "288", "claimant": None, "as_of": None},
    ]},
    {"story_index": 2, "measure": "ballot turnout", "status": "single", "claims": [
        {"file": VOTE_CITIZEN, "value": 81, "text": "81 per cent", "claimant": GTU,
         "as_of": "2026-03-12"},
    ]},
    {"story_index": 2, "measure": "pay rise offered", "status": "update", "claims": [
        {"file": VOTE_CITIZEN, "value": 4.5, "text": "4.5%", "claimant": GTA,
         "as_of": "2026-03-12"},
        {"file": VOTE_WIRE, "value": 4.5, "text": "4.5%", "claimant": GTA, "as_of": "2026-03-13"},
        {"file": STRIKE_CITIZEN, "value": 4.5, "text": "4.5%", "claimant": GTA,
         "as_of": "2026-03-16"},
        {"file": STRIKE_RADIO, "value": 4.5, "text": "4.5%", "claimant": GTA,
         "as_of": "2026-03-16"},
        # "Under the agreement, drivers … will receive a pay rise of 6.2%": nobody named
        {"file": DEAL_COURIER, "value": 6.2, "text": "6.2%", "claimant": None,
         "as_of": "2026-03-20"},
        {"file": DEAL_COURIER, "value": 4.5, "text": "4.5%", "claimant": GTA, "as_of": None,
         "restated": True},
    ]},
    {"story_index": 2, "measure": "pay rise demanded", "status": "agree", "claims": [
        {"file": VOTE_CITIZEN, "value": 9, "text": "9%", "claimant": GTU, "as_of": "2026-03-12"},
        {"file": VOTE_WIRE, "value": 9, "text": "9%", "claimant": GTU, "as_of": "2026-03-13"},
        {"file": STRIKE_RADIO, "value": 9, "text": "9%", "claimant": GTU, "as_of": "2026-03-16"},
    ]},
    # the same morning, two claimants, incompatible values
    {"story_index": 2, "measure": "trams running", "status": "conflict", "claims": [
        {"file": STRIKE_CITIZEN, "value": 12, "text": "only 12", "claimant": GTU,
         "as_of": "2026-03-16"},
        {"file": STRIKE_CITIZEN, "value": 58, "text": "58 trams", "claimant": GTA,
         "as_of": "2026-03-16"},
        {"file": STRIKE_RADIO, "value": 12, "text": "only 12", "claimant": GTU,
         "as_of": "2026-03-16"},
        {"file": STRIKE_RADIO, "value": 58, "text": "58 trams", "claimant": GTA,
         "as_of": "2026-03-16"},
    ]},
    {"story_index": 2, "measure": "daily passengers", "status": "agree", "claims": [
        {"file": VOTE_CITIZEN, "value": 280000, "text": "About 280,000", "qualifier": "~",
         "claimant": GTA, "as_of": None},
        # "…, their union said, threatening to halt a network used by some 280,000 passengers"
        {"file": VOTE_WIRE, "value": 280000, "text": "some 280,000", "qualifier": "~",
         "claimant": GTU, "as_of": None},
    ]},
    {"story_index": 2, "measure": "union members", "status": "single", "claims": [
        {"file": VOTE_WIRE, "value": 4200, "text": "about 4,200", "qualifier": "~",
         "claimant": GTU, "as_of": None},
    ]},
    {"story_index": 2, "measure": "cost of union demand", "status": "single", "claims": [
        {"file": VOTE_WIRE, "value": 30_000_000, "text": "about 30 million marks",
         "qualifier": "~", "claimant": "Oriel Fane", "as_of": None},
    ]},
    {"story_index": 2, "measure": "cost of pay deal", "status": "single", "claims": [
        {"file": DEAL_COURIER, "value": 14_200_000, "text": "14.2 million marks",
         "claimant": GTA, "as_of": "2026-03-20"},
    ]},
    # --- story 3
    {"story_index": 3, "measure": "glacier thinning per year", "status": "single", "claims": [
        {"file": GLACIER_POST, "value": 1.4, "text": "1.4 metres",
         "claimant": "Sarnhold Polar and Alpine Institute", "as_of": None},
    ]},
    {"story_index": 3, "measure": "glacier retreat", "status": "single", "claims": [
        {"file": GLACIER_POST, "value": 600, "text": "about 600 metres", "qualifier": "~",
         "claimant": "Sarnhold Polar and Alpine Institute", "as_of": None},
    ]},
]  # fmt: skip

# Numbers that are quantities but must not become claims: distances, durations, ages, unit
# names, years, comment counters, weather, chrome.
NON_CLAIMS: list[tuple[str, str]] = [
    (CLASH_WIRE, "12 km"), (CLASH_WIRE, "three hours"), (CLASH_WIRE, "54-year-old"),
    (CLASH_WIRE, "12th Mountain Brigade"), (CLASH_WIRE, "140 km"), (CLASH_WIRE, "2011"),
    (CLASH_WIRE, "4 minute read"),
    (CLASH_COURIER, "23 comments"), (CLASH_COURIER, "12th Mountain Brigade"),
    (CLASH_COURIER, "1 mark a week"),
    (CLASH_POST, "9 km"), (CLASH_POST, "sixteen times"), (CLASH_POST, "(1:12)"),
    (CLASH_POST, "5 per cent"),
    (TALKS_WIRE, "72-hour"), (TALKS_WIRE, "six hours"), (TALKS_WIRE, "eight days ago"),
    (TALKS_COURIER, "8 km"), (TALKS_COURIER, "20 km"), (TALKS_COURIER, "11 comments"),
    (SLIDE_LEDGER, "four days"), (SLIDE_LEDGER, "Hollis, 41"), (SLIDE_LEDGER, "60 km"),
    (SLIDE_LEDGER, "Comments (42)"), (SLIDE_LEDGER, "6°C"), (SLIDE_LEDGER, "Fairley, 93"),
    (SLIDE_COURIER, "two hours"), (SLIDE_COURIER, "(0:58)"), (SLIDE_COURIER, "8 comments"),
    (SLIDE_WIRE, "six days"), (SLIDE_WIRE, "1998"), (SLIDE_WIRE, "three times"),
    (SLIDE_LEDGER_COPY, "8pm"), (SLIDE_LEDGER_COPY, "four vanloads"),
    (SLIDE_LEDGER_COPY, "Comments (17)"),
    (SEARCH_POST, "4 min"), (SEARCH_POST, "(2:40)"), (SEARCH_POST, "Comments (64)"),
    (SEARCH_POST, "two weeks"),
    (SEARCH_RADIO, "another week"),
    (VOTE_CITIZEN, "9°C"), (VOTE_CITIZEN, "58 comments"), (VOTE_CITIZEN, "143 partners"),
    (VOTE_CITIZEN, "seven tram lines"), (VOTE_CITIZEN, "eleven days"),
    (VOTE_CITIZEN, "300,000 marks"),
    (VOTE_WIRE, "2 minute read"), (VOTE_WIRE, "72-hour"),
    (STRIKE_CITIZEN, "103 comments"), (STRIKE_CITIZEN, "Vos, 62"),
    (STRIKE_CITIZEN, "two and a half hours"), (STRIKE_CITIZEN, "seven years"),
    (STRIKE_RADIO, "5pm"),
    (DEAL_COURIER, "2028"), (DEAL_COURIER, "1.082"), (DEAL_COURIER, "5 comments"),
    (DEAL_COURIER, "fifth day"), (DEAL_COURIER, "above six per cent"),
    (STRIKE_CITIZEN, "at eight"), (STRIKE_CITIZEN, "140 trams"), (STRIKE_RADIO, "140 trams"),
    (SEARCH_POST, "one of the deadliest"),
    (GLACIER_POST, "three summers"), (GLACIER_POST, "3 min"),
]  # fmt: skip

# ---------------------------------------------------------------- summaries

# Short phrases a good summary of each story should contain (index as in STORIES).
KEY_FACTS: list[list[str]] = [
    ["120", "2,000", "Hollin Ridge", "ceasefire", "Aubeck"],
    ["Kerrow Falls", "landslide", "310", "homes"],
    ["Greyhaven", "strike", "3,412", "6.2%"],
    ["Haldren", "glacier"],
]
