"""Sanity tests of the demo corpus and its golden truth (no pipeline needed).

They check that what ``demo_truth`` says was planted really is in the files, so that pipeline
tests scored against the truth measure the pipeline and not a typo in the truth.
"""

from __future__ import annotations

import html
import itertools
import json
import re
from functools import cache

import pytest
from demo_truth import (
    BODY,
    CLAIMANT_ALIASES,
    CRUFT,
    DEMO_DIR,
    DUPLICATES,
    EVENTS,
    FIGURES,
    FILES,
    HTML_FILES,
    JSONL_RECORDS,
    KEY_FACTS,
    NON_CLAIMS,
    OUTLETS,
    PUBLISHED,
    QUOTES,
    REPEATED_HEADLINE,
    STORIES,
    TITLES,
)

OPENING = '"“‘'
CLOSING = '"”'


@cache
def _jsonl_record(key: str) -> dict[str, str]:
    path, rec_id = key.split("#", 1)
    for line in (DEMO_DIR / path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            if record["id"] == rec_id:
                return record
    raise KeyError(key)


@cache
def raw(key: str) -> str:
    """The file's text as stored (for a JSONL record: its ``text`` field)."""
    if "#" in key:
        return _jsonl_record(key)["text"]
    return (DEMO_DIR / key).read_text(encoding="utf-8")


@cache
def visible(key: str) -> str:
    """Text a reader would see: HTML without scripts, styles, head and tags, unescaped."""
    text = raw(key)
    if key.endswith(".html"):
        text = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", "\n", text)
        text = re.sub(r"(?is)<br\s*/?>", "\n", text)
        text = re.sub(
            r"(?is)</?(p|div|li|h\d|figcaption|figure|section|aside|footer|header|"
            r"nav|article|ul|ol|time|span|button|a)\b[^>]*>",
            "\n",
            text,
        )
        text = html.unescape(re.sub(r"(?s)<[^>]+>", "", text))
    return text


def lines(key: str) -> list[str]:
    return [ln.strip() for ln in visible(key).splitlines() if ln.strip()]


def paragraphs(key: str) -> list[str]:
    """Crude body: the visible lines of 8+ words that are not planted cruft."""
    cruft = set(CRUFT.get(key, []))
    return [ln for ln in lines(key) if len(ln.split()) >= 8 and ln not in cruft]


def tokens(key: str) -> set[str]:
    return set(re.findall(r"\w+", " ".join(paragraphs(key)).lower()))


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b)


# ---------------------------------------------------------------- shape of the corpus


def test_every_file_exists() -> None:
    for key in FILES:
        if "#" in key:
            assert _jsonl_record(key)["text"], key
        else:
            assert (DEMO_DIR / key).is_file(), key


def test_truth_covers_exactly_the_corpus() -> None:
    on_disk = {p.relative_to(DEMO_DIR).as_posix() for p in DEMO_DIR.rglob("*") if p.is_file()}
    in_truth = {key.split("#")[0] for key in FILES}
    assert on_disk == in_truth
    for table in (TITLES, OUTLETS, PUBLISHED, CRUFT, BODY):
        assert set(table) == set(FILES)


def test_minimum_size() -> None:
    multi = [s for s in STORIES if len(s) >= 2]
    assert len(multi) >= 3
    assert len(FILES) >= 14
    assert len(set(OUTLETS.values())) >= 4
    assert len(HTML_FILES) >= 4
    assert len(JSONL_RECORDS) >= 1
    assert any(key.endswith(".txt") for key in FILES)
    for story in multi:
        assert len({OUTLETS[f] for f in story}) >= 2, "every story is covered by several outlets"


def test_folders_are_by_outlet_not_by_story() -> None:
    by_folder: dict[str, set[str]] = {}
    for key in FILES:
        by_folder.setdefault(key.split("/")[0], set()).add(OUTLETS[key])
    assert all(len(outlets) == 1 for outlets in by_folder.values())
    assert any(
        len({i for i, s in enumerate(STORIES) for f in s if f.split("/")[0] == folder}) > 1
        for folder in by_folder
    )


def test_file_names_carry_the_publication_date() -> None:
    for key in FILES:
        if "#" not in key:
            assert key.split("/")[1].startswith(PUBLISHED[key]), key


def test_dates_span_about_three_weeks_of_2026() -> None:
    dates = sorted(PUBLISHED.values())
    assert dates[0].startswith("2026-") and dates[-1].startswith("2026-")
    first, last = (int(d[-2:]) for d in (dates[0], dates[-1]))  # all in March
    assert all(d.startswith("2026-03-") for d in dates)
    assert last - first >= 14


