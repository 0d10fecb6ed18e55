"""Exact and near-duplicate detection (wire copies with a new headline or an added paragraph).

Steps, each mergeable so they scale out: a body *signature* per article (normalised-text hash,
word shingles, MinHash; ``body_signature``, an article-level step the pipeline runs on its
workers beside extraction), *buckets* from MinHash LSH that propose candidate pairs, then an
exact *verification* on the shingle sets (Jaccard, or containment for "copy + added
paragraph").
Matched articles form groups (chains collapse); each group's original is the earliest published
article (undated last; on the same day the one whose outlet the copies credit, then by id), and
every other member points at it with ``duplicate_of``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from newsbrief.errors import OptionError
from newsbrief.model import Article
from newsbrief.timing import content_key

_WORD = re.compile(r"\w+")
_GRAMS_CACHE = 256  # shingle sets kept for verification (an article meets its candidates in turn)


@dataclass(frozen=True)
class DedupOptions:
    """Thresholds for duplicate detection.

    ``lsh_threshold`` only proposes candidates, so it sits below the verification thresholds
    (a containment of ``containment`` with sizes within ``min_size_ratio`` has a Jaccard of at
    least about ``c*r / (1 + r - c*r)``, 0.30 for the defaults).
    """

    shingle_size: int = 5
    num_perm: int = 128
    seed: int = 1
    lsh_threshold: float = 0.3
    jaccard: float = 0.5
    containment: float = 0.8
    min_size_ratio: float = 0.4
    min_shingles: int = 5

    def __post_init__(self) -> None:
        if self.shingle_size < 1:
            raise OptionError(f"shingle_size must be at least 1, got {self.shingle_size}")
        if self.num_perm < 16:
            raise OptionError(f"num_perm must be at least 16, got {self.num_perm}")
        for name in ("lsh_threshold", "jaccard", "containment", "min_size_ratio"):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise OptionError(f"{name} must be in (0, 1], got {value}")


def body_tokens(article: Article) -> list[str]:
    """Lower-cased word tokens of the body (title excluded), accents and punctuation dropped."""
    text = unicodedata.normalize("NFKD", "\n".join(article.paragraphs)).casefold()
    return _WORD.findall(text)


def body_hash(tokens: Sequence[str]) -> str:
    """Hash of the normalised body: equal for exact copies whatever their spacing or case."""
    return hashlib.sha1(" ".join(tokens).encode("utf-8")).hexdigest()


def shingles(tokens: Sequence[str], size: int) -> frozenset[str]:
    """Word ``size``-grams; a body shorter than ``size`` words is one shingle."""
    if not tokens:
        return frozenset()
    if len(tokens) < size:
        return frozenset([" ".join(tokens)])
    return frozenset(" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


@lru_cache(maxsize=1 << 16)
def _token_hash(token: str) -> int:
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "little")


_MIX = np.uint64(0x9E3779B97F4A7C15)  # an odd 64-bit multiplier (the golden ratio's bits)


def shingle_hashes(tokens: Sequence[str], size: int) -> np.ndarray:
    """Distinct 32-bit hashes of the word ``size``-grams (a body shorter than ``size`` words is
    one gram): each word hashed once (BLAKE2b, the same in every process), and each gram's
    words combined in order by a polynomial over uint64, all grams at once. Hashing every
    gram's string with SHA-1, one call each, was most of dedup's time."""
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    words = np.fromiter((_token_hash(t) for t in tokens), dtype=np.uint64, count=len(tokens))
    n = max(len(words) - size + 1, 1)
    acc = np.zeros(n, dtype=np.uint64)
    for k in range(min(size, len(words))):
        acc = acc * _MIX + words[k : k + n]  # wraps modulo 2**64
    return np.unique(acc >> np.uint64(32))


def minhash(hashes: np.ndarray, *, num_perm: int, seed: int) -> MinHash:
    """MinHash signature of a set of 32-bit gram hashes (``shingle_hashes``)."""
    sig = MinHash(num_perm=num_perm, seed=seed, hashfunc=int)
    sig.update_batch(hashes.tolist())
    return sig


@dataclass(frozen=True)
class BodySignature:
    """What dedup needs of one article's body, computed where the article is: the hash of the
    normalised body and its MinHash values (little-endian uint64, of datasketch's
    permutation ``scheme``), both empty for an empty body, and the ``(shingle_size, num_perm,
    seed)`` they were made with."""

    body: str
    minhash: bytes
    scheme: str
    params: tuple[int, int, int]


def _params(options: DedupOptions) -> tuple[int, int, int]:
    return (options.shingle_size, options.num_perm, options.seed)


def body_signature(article: Article, options: DedupOptions | None = None) -> BodySignature:
    """The article's ``BodySignature`` (an article-level step: it needs no other article)."""
    opts = options or DedupOptions()
    toks = body_tokens(article)
    if not toks:
        return BodySignature("", b"", "", _params(opts))
    hashes = shingle_hashes(toks, opts.shingle_size)
    sig = minhash(hashes, num_perm=opts.num_perm, seed=opts.seed)
    values = sig.hashvalues.astype("<u8").tobytes()
    return BodySignature(body_hash(toks), values, sig.scheme, _params(opts))


def _lean(signature: BodySignature, options: DedupOptions) -> LeanMinHash:
    values = np.frombuffer(signature.minhash, dtype="<u8").astype(np.uint64)
    return LeanMinHash(seed=options.seed, hashvalues=values, scheme=signature.scheme)


