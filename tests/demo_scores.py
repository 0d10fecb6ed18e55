"""Scores of a brief of the demo corpus against ``demo_truth`` (used by the golden tests).

Each function returns a number in [0, 1] (or a count) so the tests can pin floors and a human
can print the whole table: ``python tests/demo_scores.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import demo_truth as truth

from newsbrief.eval.clusters import bcubed
from newsbrief.model import Article, Result


def _key(article: Article) -> str:
    """The truth key of an article: its path relative to the demo folder (``FILE#ID``)."""
    path, _, record = article.source.partition("#")
    rel = Path(path).resolve().relative_to(truth.DEMO_DIR.resolve()).as_posix()
    return f"{rel}#{record}" if record else rel


def by_key(result: Result) -> dict[str, Article]:
    """Articles keyed like the truth."""
    return {_key(a): a for a in result.articles}


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def body(article: Article) -> str:
    """The cleaned body as one normalised string."""
    return _norm(" ".join(article.paragraphs))


def story_bcubed(result: Result) -> float:
    """B-cubed F1 of the story partition."""
    keys = {a.id: k for k, a in by_key(result).items()}
    pred = {keys[aid]: s.id for s in result.stories for aid in s.articles}
    gold = {f: str(i) for i, files in enumerate(truth.STORIES) for f in files}
    return bcubed(pred, gold)[2]


def event_bcubed(result: Result) -> float:
    """B-cubed F1 of the event partition."""
    keys = {a.id: k for k, a in by_key(result).items()}
    pred = {keys[aid]: e.id for s in result.stories for e in s.events for aid in e.articles}
    gold = {f: ev["label"] for events in truth.EVENTS for ev in events for f in ev["files"]}
    return bcubed(pred, gold)[2]


def duplicates_found(result: Result) -> tuple[int, int]:
    """(planted copies marked with the right original, articles marked as copies in all)."""
    arts = by_key(result)
    right = sum(
        1
        for copy, original in truth.DUPLICATES.items()
        if arts[copy].duplicate_of == arts[original].id
    )
    return right, sum(1 for a in arts.values() if a.duplicate_of)


def _rate(hits: Iterable[bool]) -> float:
    values = list(hits)
    return sum(values) / len(values) if values else 1.0


def title_accuracy(result: Result) -> float:
    arts = by_key(result)
    return _rate(_norm(arts[f].title or "") == _norm(t) for f, t in truth.TITLES.items())


def outlet_accuracy(result: Result) -> float:
    arts = by_key(result)
    return _rate(_norm(arts[f].outlet or "") == _norm(o) for f, o in truth.OUTLETS.items())


def published_accuracy(result: Result) -> float:
    arts = by_key(result)
    return _rate(arts[f].published == d for f, d in truth.PUBLISHED.items())


def cruft_removed(result: Result) -> float:
    """Share of planted cruft lines that are gone from the cleaned bodies."""
    arts = by_key(result)
    return _rate(
        _norm(line) not in body(arts[f]) for f, lines in truth.CRUFT.items() for line in lines
    )


def body_kept(result: Result) -> float:
    """Share of planted body passages that survive cleaning."""
    arts = by_key(result)
    return _rate(_norm(s) in body(arts[f]) for f, lines in truth.BODY.items() for s in lines)


def _find_quote(article: Article, prefix: str) -> list[str | None]:
    want = _norm(prefix)
    return [q.speaker for q in article.quotes if want in _norm(q.text)]


def direct_quote_recall(result: Result) -> float:
    arts = by_key(result)
    direct = [q for q in truth.QUOTES if q["kind"] == "direct"]
    return _rate(bool(_find_quote(arts[q["file"]], q["text_prefix"])) for q in direct)


def speaker_accuracy(result: Result) -> float:
    """Of the planted quotes found, the share whose speaker is the planted one."""
    arts = by_key(result)
    hits = []
    for q in truth.QUOTES:
        speakers = _find_quote(arts[q["file"]], q["text_prefix"])
        if speakers:
            hits.append(any(_norm(s or "") == _norm(q["speaker"]) for s in speakers))
    return _rate(hits)


def figure_status_found(result: Result, status: str) -> float:
    """Share of planted figure groups of ``status`` shown with that status and their values."""
    arts = by_key(result)
    hits = []
    for fig in truth.FIGURES:
        if fig["status"] != status:
            continue
        ids = {arts[c["file"]].id for c in fig["claims"]}
        values = {float(c["value"]) for c in fig["claims"]}
        story = next(s for s in result.stories if ids & set(s.articles))
        hits.append(
            any(g.status == status and values <= {c.value for c in g.claims} for g in story.figures)
        )
    return _rate(hits)


def _name_words(name: str) -> set[str]:
    """Folded words of a claimant: no articles, possessives or "own"; "Varnian" ~ "Varnia"."""
    words = set()
    for word in re.findall(r"[a-z]+", _norm(name).replace("'s", "")):
        if word in ("the", "own", "s"):
            continue
        words.add(word[:-1] if word.endswith("ian") or word.endswith("ian") else word)
    return {w[:-1] if w.endswith("n") and len(w) > 6 else w for w in words}


def claimant_matches(found: str | None, planted: str | None, outlet: str | None) -> bool:
    """Whether a claimant names the planted one (or an alias); ``None`` planted means the
    text names nobody, so the outlet (or no claimant) is right."""
    if planted is None:
        return found is None or _norm(found) == _norm(outlet or "")
    if found is None:
        return False
    for name in {planted, *truth.CLAIMANT_ALIASES.get(planted, set())}:
        want, have = _name_words(name), _name_words(found)
        if have and (have <= want or want <= have):
            return True
    return False


def as_of_matches(found: str | None, planted: str | None, published: str | None) -> bool:
    """``None`` planted means no date is given: publication (or none) is right."""
    if planted is None:
        return found is None or found == published
    return found == planted


def _figure_claims(result: Result, planted: truth.ClaimTruth) -> list[tuple[Article, object]]:
    arts = by_key(result)
    article = arts[planted["file"]]
    story = next(s for s in result.stories if article.id in s.articles)
    return [
        (article, c)
        for g in story.figures
        for c in g.claims
        if article.id in c.sources and c.value == float(planted["value"])
    ]


def figure_claims_found(result: Result, *, claimant: bool = True, as_of: bool = True) -> float:
    """Share of planted figure claims shown in their story's figures from their article, with
    the planted claimant and as-of date (each check optional)."""
    hits = []
    for fig in truth.FIGURES:
        for planted in fig["claims"]:
            hits.append(
                any(
                    (
                        not claimant or claimant_matches(c.claimant, planted["claimant"], a.outlet)  # type: ignore[attr-defined]
                    )
                    and (not as_of or as_of_matches(c.as_of, planted["as_of"], a.published))  # type: ignore[attr-defined]
                    for a, c in _figure_claims(result, planted)
                )
            )
    return _rate(hits)


def figure_misses(result: Result) -> list[str]:
    """The planted claims ``figure_claims_found`` misses, with what was shown instead."""
    out = []
    for fig in truth.FIGURES:
        for planted in fig["claims"]:
            found = _figure_claims(result, planted)
            ok = any(
                claimant_matches(c.claimant, planted["claimant"], a.outlet)  # type: ignore[attr-defined]
                and as_of_matches(c.as_of, planted["as_of"], a.published)  # type: ignore[attr-defined]
                for a, c in found
            )
            if not ok:
                shown = [(c.claimant, c.as_of) for _, c in found]  # type: ignore[attr-defined]
                out.append(f"{fig['measure']}: {planted['value']} {planted['file']} {shown}")
    return out


def figure_groups_separate(result: Result) -> float:
    """Share of shown figure groups that hold claims of one planted group only (so that
    "31 Kaldorian soldiers" never joins the Varnian soldiers)."""
    arts = by_key(result)
    owner: dict[tuple[str, float], set[int]] = {}
    for index, fig in enumerate(truth.FIGURES):
        for c in fig["claims"]:
            owner.setdefault((arts[c["file"]].id, float(c["value"])), set()).add(index)
    hits = []
    for story in result.stories:
        for group in story.figures:
            planted = [
                owner[(source, c.value)]
                for c in group.claims
                for source in c.sources
                if (source, c.value) in owner
            ]
            if planted:
                hits.append(len(set.intersection(*planted)) >= 1)
    return _rate(hits)


def non_claims_respected(result: Result) -> float:
    """Share of planted non-claim numbers that did not become claims."""
    arts = by_key(result)
    hits = []
    for f, text in truth.NON_CLAIMS:
        digits = re.sub(r"[^0-9.]", "", text)
        hits.append(
            not any(
                c.text
                and (_norm(c.text) in _norm(text) or _norm(text) in _norm(c.text))
                and (not digits or digits in re.sub(r"[^0-9.]", "", c.text))
                for c in arts[f].claims
            )
        )
    return _rate(hits)


def key_facts_in_summary(result: Result) -> float:
    """Share of each story's key facts that its summary states."""
    arts = by_key(result)
    hits = []
    for index, facts in enumerate(truth.KEY_FACTS):
        ids = {arts[f].id for f in truth.STORIES[index]}
        story = next(s for s in result.stories if ids & set(s.articles))
        summary = _norm(" ".join(s.text for s in story.summary))
        hits.extend(_norm(fact) in summary for fact in facts)
    return _rate(hits)


SCORES = {
    "story_bcubed": story_bcubed,
    "event_bcubed": event_bcubed,
    "title_accuracy": title_accuracy,
    "outlet_accuracy": outlet_accuracy,
    "published_accuracy": published_accuracy,
    "cruft_removed": cruft_removed,
    "body_kept": body_kept,
    "direct_quote_recall": direct_quote_recall,
    "speaker_accuracy": speaker_accuracy,
    "conflicts_found": lambda r: figure_status_found(r, "conflict"),
    "updates_found": lambda r: figure_status_found(r, "update"),
    "agreements_found": lambda r: figure_status_found(r, "agree"),
    "non_claims_respected": non_claims_respected,
    "figure_claims_found": figure_claims_found,
    "figure_values_found": lambda r: figure_claims_found(r, claimant=False, as_of=False),
    "figure_claimants_right": lambda r: figure_claims_found(r, as_of=False),
    "figure_dates_right": lambda r: figure_claims_found(r, claimant=False),
    "figure_groups_separate": figure_groups_separate,
    "key_facts_in_summary": key_facts_in_summary,
}


if __name__ == "__main__":
    from newsbrief.pipeline import brief

    res = brief([truth.DEMO_DIR])
    for name, fn in SCORES.items():
        print(f"{name:24} {fn(res):.3f}")
    print("duplicates (right, marked)", duplicates_found(res))
    for miss in figure_misses(res):
        print("figure miss:", miss)