def test_stories_partition_the_corpus() -> None:
    seen = list(itertools.chain.from_iterable(STORIES))
    assert sorted(seen) == sorted(FILES)


def test_events_partition_each_story() -> None:
    assert len(EVENTS) == len(STORIES)
    for story, events in zip(STORIES, EVENTS, strict=True):
        files = [f for e in events for f in e["files"]]
        assert sorted(files) == sorted(story)
        for event in events:
            for f in event["files"]:
                assert PUBLISHED[f] >= event["date"], (f, event["label"])
    assert any(len(events) >= 2 for events in EVENTS)


def test_body_length_is_realistic() -> None:
    for key in FILES:
        words = sum(len(p.split()) for p in paragraphs(key))
        assert 230 <= words <= 650, (key, words)


# ---------------------------------------------------------------- metadata


def test_titles_occur_in_their_files() -> None:
    for key, title in TITLES.items():
        assert title in lines(key) or title in raw(key), key


def test_html_head_declares_the_metadata() -> None:
    for key in HTML_FILES:
        text = raw(key)

        def meta(prop: str, text: str = text) -> str:
            m = re.search(rf'<meta (?:property|name)="{prop}" content="([^"]*)"', text)
            assert m, prop
            return html.unescape(m.group(1))

        assert meta("og:title") == TITLES[key]
        assert meta("og:site_name") == OUTLETS[key]
        assert meta("article:published_time").startswith(PUBLISHED[key])
        assert meta("author")
        for tag in ("<nav", "<article", "<footer", "<figure", "<figcaption"):
            assert tag in text, (key, tag)
        assert "cookie" in text.lower() or "consent" in text.lower()


def test_jsonl_records_declare_their_metadata() -> None:
    for key in JSONL_RECORDS:
        record = _jsonl_record(key)
        assert set(record) == {"id", "text", "title", "url", "outlet", "published"}
        assert record["title"] == TITLES[key]
        assert record["outlet"] == OUTLETS[key]
        assert record["published"] == PUBLISHED[key]


def test_headline_is_repeated_where_planted() -> None:
    for key in REPEATED_HEADLINE:
        assert lines(key).count(TITLES[key]) == 2


# ---------------------------------------------------------------- cleaning truth


@pytest.mark.parametrize("key", FILES)
def test_cruft_occurs_as_whole_lines(key: str) -> None:
    assert len(CRUFT[key]) >= 3
    visible_lines = lines(key)
    for line in CRUFT[key]:
        assert line in visible_lines, line


@pytest.mark.parametrize("key", FILES)
def test_body_occurs(key: str) -> None:
    assert len(BODY[key]) >= 3
    for text in BODY[key]:
        assert text in visible(key), text
        assert not any(text in c for c in CRUFT[key])


def test_chrome_of_every_kind_is_planted() -> None:
    all_cruft = " ".join(itertools.chain.from_iterable(CRUFT.values())).lower()
    kinds = ("(photo:", "cookie", "comments", "join the conversation", "skip to", "back to top",
             "video", "sign up", "share", "app", "read next", "also read", "site icon",
             "advertisement", "topics:")  # fmt: skip
    for needle in kinds:
        assert needle in all_cruft, needle


# ---------------------------------------------------------------- quotes


def test_quotes_occur_in_their_files() -> None:
    for q in QUOTES:
        text = visible(q["file"])
        assert q["text_prefix"] in text, q
        assert q["kind"] in ("direct", "indirect", "mixed")
        surname = q["speaker"].split()[-1].lower()
        assert surname in text.lower(), q
        if "mention" in q:
            assert q["mention"] in text, q


def test_direct_quotes_are_between_quote_marks() -> None:
    for q in QUOTES:
        if q["kind"] == "direct":
            text = visible(q["file"])
            at = text.index(q["text_prefix"])
            assert text[at - 1] in OPENING, q


def test_multi_paragraph_quotes_open_each_paragraph_and_close_only_the_last() -> None:
    multi = [q for q in QUOTES if q.get("multi_paragraph")]
    assert len(multi) >= 2
    for q in multi:
        paras = [p for p in re.split(r"\n\s*\n", visible(q["file"])) if p.strip()]
        first = next(i for i, p in enumerate(paras) if q["text_prefix"] in p)
        run = [paras[first]]
        for p in paras[first + 1 :]:
            run.append(p)
            if any(c in p[1:] for c in CLOSING):
                break
        assert len(run) >= 2, q
        assert all(p[0] in OPENING for p in run), q
        assert not any(c in p[1:] for p in run[:-1] for c in CLOSING), q


