"""Demo corpus quotes (issue 4): every planted quote found, with its planted speaker, and the
quotes carried by several outlets merged into one story quote citing each of them."""

from __future__ import annotations

from collections import defaultdict

import demo_scores as scores
import demo_truth as truth

from newsbrief.model import Result
from newsbrief.reconcile import merge_quotes


def test_every_planted_quote_has_its_speaker(demo_result: Result) -> None:
    arts = scores.by_key(demo_result)
    wrong = []
    for q in truth.QUOTES:
        speakers = scores._find_quote(arts[q["file"]], q["text_prefix"])
        if not any(scores._norm(s or "") == scores._norm(q["speaker"]) for s in speakers):
            wrong.append((q["file"], q["text_prefix"], q["speaker"], speakers))
    assert wrong == []


def test_quotes_carried_by_several_outlets_are_merged(demo_result: Result) -> None:
    files_of: dict[str, set[str]] = defaultdict(set)
    for q in truth.QUOTES:
        files_of[q["text_prefix"]].add(q["file"])
    shared = {prefix: files for prefix, files in files_of.items() if len(files) > 1}
    assert shared, "the demo plants quotes carried by more than one outlet"
    id_of = {scores._key(a): a.id for a in demo_result.articles}
    by_id = {a.id: a for a in demo_result.articles}
    # every merged quote of each story, not only the ``max_quotes`` its brief lists: a quote
    # that a wire story and its copy carry has one independent source and may rank below them
    story_quotes = [
        sq
        for story in demo_result.stories
        for sq in merge_quotes([by_id[i] for i in story.articles if i in by_id])
    ]
    for prefix, files in shared.items():
        want = {id_of[f] for f in files}
        merged = [sq for sq in story_quotes if scores._norm(prefix) in scores._norm(sq.text)]
        assert len(merged) == 1, prefix
        assert want <= set(merged[0].sources), prefix


def test_story_quotes_keep_the_planted_speaker(demo_result: Result) -> None:
    """The brief's merged quotes, not only the articles' own, name the planted speaker: a
    fragment of a quote elsewhere (a quoted subheading) must not take its attribution. (A
    story lists its ``max_quotes`` best quotes, so only the planted quotes listed are checked.)"""
    id_of = {scores._key(a): a.id for a in demo_result.articles}
    checked, wrong = 0, []
    for q in truth.QUOTES:
        story = next(s for s in demo_result.stories if id_of[q["file"]] in s.articles)
        prefix = scores._norm(q["text_prefix"])
        for sq in (sq for sq in story.quotes if prefix in scores._norm(sq.text)):
            checked += 1
            if scores._norm(sq.speaker or "") != scores._norm(q["speaker"]):
                wrong.append((q["text_prefix"], q["speaker"], sq.speaker))
    assert checked >= 10
    assert wrong == []
