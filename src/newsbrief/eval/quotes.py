"""Quote extraction scored against PolNeAR attributions (brat ``.ann`` files).

Gold: each ``Content`` span (fragments ``"a b;c d"``) with its ``Source`` span, linked through the
``E`` attribution lines. Several annotators label each document; the first in sorted order is
used. A gold quote is *direct* when its content contains a double quote mark; some outlets'
texts write it as two apostrophes (``''``), which counts too.

A predicted quote is in the direct scope when it is direct or mixed and carries a double mark
by the same test (``marked_double``).

Matching: predicted and gold spans are compared as sets of word-token positions (``\\w+``) in
the original text; overlap is the Jaccard index ``|P∩G| / |P∪G|``. Predictions and gold are
paired greedily from the highest overlap, one to one, above a threshold (0.3 and 0.8).
Speaker accuracy is over direct quotes matched at 0.3 whose gold source is named or nominal
(not a pronoun, not absent), as the issue defines it; ``speaker_accuracy_all`` counts every
matched quote (a pronoun source then wants the same pronoun as mention, an absent one None).
A speaker is right when the predicted speaker or
speaker mention equals the head of the gold Source text (before any comma or parenthesis;
case-, determiner- and possessive-insensitive), their last words (surnames, heads) agree, or the
prediction occurs as whole words in the Source span (gold sources carry appositives such as
"Lena Vask, the interior minister,"); a gold quote without source wants ``None``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsbrief.model import Article, Quote

_WORD = re.compile(r"\w+")
_BLOCK = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*")
_ANN = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t?(.*)$")
_DETS = {"the", "a", "an"}
_PAREN = re.compile(r"\([^)]*\)")
THRESHOLDS = (0.3, 0.8)


@dataclass(frozen=True)
class GoldQuote:
    """One gold attribution: content fragments, its text, and the source text (or None)."""

    fragments: tuple[tuple[int, int], ...]
    text: str
    source: str | None

    @property
    def direct(self) -> bool:
        """Content carries a double quote mark (``"``, curly, or the two-apostrophe ``''``)."""
        return any(m in self.text for m in ('"', "“", "”", "''"))


def parse_ann(text: str) -> list[GoldQuote]:
    """Gold quotes of one ``.ann`` file; lines that do not parse are skipped."""
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...], str]] = {}
    events: list[dict[str, str]] = []
    for line in text.splitlines():
        match = _ANN.match(line)
        if match:
            tid, label, offsets, words = match.groups()
            try:
                frags = tuple(
                    (int(a), int(b)) for a, b in (f.split() for f in offsets.split(";") if f)
                )
            except ValueError:
                continue
            spans[tid] = (label, frags, words)
        elif line.startswith("E") and "\t" in line:
            roles = dict(
                part.split(":", 1) for part in line.split("\t", 1)[1].split() if ":" in part
            )
            events.append(roles)
    gold: list[GoldQuote] = []
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        source = spans.get(roles.get("Source", ""))
        gold.append(GoldQuote(content[1], content[2], source[2] if source else None))
    return gold


def article_from_text(doc_id: str, text: str) -> tuple[Article, list[int]]:
    """An Article (first block = title) and each block's offset in the text (title first)."""
    blocks = [(m.start(), m.group()) for m in _BLOCK.finditer(text) if m.group().strip()]
    if not blocks:
        return Article(id=doc_id, source=doc_id), []
    title = blocks[0][1]
    article = Article(id=doc_id, source=doc_id, title=title, paragraphs=[b for _, b in blocks[1:]])
    return article, [start for start, _ in blocks]


def _positions(text: str, fragments: Sequence[tuple[int, int]]) -> frozenset[int]:
    found: set[int] = set()
    for start, end in fragments:
        found.update(m.start() + start for m in _WORD.finditer(text[start:end]))
    return frozenset(found)


def predicted_fragments(quote: Quote, offsets: Sequence[int]) -> list[tuple[int, int]]:
    """Absolute character ranges of a predicted quote's pieces."""
    return [
        (offsets[span.paragraph + 1] + span.start, offsets[span.paragraph + 1] + span.end)
        for span in quote.spans
    ]


_DOUBLE_MARKS = ('"', "“", "”", "''")


def marked_double(quote: Quote, offsets: Sequence[int], text: str) -> bool:
    """A predicted quote in the *direct* scope: direct or mixed, with a double quote mark in
    its words or just around them; the same test as ``GoldQuote.direct``, so a partial quote in
    single marks (a headline's 'crazy system') is compared in the *all* scope only, like gold."""
    if quote.kind not in {"direct", "mixed"}:
        return False
    for start, end in predicted_fragments(quote, offsets):
        around = text[max(0, start - 2) : end + 2]
        if any(m in around for m in _DOUBLE_MARKS):
            return True
    return False


def _norm(name: str | None) -> str:
    words = (name or "").lower().replace("’", "'").replace("'s", "").split()
    return " ".join(w for w in words if w not in _DETS).strip(" ,.")


_PRONOUNS = frozenset(
    {"i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her"}
    | {"hers", "it", "its", "they", "them", "their", "who", "whom", "whose", "which", "that"}
    | {"this", "these", "those"}
)


