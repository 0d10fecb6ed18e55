"""Where the parse spends its time, component by component, on cleaned PolNeAR paragraphs.

    python bench/parse_profile.py [--data DIR] [--limit 300] [--repeat 2]

Cleans the first N PolNeAR texts, then runs the paragraphs (and titles) through each pipeline
component in turn, ``pipe(docs, batch_size=256)`` as ``nlp.parse_articles`` does, and prints the
CPU seconds of each: for the model as shipped and for newsbrief's ``load_pipeline`` (compiled
attribute ruler). The last run of each is kept (the first warms caches such as the lemmatizer's).

It also prints how much of the text a dependency parse could be skipped for: the share of
paragraphs and words with no double quote mark, no speech-cue word and no digit or number word
(the extractors read the parse of every other paragraph).
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from throughput import data_root, polnear_files  # noqa: E402

_QUOTES = re.compile("[\"“”„«»]|''")
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|thousand|million|billion|dozens?|half|percent)\b",
    re.IGNORECASE,
)


def paragraphs(files: list[Path]) -> list[str]:
    """Titles and cleaned paragraphs of the files, in parse order."""
    from newsbrief.clean import clean_document
    from newsbrief.model import RawDocument

    texts: list[str] = []
    for path in files:
        article = clean_document(RawDocument(source=str(path), content=path.read_text("utf-8")))
        texts += [article.title or "", *article.paragraphs]
    return texts


def component_seconds(nlp: Any, texts: list[str], repeat: int) -> dict[str, float]:
    """CPU seconds of the tokenizer and of each component over ``texts`` (last of ``repeat``),
    with one BLAS thread as ``nlp.parse_articles`` runs them."""
    from newsbrief.nlp import _blas

    with _blas().limit(limits=1, user_api="blas"):
        return _component_seconds(nlp, texts, repeat)


def _component_seconds(nlp: Any, texts: list[str], repeat: int) -> dict[str, float]:
    times: dict[str, float] = {}
    for _ in range(repeat):
        start = time.process_time()
        docs = [nlp.make_doc(t) for t in texts]
        times["tokenizer"] = time.process_time() - start
        for name, proc in nlp.pipeline:
            start = time.process_time()
            docs = list(proc.pipe(docs, batch_size=256))
            times[name] = time.process_time() - start
    return times


_IRREGULAR = "said told wrote written spoke spoken shot went thought felt read put hit cried"


def _cue_forms() -> frozenset[str]:
    """The speech and characterising verbs of ``extract.quotes`` in their usual inflections."""
    from newsbrief.extract.quotes import CHARACTERISING_VERBS, SPEECH_VERBS

    forms = set(_IRREGULAR.split()) | {"according"}
    for verb in SPEECH_VERBS | CHARACTERISING_VERBS:
        stem = verb[:-1] if verb.endswith("e") else verb
        forms |= {verb, verb + "s", verb + "es", stem + "ed", stem + "ing", verb + "d"}
        if verb.endswith("y"):
            forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
        forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}  # 'stopped', 'hitting'
    return frozenset(forms)


def needs_parse(texts: list[str]) -> tuple[float, float]:
    """Shares of paragraphs and of words with a quote mark, a speech cue or a number."""
    cues = _cue_forms()
    hit_paragraphs = hit_words = all_words = 0
    for text in texts:
        words = len(text.split())
        all_words += words
        has_cue = not cues.isdisjoint(re.findall(r"[a-z]+", text.lower()))
        if has_cue or _QUOTES.search(text) or _NUMBER.search(text):
            hit_paragraphs += 1
            hit_words += words
    return hit_paragraphs / max(len(texts), 1), hit_words / max(all_words, 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="data root holding polnear/ (default ../shared/data)")
    parser.add_argument("--limit", type=int, default=300, help="first N texts (default 300)")
    parser.add_argument("--repeat", type=int, default=2, help="runs per pipeline (default 2)")
    args = parser.parse_args(argv)
    files = polnear_files(data_root(args.data))[: args.limit]
    if not files:
        print(f"skipped: no PolNeAR texts under {data_root(args.data) / 'polnear'}")
        return 0
    from newsbrief.nlp import MODEL_NAMES, load_pipeline

    texts = paragraphs(files)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(files)} texts, {len(texts)} titles and paragraphs, {words} words")
    stock = None
    for name in MODEL_NAMES:
        try:
            stock = importlib.import_module(name).load()
            break
        except ImportError:
            continue
    for label, nlp in (("model as shipped", stock), ("newsbrief", load_pipeline())):
        if nlp is None:
            continue
        times = component_seconds(nlp, texts, args.repeat)
        total = sum(times.values())
        parts = ", ".join(f"{k} {v:.2f}" for k, v in times.items())
        print(f"{label}: {total:.2f} CPU s ({parts})")
    paragraph_share, word_share = needs_parse(texts)
    print(
        f"with a quote mark, speech cue or number: {paragraph_share:.1%} of paragraphs, "
        f"{word_share:.1%} of words"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
