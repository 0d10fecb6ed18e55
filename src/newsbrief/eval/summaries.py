"""ROUGE scoring of the extractive summariser on the NeUS AllSides roundups.

ROUGE is implemented here (no extra dependency): tokens are lowercased ``\\w+`` runs, with no
stemming and no stopword removal, so figures are a little below stemmed ROUGE of the same output.
ROUGE-N is clipped n-gram overlap, ROUGE-L the longest common subsequence; both report F1.

``{split}.source`` holds one cluster a line, ``TITLE=> ... ARTICLE=> ...`` per outlet joined by
``[SEP]``; ``{split}.target`` the editors' summary in the same ``TITLE=> ... ARTICLE=> ...`` form.
The reference is the target's ``ARTICLE`` part.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from newsbrief.model import Article

_TOKEN_RE = re.compile(r"\w+")
_PART_RE = re.compile(r"^\s*TITLE=>\s*(?P<title>.*?)\s*ARTICLE=>\s*(?P<body>.*?)\s*$", re.S)


def rouge_tokens(text: str) -> list[str]:
    """Lowercased ``\\w+`` tokens."""
    return _TOKEN_RE.findall(text.lower())


def _f1(overlap: float, pred: int, ref: int) -> float:
    if overlap <= 0 or pred == 0 or ref == 0:
        return 0.0
    precision, recall = overlap / pred, overlap / ref
    return 2 * precision * recall / (precision + recall)


def rouge_n(pred: str, ref: str, n: int) -> float:
    """ROUGE-N F1 (clipped n-gram overlap)."""
    p, r = rouge_tokens(pred), rouge_tokens(ref)
    p_grams = Counter(tuple(p[i : i + n]) for i in range(len(p) - n + 1))
    r_grams = Counter(tuple(r[i : i + n]) for i in range(len(r) - n + 1))
    overlap = sum((p_grams & r_grams).values())
    return _f1(overlap, sum(p_grams.values()), sum(r_grams.values()))


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence (two-row dynamic programme)."""
    if len(a) < len(b):
        a, b = b, a
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b, start=1):
            current.append(previous[j - 1] + 1 if x == y else max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]


def rouge_l(pred: str, ref: str) -> float:
    """ROUGE-L F1 (longest common subsequence over the whole texts)."""
    p, r = rouge_tokens(pred), rouge_tokens(ref)
    return _f1(lcs_length(p, r), len(p), len(r))


def parse_cluster(line: str, *, prefix: str) -> list[Article]:
    """One source line as articles, one per outlet (paragraph: the outlet's text)."""
    articles: list[Article] = []
    for k, part in enumerate(line.split("[SEP]")):
        match = _PART_RE.match(part)
        title, body = (match["title"], match["body"]) if match else (None, part.strip())
        if body:
            articles.append(
                Article(
                    id=f"{prefix}-{k}",
                    source=f"{prefix}#{k}",
                    title=title or None,
                    paragraphs=[body],
                )
            )
    return articles


def reference_text(line: str) -> str:
    """The target's summary body (its ``ARTICLE`` part)."""
    match = _PART_RE.match(line)
    return match["body"] if match else line.strip()


def lead_baseline(article: Article, *, words: int) -> str:
    """Leading sentences of one article up to ``words`` words (at least one sentence)."""
    chosen: list[str] = []
    used = 0
    for _, text in article.sentence_texts():
        n = len(text.split())
        if chosen and used + n > words:
            break
        chosen.append(text.strip())
        used += n
    return " ".join(chosen)