_VERB_ONLY = frozenset(
    {"said", "says", "say", "told", "tells", "added", "asked", "wrote", "according", "according to"}
)


def named_or_nominal(source: str | None) -> bool:
    """A gold source that names someone or describes them ('Vask', 'the ministry'), not a
    pronoun ('he', 'who') and not absent: the sources speaker accuracy is measured on. A
    source that is only a speech verb ('said': the annotator marked the cue's span as the
    source) names no one either."""
    head = _norm(_PAREN.sub(" ", source or "")).split(",")[0].strip()
    return bool(head) and head not in _PRONOUNS and head not in _VERB_ONLY


def speaker_correct(quote: Quote, gold: GoldQuote) -> bool:
    """Predicted speaker (or mention) equals the gold source, or their last words agree."""
    if gold.source is None:
        return quote.speaker is None
    full = _norm(_PAREN.sub(" ", gold.source))
    head = _norm(full.split(",")[0])
    for guess in (_norm(quote.speaker), _norm(quote.speaker_mention)):
        if not guess or not head:
            continue
        if guess == head or guess.split()[-1] == head.split()[-1]:
            return True
        if re.search(rf"\b{re.escape(guess)}\b", full):
            return True
    return False


def _match(
    preds: Sequence[frozenset[int]], golds: Sequence[frozenset[int]], threshold: float
) -> list[tuple[int, int]]:
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            inter = len(p & g)
            if inter:
                score = inter / len(p | g)
                if score >= threshold:
                    pairs.append((score, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def _documents(data_dir: Path, split: str) -> Iterator[tuple[str, Path, Path]]:
    by_doc: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted((data_dir / split / "attributions").glob("*.ann")):
        doc, _, _annotator = ann.stem.rpartition("_")
        by_doc[doc].append(ann)
    for doc in sorted(by_doc):
        text = data_dir / split / "text" / f"{doc}.txt"
        if text.is_file():
            yield doc, text, sorted(by_doc[doc])[0]


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_polnear(data_dir: Path, *, split: str = "dev", limit: int | None = None) -> dict:
    """P/R/F1 of direct (and all) quotes at overlaps 0.3/0.8, and speaker accuracy."""
    from newsbrief.extract.entities import extract_entities
    from newsbrief.extract.quotes import extract_quotes
    from newsbrief.nlp import parse_articles

    docs = list(_documents(Path(data_dir), split))[:limit]
    loaded = []
    for doc_id, text_path, ann_path in docs:
        text = text_path.read_text(encoding="utf-8")
        article, offsets = article_from_text(doc_id, text)
        loaded.append((article, offsets, text, parse_ann(ann_path.read_text(encoding="utf-8"))))
    counts: dict[str, int] = defaultdict(int)
    parsed_iter = parse_articles(a for a, _, _, _ in loaded)
    for (_, offsets, text, gold), parsed in zip(loaded, parsed_iter, strict=True):
        quotes = extract_quotes(parsed, entities=extract_entities(parsed))
        for scope in ("direct", "all"):
            preds = [q for q in quotes if scope == "all" or marked_double(q, offsets, text)]
            golds = [g for g in gold if scope == "all" or g.direct]
            pset = [_positions(text, predicted_fragments(q, offsets)) for q in preds]
            gset = [_positions(text, g.fragments) for g in golds]
            counts[f"{scope}_pred"] += len(preds)
            counts[f"{scope}_gold"] += len(golds)
            for threshold in THRESHOLDS:
                pairs = _match(pset, gset, threshold)
                counts[f"{scope}_tp@{threshold}"] += len(pairs)
                if scope == "direct" and threshold == THRESHOLDS[0]:
                    counts["speaker_total"] += len(pairs)
                    counts["speaker_ok"] += sum(
                        speaker_correct(preds[i], golds[j]) for i, j in pairs
                    )
                    nominal = [(i, j) for i, j in pairs if named_or_nominal(golds[j].source)]
                    counts["named_total"] += len(nominal)
                    counts["named_ok"] += sum(
                        speaker_correct(preds[i], golds[j]) for i, j in nominal
                    )
    result: dict[str, float | int] = {"documents": len(loaded)}
    for scope in ("direct", "all"):
        for threshold in THRESHOLDS:
            p, r, f = _prf(
                counts[f"{scope}_tp@{threshold}"], counts[f"{scope}_pred"], counts[f"{scope}_gold"]
            )
            result[f"{scope}_p@{threshold}"] = round(p, 4)
            result[f"{scope}_r@{threshold}"] = round(r, 4)
            result[f"{scope}_f1@{threshold}"] = round(f, 4)
        result[f"{scope}_gold"] = counts[f"{scope}_gold"]
        result[f"{scope}_pred"] = counts[f"{scope}_pred"]
    total = counts["speaker_total"]
    result["speaker_accuracy_all"] = round(counts["speaker_ok"] / total, 4) if total else 0.0
    named = counts["named_total"]
    result["speaker_accuracy"] = round(counts["named_ok"] / named, 4) if named else 0.0
    result["speaker_named"] = named
    return result