def is_near_copy(a: frozenset[str], b: frozenset[str], options: DedupOptions) -> bool:
    """Exact verification: Jaccard above the threshold, or one body (nearly) inside the other."""
    if not a or not b:
        return False
    inter = len(a & b)
    if inter / len(a | b) >= options.jaccard:
        return True
    small, large = sorted((len(a), len(b)))
    return (
        small >= options.min_shingles
        and small / large >= options.min_size_ratio
        and inter / small >= options.containment
    )


def original_key(article: Article) -> tuple[bool, str, str]:
    """Sort key of the original in a group: earliest published, undated last, then id."""
    return (article.published is None, article.published or "", article.id)


def _same_anywhere(article: Article) -> tuple[str, str, str]:
    """What breaks a tie between copies before their ids, which hash the path a file was given
    by: the text, the outlet, the file's name. Broken by id alone, the same 924 PolNeAR files
    staged in two folders had other originals for 5 of their 7 copies, and other stories."""
    name = article.source.replace("\\", "/").rsplit("/", 1)[-1]
    return (content_key(article), article.outlet or "", name)


def _credits(article: Article, group: Sequence[Article], texts: Sequence[str] = ()) -> int:
    """How many copies in a group name this article's outlet (a republished wire story credits
    the wire: "Posted by Meridian Wire"); breaks ties between copies of the same day.
    ``texts``: the group's ``_credit_text``s, when the caller has them."""
    outlet = (article.outlet or "").casefold().strip()
    if not outlet:
        return 0
    return sum(outlet in text for text in (texts or [_credit_text(other) for other in group]))


def _credit_text(article: Article) -> str:
    return "\n".join([article.title or "", *article.paragraphs]).casefold()


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _union(parent: list[int], i: int, j: int) -> None:
    ri, rj = _find(parent, i), _find(parent, j)
    if ri != rj:
        parent[max(ri, rj)] = min(ri, rj)


def duplicate_groups(
    articles: Sequence[Article],
    *,
    options: DedupOptions | None = None,
    signatures: Sequence[BodySignature] | None = None,
) -> list[list[int]]:
    """Indices of articles that copy one another, one list per group of two or more.

    ``signatures``, one per article, are the ones computed beside extraction; without them (or
    when they were made with other options) they are computed here. Memory stays small on
    large corpora: an article's tokens and shingles exist only while its signature is computed
    (each keeps a hash and a lean MinHash), and the shingle sets of the few candidate pairs
    LSH proposes are computed again for their verification.
    """
    opts = options or DedupOptions()
    n = len(articles)
    given = signatures is not None and len(signatures) == n
    given = given and all(sig.params == _params(opts) for sig in signatures or ())
    parent = list(range(n))
    has_body = [False] * n
    by_hash: dict[str, int] = {}
    for i, article in enumerate(articles):
        if given:
            assert signatures is not None
            digest = signatures[i].body
        else:
            toks = body_tokens(article)
            digest = body_hash(toks) if toks else ""
        if not digest:
            continue  # empty bodies are never copies of each other
        has_body[i] = True
        first = by_hash.setdefault(digest, i)
        if first != i:
            _union(parent, first, i)

    @lru_cache(maxsize=_GRAMS_CACHE)
    def grams(i: int) -> frozenset[str]:
        return shingles(body_tokens(articles[i]), opts.shingle_size)

    keys = sorted(by_hash.values())  # one representative per exact-copy group
    if given:
        assert signatures is not None
        leans: Iterator[LeanMinHash] = (_lean(signatures[i], opts) for i in keys)
    else:
        leans = (_lean(body_signature(articles[i], opts), opts) for i in keys)
    sigs: dict[int, LeanMinHash] = {}
    lsh = MinHashLSH(threshold=opts.lsh_threshold, num_perm=opts.num_perm)
    with lsh.insertion_session() as session:  # batched bucket writes
        for i, lean in zip(keys, leans, strict=True):
            sigs[i] = lean
            session.insert(i, lean)
    grams.cache_clear()
    for i, lean in sigs.items():
        for j in sorted(lsh.query(lean)):
            # a pair already joined through others needs no check (and no shingles made again)
            skip = j <= i or _find(parent, i) == _find(parent, j)
            if not skip and is_near_copy(grams(i), grams(j), opts):
                _union(parent, i, j)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        if has_body[i]:
            groups.setdefault(_find(parent, i), []).append(i)
    return [members for members in groups.values() if len(members) > 1]


def mark_duplicates(
    articles: Sequence[Article],
    *,
    options: DedupOptions | None = None,
    signatures: Sequence[BodySignature] | None = None,
) -> list[Article]:
    """The articles in the same order, each copy's ``duplicate_of`` set to its group's original
    (``signatures``: see ``duplicate_groups``).

    Originals and unique articles get ``duplicate_of=None``, so the function is idempotent.
    """
    target: dict[int, str | None] = {}
    for members in duplicate_groups(articles, options=options, signatures=signatures):
        group = [articles[j] for j in members]
        texts = [_credit_text(a) for a in group]  # once per member, not once per pair
        credits = {i: _credits(articles[i], group, texts) for i in members}
        root = min(
            members,
            key=lambda i: (
                *original_key(articles[i])[:2],
                -credits[i],
                *_same_anywhere(articles[i]),
                articles[i].id,
            ),
        )
        for i in members:
            if articles[i].id != articles[root].id:
                target[i] = articles[root].id
    out: list[Article] = []
    for i, article in enumerate(articles):
        wanted = target.get(i)
        if article.duplicate_of != wanted:
            article = article.model_copy(update={"duplicate_of": wanted})
        out.append(article)
    return out