class _WordTokenizer:
    """A sumy tokenizer over our own sentence spans and ``\\w+`` words (no NLTK data needed)."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return (paragraph,)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(rouge_tokens(sentence))


def lexrank_summary(articles: Sequence[Article], *, words: int) -> str:
    """sumy's LexRank over the cluster's sentences, best-rated first inside the same budget
    (at least one sentence), put back in reading order. Needs ``sumy`` (the ``bench`` extra)."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.summarizers.lex_rank import LexRankSummarizer

    tokenizer = _WordTokenizer()
    texts = [t.strip() for a in articles for _, t in a.sentence_texts() if t.strip()]
    if not texts:
        return ""
    sentences = [Sentence(t, tokenizer) for t in texts]
    document = ObjectDocumentModel([Paragraph(sentences)])
    summarizer = LexRankSummarizer()
    # LexRank's own steps (its __call__ returns sentences, not their scores)
    words_of = [summarizer._to_words_set(s) for s in document.sentences]
    tf = summarizer._compute_tf(words_of)
    idf = summarizer._compute_idf(words_of)
    matrix = summarizer._create_matrix(words_of, summarizer.threshold, tf, idf)
    scores = summarizer.power_method(matrix, summarizer.epsilon)
    order = sorted(range(len(texts)), key=lambda k: (-float(scores[k]), k))
    chosen: list[int] = []
    used = 0
    for k in order:
        n = len(texts[k].split())
        if chosen and used + n > words:
            continue
        if not chosen and n > words and any(len(t.split()) <= words for t in texts):
            continue
        chosen.append(k)
        used += n
    return " ".join(texts[k] for k in sorted(chosen))


def brief_summary(articles: Sequence[Article], *, words: int) -> str:
    """The story summary newsbrief gives the cluster as one given story
    (``newsbrief brief --story-per-folder --words N``, on already clean text)."""
    from newsbrief.pipeline import RunOptions, build_stories

    folder = [a.model_copy(update={"folder": "cluster"}) for a in articles]
    stories, _ = build_stories(folder, options=RunOptions(story_per_folder=True, words=words))
    return " ".join(s.text for story in stories for s in story.summary)


def score_neus(
    data_dir: Path,
    *,
    split: str = "val",
    words: int = 60,
    limit: int | None = None,
    lexrank: bool | None = None,
) -> dict[str, float | int]:
    """Mean ROUGE-1/2/L F1 on NeUS ``split`` of newsbrief's story summary (each cluster taken as
    one story, ``--story-per-folder --words N``), of the lead baseline (the first article's
    leading sentences) and, when sumy is installed (or ``lexrank=True``), of sumy's LexRank on
    the same sentences with the same budget."""
    from newsbrief.extract import extract_article
    from newsbrief.nlp import parse_articles

    if lexrank is None:
        try:
            import sumy  # noqa: F401
        except ImportError:
            lexrank = False
        else:
            lexrank = True
    systems = ["", "lead."] + (["lexrank."] if lexrank else [])
    sources = (data_dir / f"{split}.source").read_text(encoding="utf-8").splitlines()
    targets = (data_dir / f"{split}.target").read_text(encoding="utf-8").splitlines()
    pairs = list(zip(sources, targets, strict=True))[:limit]
    keys = [f"{name}{m}" for name in systems for m in ("rouge1", "rouge2", "rougeL")]
    totals: dict[str, float] = dict.fromkeys(keys, 0.0)
    lengths: dict[str, int] = dict.fromkeys(systems, 0)
    for index, (line, target) in enumerate(pairs):
        raw = parse_cluster(line, prefix=f"{split}-{index}")
        articles = [extract_article(p) for p in parse_articles(raw)]
        ref = reference_text(target)
        texts = {
            "": brief_summary(articles, words=words),
            "lead.": lead_baseline(articles[0], words=words) if articles else "",
        }
        if lexrank:
            texts["lexrank."] = lexrank_summary(articles, words=words)
        for name, text in texts.items():
            lengths[name] += len(text.split())
            totals[f"{name}rouge1"] += rouge_n(text, ref, 1)
            totals[f"{name}rouge2"] += rouge_n(text, ref, 2)
            totals[f"{name}rougeL"] += rouge_l(text, ref)
    n = len(pairs)
    scores: dict[str, float | int] = {"n": n}
    for key in keys:
        scores[key] = round(totals[key] / n, 4) if n else 0.0
    for name in systems:
        scores[f"{name}mean_words"] = round(lengths[name] / n, 1) if n else 0.0
    return scores