def test_quote_styles_are_varied() -> None:
    corpus = "".join(raw(k) for k in FILES)
    assert "“" in corpus and "”" in corpus and '"' in corpus
    kinds = {q["kind"] for q in QUOTES}
    assert kinds == {"direct", "indirect", "mixed"}
    mentions = " ".join(q.get("mention", "") for q in QUOTES).lower()
    assert "she" in mentions and "minister" in mentions and "mayor" in mentions
    assert any("According to the ministry" in visible(k) for k in FILES)


# ---------------------------------------------------------------- figures


def test_claims_occur_as_written() -> None:
    for fig in FIGURES:
        story = STORIES[fig["story_index"]]
        for claim in fig["claims"]:
            assert claim["file"] in story, (fig["measure"], claim)
            assert claim["text"] in visible(claim["file"]), (fig["measure"], claim)


def test_planted_statuses_are_consistent() -> None:
    statuses = {fig["status"] for fig in FIGURES}
    assert {"conflict", "update", "agree"} <= statuses
    for fig in FIGURES:
        claims = [c for c in fig["claims"] if not c.get("restated")]
        values = {c["value"] for c in claims}
        if fig["status"] == "conflict":
            pairs = [
                (a, b) for a, b in itertools.combinations(claims, 2)
                if a["as_of"] == b["as_of"] and a["claimant"] != b["claimant"]
                and max(a["value"], b["value"]) > 1.5 * min(a["value"], b["value"])
            ]  # fmt: skip
            assert pairs, fig["measure"]
        elif fig["status"] == "update":
            dated = sorted((c["as_of"], c["value"]) for c in claims if c["as_of"])
            assert len({d for d, _ in dated}) >= 2 and len({v for _, v in dated}) >= 2
        elif fig["status"] == "agree":
            assert max(values) <= 1.05 * min(values), fig["measure"]
            assert len({c["file"] for c in claims}) >= 2
        else:
            assert len(claims) == 1


def test_the_headline_figures_are_planted() -> None:
    by_measure = {fig["measure"]: fig for fig in FIGURES}
    killed = by_measure["soldiers killed"]
    assert {c["value"] for c in killed["claims"]} == {120, 2000}
    toll = sorted(
        (c["as_of"], c["value"]) for c in by_measure["people killed"]["claims"]
        if not c.get("restated")
    )  # fmt: skip
    assert [v for _, v in toll] == sorted(v for _, v in toll)
    assert {v for _, v in toll} == {40, 126, 310}
    homes = {c["text"] for c in by_measure["homes destroyed"]["claims"]}
    assert {"nearly 500 homes", "498 homes"} <= homes


def test_claimant_aliases_name_known_claimants() -> None:
    claimants = {c["claimant"] for fig in FIGURES for c in fig["claims"]}
    assert set(CLAIMANT_ALIASES) <= claimants


def test_non_claims_occur() -> None:
    for key, number in NON_CLAIMS:
        assert number in visible(key), (key, number)
    files = {key for key, _ in NON_CLAIMS}
    assert len(files) >= 10


def test_non_claims_are_not_claims() -> None:
    claimed = {(c["file"], c["text"]) for fig in FIGURES for c in fig["claims"]}
    assert not claimed & set(NON_CLAIMS)


# ---------------------------------------------------------------- duplicates and stories


def test_syndicated_copy_shares_its_body_and_nothing_else_does() -> None:
    for copy, original in DUPLICATES.items():
        assert OUTLETS[copy] != OUTLETS[original]
        assert TITLES[copy] != TITLES[original]
        assert jaccard(tokens(copy), tokens(original)) > 0.7
        # one added paragraph: the copy has exactly one long paragraph the original lacks
        extra = [p for p in paragraphs(copy) if p not in paragraphs(original)]
        assert any(len(p.split()) > 30 for p in extra)
    dup_pairs = {frozenset(p) for p in DUPLICATES.items()}
    for a, b in itertools.combinations(FILES, 2):
        if frozenset((a, b)) not in dup_pairs:
            assert jaccard(tokens(a), tokens(b)) < 0.5, (a, b)


def test_key_facts_occur_in_their_stories() -> None:
    assert len(KEY_FACTS) == len(STORIES)
    for story, facts in zip(STORIES, KEY_FACTS, strict=True):
        for fact in facts:
            assert any(fact in visible(f) for f in story), fact


def test_datelines_and_standfirsts() -> None:
    wire = [k for k in FILES if OUTLETS[k] == "Meridian Wire"]
    for key in wire:
        assert re.search(r"^[A-Z][A-Z ,a-z]+, March \d+ \(Meridian Wire\) - ", visible(key), re.M)
