"""The weights of NER's sentence features (habar.ner.features.Featurizer.context) for an article at once.

Split from habar.ner.model, which lays an article's sentences end to end and adds these rows to the per-word ones.
"""

from __future__ import annotations

import numpy as np

from habar.ner.crf import CrfWeights
from habar.ner.features import (CLOSE_QUOTES, CLOSE_SET, HEAD_REACH, HEAD_STOPS, OPEN_QUOTES, Featurizer,
                                 case_class, inside_quotes)

FAST_CONTEXT_VERSIONS = (0, 1, 2, 3)  # feature sets whose context features ContextScorer knows (features.json)
NO_HEAD, UNKNOWN_HEAD = -2, -1  # ContextScorer._head of a word that heads no name, or whose "nh=" is not a feature


class ContextScorer:
    """The summed weights of the features that depend on the sentence (Featurizer.context: bias, first word,
    edges, word bigrams, quotation, and from feature set 3 a head word further on), for sentences laid out as
    NerModel._layout lays them.

    Building those strings for every token and looking them up cost a fifth of NER's time, and most bigrams are
    not in the model. For the feature sets of FAST_CONTEXT_VERSIONS the same weights are added from numbers kept
    per word form (its id among the words of the model's bigrams, its "first=" row, whether it opens a quote,
    its "nh=" row and whether it stops the search for a head), feature by feature in Featurizer.context's order,
    so the sums are the same floats (tests/ner/test_ner_crf.py checks both ways); any other feature set goes
    through Featurizer.context. The order matters: CrfWeights.sums (numpy's add.reduceat) adds the bias to the
    sum of the other rows, which it adds one by one when they are fewer than 8 and pairwise from 8. A token has
    at most 5 other rows (first word, bigram or edge twice, head, the zero row) unless it is inside quotes, where
    feature set 3 adds up to 6 more; so from feature set 3 the rows of each token inside quotes are listed as
    CrfWeights.sums lists them and summed by the same add.reduceat.
    """

    def __init__(self, weights: CrfWeights, featurizer: Featurizer):
        self.weights, self.featurizer = weights, featurizer
        index, zero = weights.index, len(weights.state) - 1
        self.fast = featurizer.version in FAST_CONTEXT_VERSIONS and not featurizer.plain and "b" in index
        self._zero = zero
        self._row = lambda feature: index.get(feature, zero)  # an unknown feature adds the zero row
        self._bias, self._bos, self._eos = self._row("b"), self._row("BOS"), self._row("EOS")
        self._quoted = self._row("inq"), self._row("qfirst"), self._row("qlast")
        # "bi-=a|b" and "bi+=a|b" by (id of a, id of b); a word with "|" in it splits either way, so every split
        # of an attribute is entered and the pair a sentence has finds the one string it would have built
        words: dict[str, int] = {}
        pairs: dict[tuple[int, int], list[int]] = {}
        for attr, row in index.items():
            if not attr.startswith(("bi-=", "bi+=")):
                continue
            pair, cut = attr[4:], attr.find("|", 4) - 4
            while cut >= 0:
                ids = words.setdefault(pair[:cut], len(words)), words.setdefault(pair[cut + 1:], len(words))
                pairs.setdefault(ids, [zero, zero])[attr[2] == "+"] = row
                cut = pair.find("|", cut + 1)
        self._words, self._n = words, max(len(words), 1)
        keys = sorted(pairs)
        self._keys = np.array([a * self._n + b for a, b in keys] or [-1], dtype=np.int64)
        self._minus = np.array([pairs[k][0] for k in keys] or [zero], dtype=np.intp)
        self._plus = np.array([pairs[k][1] for k in keys] or [zero], dtype=np.intp)
        # per row of NerModel's word table; "first=" rows are looked up when the word first starts a sentence
        self._pair_word = np.full(1024, -1, dtype=np.int64)
        self._first = np.full(1024, -1, dtype=np.intp)
        self._opens = np.zeros(1024, dtype=bool)
        # feature set 3's "nh=" (Featurizer.context): the row of a word's head feature (NO_HEAD, UNKNOWN_HEAD),
        # and whether it stops the search; row 0, the gap between sentences, stops it at the sentence's end
        self.heads = featurizer.version >= 3 and not featurizer.plain
        self._head = np.full(1024, NO_HEAD, dtype=np.intp)
        self._stops = np.zeros(1024, dtype=bool)
        self._stops[0] = True

    def learn(self, words: list[str], first: int) -> None:
        """Keep the numbers of new word forms, which take word-table rows first, first + 1, ..."""
        end = first + len(words)
        if end > len(self._first):
            grow = max(end, 2 * len(self._first)) - len(self._first)
            self._pair_word = np.concatenate([self._pair_word, np.full(grow, -1, dtype=np.int64)])
            self._first = np.concatenate([self._first, np.full(grow, -1, dtype=np.intp)])
            self._opens = np.concatenate([self._opens, np.zeros(grow, dtype=bool)])
            self._head = np.concatenate([self._head, np.full(grow, NO_HEAD, dtype=np.intp)])
            self._stops = np.concatenate([self._stops, np.zeros(grow, dtype=bool)])
        get = self._words.get
        self._pair_word[first:end] = [get(w.lower(), -1) for w in words]
        self._first[first:end] = -1
        self._opens[first:end] = [w in OPEN_QUOTES for w in words]
        if self.heads:
            head_of, index = self.featurizer.head_of, self.weights.index
            heads = [head_of(w) for w in words]
            self._head[first:end] = [index.get("nh=" + h, UNKNOWN_HEAD) if h else NO_HEAD for h in heads]
            self._stops[first:end] = [w in HEAD_STOPS for w in words]

    def scores(self, sentences: list[list[str]], starts: list[int], at: np.ndarray) -> np.ndarray:
        """(rows, labels): the context weights of every row of the layout (gap rows get something; no path
        reads them)."""
        if not self.fast or len(sentences) == 1:  # for one sentence, the strings cost fewer numpy calls
            return self._strings(sentences, starts, len(at))
        state = self.weights.state
        out = np.zeros((len(at), state.shape[1]))  # the features after the bias, which is added last
        first = np.array(starts)
        last = first + np.array([len(s) for s in sentences]) - 1
        if self.featurizer.version >= 1:
            heads = at[first]
            for k in np.flatnonzero(self._first[heads] < 0).tolist():
                self._first[heads[k]] = self._row("first=" + case_class(sentences[k][0]))
            out[first] += state[self._first[heads]]
        ids = self._pair_word[at]
        p = np.flatnonzero((ids[:-1] >= 0) & (ids[1:] >= 0))  # word p and p + 1 may be a bigram of the model
        keys = ids[p] * self._n + ids[p + 1]
        j = np.minimum(np.searchsorted(self._keys, keys), len(self._keys) - 1)
        hit = self._keys[j] == keys
        p, j = p[hit], j[hit]
        # as CrfWeights.sums adds them: numpy's add.reduceat takes the first row (the bias) plus the pairwise sum
        # of the rest, which for fewer than 8 rows is one by one in Featurizer.context's order: the first word's
        # case, BOS or bi-, bi+ or EOS, inq, qfirst, qlast (feature sets 0-2) or nh (3)
        minus, plus = self._minus[j], self._plus[j]
        out[first] += state[self._bos]
        out[p + 1] += state[minus]
        out[p] += state[plus]
        out[last] += state[self._eos]
        found = self._head_rows(at) if self.heads else None
        if found is not None:
            rows = np.flatnonzero(found >= 0)  # an UNKNOWN_HEAD adds nothing, as CrfWeights.sums skips it
            out[rows] += state[found[rows]]
        opening = np.flatnonzero(self._opens[at])
        which = np.unique(np.searchsorted(first, opening, side="right") - 1).tolist()  # sentences with a quote
        if which and found is None:
            quoted = self._quotation([sentences[k] for k in which], [starts[k] for k in which])
            for rows, feature in zip(quoted, self._quoted):
                out[rows] += state[feature]
        np.add(state[self._bias], out, out=out)
        if which and found is not None:  # see the class's docstring
            bigrams = np.full((2, len(at)), self._zero, dtype=np.intp)  # bi- and bi+ rows; zero: none
            bigrams[0, p + 1], bigrams[1, p] = minus, plus
            targets, rows, cuts = self._inside_quotes([sentences[k] for k in which], [starts[k] for k in which],
                                                      bigrams.tolist(), found.tolist())
            if targets:
                out[targets] = np.add.reduceat(state[rows], cuts, axis=0)
        return out

    def _head_rows(self, at: np.ndarray) -> np.ndarray:
        """Per row, the row of feature set 3's "nh=" (or NO_HEAD, UNKNOWN_HEAD): the first word 3 to HEAD_REACH
        words on that heads a name, unless a stop comes first (Featurizer.context); the gap rows after a sentence
        stop the search there."""
        n = len(at)
        stops = np.ones(n + HEAD_REACH, dtype=bool)
        stops[:n] = self._stops[at]
        heads = np.full(n + HEAD_REACH, NO_HEAD, dtype=np.intp)
        heads[:n] = self._head[at]
        blocked = np.zeros(n, dtype=bool)
        found = np.full(n, NO_HEAD, dtype=np.intp)
        for d in range(1, HEAD_REACH + 1):
            blocked |= stops[d:d + n]
            if d > 2:  # nearer heads are the word features +1hd and +2hd, and the search goes past them
                take = ~blocked & (heads[d:d + n] != NO_HEAD)
                found[take] = heads[d:d + n][take]
                blocked |= take
        return found

    def _inside_quotes(self, sentences: list[list[str]], starts: list[int], bigrams: list[list[int]],
                       found: list[int]) -> tuple[list[int], list[int], list[int]]:
        """The tokens inside quotes (feature set 3), as rows of the layout, and the weight rows of each, listed as
        CrfWeights.sums lists Featurizer.context's strings (the known ones, then the zero row), with where each
        token's list starts. A token inside quotes is never a sentence's first, so it has no "first=" or BOS."""
        zero, (minus, plus), index = self._zero, bigrams, self.weights.index
        inq, qfirst, qlast = self._quoted
        targets: list[int] = []
        rows: list[int] = []
        cuts: list[int] = []
        for tokens, start in zip(sentences, starts):
            kinds = self.featurizer.quote_kinds(tokens) if not CLOSE_SET.isdisjoint(tokens) else None
            n = len(tokens)
            for i in inside_quotes(tokens):
                r = start + i
                targets.append(r)
                cuts.append(len(rows))
                feats = [self._bias, minus[r], plus[r] if i + 1 < n else self._eos, inq,
                         qfirst if tokens[i - 1] in OPEN_QUOTES else zero,
                         qlast if i + 1 < n and tokens[i + 1] in CLOSE_QUOTES else zero]
                if kinds is not None and kinds[i]:
                    feats += [index.get(f, zero) for f in kinds[i]]
                if found[r] >= 0:
                    feats.append(found[r])
                rows += [x for x in feats if x != zero]
                rows.append(zero)
        return targets, rows, cuts

    @staticmethod
    def _quotation(sentences: list[list[str]], starts: list[int]) -> tuple[list[int], list[int], list[int]]:
        """Rows inside quotes, rows first inside and rows last inside: Featurizer.context's inq, qfirst, qlast."""
        inq: list[int] = []
        qfirst: list[int] = []
        qlast: list[int] = []
        for tokens, start in zip(sentences, starts):
            n = len(tokens)
            for i in inside_quotes(tokens):
                inq.append(start + i)
                if tokens[i - 1] in OPEN_QUOTES:
                    qfirst.append(start + i)
                if i + 1 < n and tokens[i + 1] in CLOSE_QUOTES:
                    qlast.append(start + i)
        return inq, qfirst, qlast


    def _strings(self, sentences: list[list[str]], starts: list[int], n_rows: int) -> np.ndarray:
        """The general way, for any feature set: Featurizer.context's strings looked up."""
        out = np.zeros((n_rows, self.weights.state.shape[1]))
        out[[r for tokens, start in zip(sentences, starts) for r in range(start, start + len(tokens))]] = \
            self._sums(sentences)
        return out

    def _sums(self, sentences: list[list[str]]) -> np.ndarray:
        """(tokens of the sentences, labels): the context weights from Featurizer.context's strings."""
        lists: list[list[str]] = []
        for tokens in sentences:
            lists += self.featurizer.context(tokens, [t.lower() for t in tokens])
        return self.weights.sums(lists)
