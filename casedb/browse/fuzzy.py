"""Fuzzy matching of names and addresses that weighs rare words over common ones.

Each text is split into the words of its key (casedb.normalize); a word's weight is its inverse
document frequency, log(1 + N / df), over the texts of its kind. A query's score against a text
is the weight of the query's words found in the text (a typo forgiven on words of 4 letters or
more) over the weight of all the query's words: "Harbour Metals" against "Harbour Customs
Brokers" shares only the common "harbour", scores below the cut and does not flood the list."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

WORD_CUTOFF = 85  # rapidfuzz ratio for two words to count as one, typos forgiven
MIN_TYPO_LEN = 4


@dataclass(frozen=True)
class TokenIndex:
    texts: tuple[str, ...]  # the texts as written (one per entry)
    owners: tuple[int, ...]  # the id each entry belongs to (a party)
    postings: dict  # word -> set of entry indices
    idf: dict  # word -> weight
    vocabulary: tuple[str, ...]

    @classmethod
    def build(cls, entries, key) -> TokenIndex:
        """``entries``: (owner id, text as written); ``key``: text -> normalised key."""
        texts, owners, postings = [], [], defaultdict(set)
        for owner, text in entries:
            k = key(text) if text else None
            if not k:
                continue
            i = len(texts)
            texts.append(text)
            owners.append(owner)
            for word in set(k.split()):
                postings[word].add(i)
        df = Counter({w: len({owners[i] for i in ix}) for w, ix in postings.items()})
        n = max(len(set(owners)), 1)
        idf = {w: math.log(1 + n / c) for w, c in df.items()}
        return cls(tuple(texts), tuple(owners), dict(postings), idf, tuple(postings))

    def _matches(self, word: str) -> list[tuple[str, float]]:
        """Words of the index that count as ``word``: itself, and near spellings."""
        out = [(word, 1.0)] if word in self.postings else []
        if len(word) >= MIN_TYPO_LEN:
            out += [(w, score / 100) for w, score, _ in process.extract(
                word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF, limit=20)
                if w != word and len(w) >= MIN_TYPO_LEN]
        return out

    def search(self, query_key: str, cutoff: float = 0.75) -> list[tuple[int, float]]:
        """(entry index, score 0..1) of the entries scoring at least ``cutoff``, best first."""
        words = list(dict.fromkeys(query_key.split()))
        if not words:
            return []
        # a word the index never saw weighs as the rarest word would
        rarest = max(self.idf.values(), default=1.0)
        weights = {w: self.idf.get(w, rarest) for w in words}
        total = sum(weights.values())
        got: dict[int, float] = defaultdict(float)
        for word in words:
            best: dict[int, float] = {}
            for match, similarity in self._matches(word):
                for i in self.postings[match]:
                    best[i] = max(best.get(i, 0.0), similarity)
            for i, similarity in best.items():
                got[i] += weights[word] * similarity
        hits = [(i, got[i] / total) for i in got if got[i] / total >= cutoff]
        return sorted(hits, key=lambda h: (-h[1], self.texts[h[0]]))


_CACHE: dict[tuple, TokenIndex] = {}
CACHED = 8


def cached_index(cache_key: tuple, load, key) -> TokenIndex:
    """The index of ``load()``'s entries, built again only when ``cache_key`` (the database,
    the kind, the table's row count and last id) changes."""
    index = _CACHE.get(cache_key)
    if index is None:
        index = TokenIndex.build(load(), key)
        while len(_CACHE) >= CACHED:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[cache_key] = index
    return index
