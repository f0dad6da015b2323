"""The shipped NER model: a crfsuite file plus the cluster and gazetteer tables it was trained with.

Tagging does not go through crfsuite's Tagger. The state scores a word contributes (as itself and as each
neighbour) are summed once per distinct word form and kept in tables; an article's sentences are laid end to end
with two zero rows between them, so five gathers and four shifted adds give every token its neighbours' scores,
and habar.ner.crf decodes all sentences in one batch (per-sentence numpy calls were half of NER's time). Unconstrained, the tags are crfsuite's
(tests/ner/test_ner_crf.py); `tag_many` adds two constraints, that no name continues past a locative
(habar.ner.repair.ends_name) and that postpositions like "атынан" are in none (habar.ner.heads.OUTSIDE_NAMES),
and then the repairs of habar.ner.repair.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain
from pathlib import Path

import numpy as np

from habar.ner import clusters as clusters_mod
from habar.ner import gazetteer as gazetteer_mod
from habar.ner.crf import CrfWeights, read_model, viterbi_many
from habar.ner.features import CLOSE_QUOTES, MAX_VERSION, OPEN_QUOTES, Featurizer, case_class
from habar.ner.heads import OUTSIDE_NAMES
from habar.ner.morphfeat import morph_features
from habar.ner.repair import ends_name, repair
from habar.values import VALUE_LABELS

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "ner"
STRAIGHT_QUOTES = {'"', "“", "”", "„", "''", "``"}
# distinct word forms whose score rows are kept: 5 roles x 49 labels x 8 bytes = 2 kB each, so at most ~100 MB
SCORE_CACHE_LIMIT = 50_000
BARRIER = -1e9  # a score no path takes when another exists
ENDS, OUTSIDE = 1, 2  # word flags: ends names (a locative), is in no name (a postposition)
_GAP = (0, 0)  # the zero rows between sentences: row 0 of the word table


class NerModel:
    def __init__(self, model_dir: Path = MODEL_DIR):
        path = model_dir / "model.crfsuite"
        if not path.exists():
            raise FileNotFoundError(f"{path} is missing; build it with `make models` (scripts/train_ner.py)")
        self.weights = read_model(path)
        # inside tags of named entities, which cannot follow a word that ends names (values may: "кем дегенде")
        self._continues = [j for j, y in enumerate(self.weights.labels)
                           if y.startswith("I-") and y[2:] not in (*VALUE_LABELS, "TIME")]
        self._inside = [j for j, y in enumerate(self.weights.labels) if y != "O"]  # for words never in a name
        clusters = clusters_mod.load(model_dir / "clusters.tsv")
        gazetteer = gazetteer_mod.load(model_dir / "gazetteer.tsv")
        settings = json.loads((model_dir / "features.json").read_text(encoding="utf-8"))
        if settings.get("version", 1) > MAX_VERSION:
            raise ValueError(f"{model_dir / 'features.json'}: feature set {settings['version']} is newer than this "
                             f"habar.ner.features computes ({MAX_VERSION}); retrain with `make models`")
        morph = None
        if settings.get("morph"):
            try:
                morph = morph_features(source=settings.get("version", 1) >= 2)
            except ImportError as exc:
                raise ImportError(f"{path} was trained with habar.morph features, but habar.morph does not "
                                  f"import ({exc}); install it or retrain with `make models`") from exc
        self.featurizer = Featurizer(clusters, gazetteer, morph, version=settings.get("version", 1))
        self.context = ContextScorer(self.weights, self.featurizer)
        # forms attested as whole words, so base forms keep "Астана" whole (see habar.ner.baseform)
        self.vocabulary = {w for w in (*clusters, *gazetteer) if not w.startswith("~")}
        # per word form: a row of the tables of its scores in each of the five roles (crf.ROLE_PREFIXES); row 0
        # is zeros, the gap between sentences
        self._slots: dict[str, int] = {}
        self._rows = np.zeros((5, 1024, len(self.weights.labels)))
        self._flags = np.zeros(1024, dtype=np.uint8)  # ENDS | OUTSIDE

    def known(self, lower: str) -> bool:
        return lower in self.vocabulary

    def tag(self, tokens: list[str]) -> list[str]:
        """IOB2 tags for one sentence of token strings."""
        return self.tag_many([tokens])[0]

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 tags for each sentence (an article's at once: one score pass and one batched decoding)."""
        quoted = [normalise_quotes(s) for s in sentences]
        todo = [q for q in quoted if q]
        if not todo:
            return [[] for _ in quoted]
        scores, starts, at = self._layout(todo)
        flags = self._flags[at]
        ends = np.flatnonzero(flags & ENDS)
        if len(ends):  # no name continues past a locative (the row after a sentence's last word is a gap)
            scores[np.ix_(ends + 1, self._continues)] = BARRIER
        outside = np.flatnonzero(flags & OUTSIDE)
        if len(outside):
            scores[np.ix_(outside, self._inside)] = BARRIER
        paths = iter(viterbi_many(scores, starts, [len(q) for q in todo], self.weights.into))
        labels, lemma = self.weights.labels, self.featurizer.lemma
        return [repair(q, [labels[j] for j in next(paths)], lemma) if q else [] for q in quoted]

    def scores(self, tokens: list[str]) -> np.ndarray:
        """(tokens, labels) state scores: the sum of the weights of the crfsuite features of each token."""
        if not tokens:
            return np.zeros((0, len(self.weights.labels)))
        scores, starts, _ = self._layout([tokens])
        return scores[starts[0]:starts[0] + len(tokens)]

    def _layout(self, sentences: list[list[str]]) -> tuple[np.ndarray, list[int], np.ndarray]:
        """State scores of sentences laid end to end with two zero rows before, between and after them, so a
        word's scores as a neighbour never reach another sentence; the row where each sentence starts; and the
        word-table row of every row."""
        words = dict.fromkeys(chain.from_iterable(sentences))
        slots = self._slots
        new = [w for w in words if w not in slots]
        if new:
            if len(slots) + len(new) > SCORE_CACHE_LIMIT:
                slots.clear()  # bounded memory on long streams; frequent words come back first
                new = list(words)
            self._learn(new)
        ids = list(_GAP)
        starts = []
        for s in sentences:
            starts.append(len(ids))
            ids += map(slots.__getitem__, s)
            ids += _GAP
        at = np.array(ids)
        own, left, right, left2, right2 = self._rows  # the word as itself, as its right neighbour's -1, ...
        s = own.take(at, axis=0)
        s[1:] += left.take(at[:-1], axis=0)
        s[:-1] += right.take(at[1:], axis=0)
        s[2:] += left2.take(at[:-2], axis=0)
        s[:-2] += right2.take(at[2:], axis=0)
        s += self.context.scores(sentences, starts, at)
        return s, starts, at

    def _learn(self, words: list[str]) -> None:
        """Sum and keep the five role rows of new word forms (all of an article's at once), and their flags."""
        first = len(self._slots) + 1
        end = first + len(words)
        if end > len(self._flags):  # doubling, up to the cache limit (a longer article gets what it needs)
            grow = max(end, min(2 * len(self._flags), SCORE_CACHE_LIMIT + 1)) - len(self._flags)
            self._rows = np.concatenate([self._rows, np.zeros((5, grow, self._rows.shape[2]))], axis=1)
            self._flags = np.concatenate([self._flags, np.zeros(grow, dtype=np.uint8)])
        own, morph = self.featurizer.own, self.featurizer.morph
        self._rows[:, first:end] = self.weights.word_rows([own(w) for w in words]).transpose(1, 0, 2)
        flags = []
        for w in words:
            analysis = morph(w) if morph is not None else None
            flags.append((ENDS if analysis and ends_name(w, analysis) else 0)
                         | (OUTSIDE if w.lower() in OUTSIDE_NAMES else 0))
        self._flags[first:end] = flags
        self._slots.update(zip(words, range(first, end)))
        self.context.learn(words, first)


FAST_CONTEXT_VERSIONS = (0, 1, 2)  # feature sets whose context features ContextScorer knows (features.json)


class ContextScorer:
    """The summed weights of the features that depend on the sentence (Featurizer.context: bias, first word,
    edges, word bigrams, quotation), for sentences laid out as NerModel._layout lays them.

    Building those strings for every token and looking them up cost a fifth of NER's time, and most bigrams are
    not in the model. For the feature sets of FAST_CONTEXT_VERSIONS the same weights are added from numbers kept
    per word form (its id among the words of the model's bigrams, its "first=" row, whether it opens a quote),
    feature by feature in Featurizer.context's order, so the sums are the same floats
    (tests/ner/test_ner_crf.py checks both ways); any other feature set goes through Featurizer.context.
    """

    def __init__(self, weights: CrfWeights, featurizer: Featurizer):
        self.weights, self.featurizer = weights, featurizer
        index, zero = weights.index, len(weights.state) - 1
        self.fast = featurizer.version in FAST_CONTEXT_VERSIONS and not featurizer.plain and "b" in index
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

    def learn(self, words: list[str], first: int) -> None:
        """Keep the numbers of new word forms, which take word-table rows first, first + 1, ..."""
        end = first + len(words)
        if end > len(self._first):
            grow = max(end, 2 * len(self._first)) - len(self._first)
            self._pair_word = np.concatenate([self._pair_word, np.full(grow, -1, dtype=np.int64)])
            self._first = np.concatenate([self._first, np.full(grow, -1, dtype=np.intp)])
            self._opens = np.concatenate([self._opens, np.zeros(grow, dtype=bool)])
        get = self._words.get
        self._pair_word[first:end] = [get(w.lower(), -1) for w in words]
        self._first[first:end] = -1
        self._opens[first:end] = [w in OPEN_QUOTES for w in words]

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
        # case, BOS or bi-, bi+ or EOS, inq, qfirst, qlast
        out[first] += state[self._bos]
        out[p + 1] += state[self._minus[j]]
        out[p] += state[self._plus[j]]
        out[last] += state[self._eos]
        opening = np.flatnonzero(self._opens[at])
        if len(opening):  # the sentences with a quote in them
            which = np.unique(np.searchsorted(first, opening, side="right") - 1).tolist()
            quoted = self._quotation([sentences[k] for k in which], [starts[k] for k in which])
            for rows, feature in zip(quoted, self._quoted):
                out[rows] += state[feature]
        return np.add(state[self._bias], out, out=out)

    @staticmethod
    def _quotation(sentences: list[list[str]], starts: list[int]) -> tuple[list[int], list[int], list[int]]:
        """Rows inside quotes, rows first inside and rows last inside: Featurizer.context's inq, qfirst, qlast."""
        inq: list[int] = []
        qfirst: list[int] = []
        qlast: list[int] = []
        for tokens, start in zip(sentences, starts):
            quote, n = 0, len(tokens)
            for i, tok in enumerate(tokens):
                if tok in OPEN_QUOTES:
                    quote = 1
                elif tok in CLOSE_QUOTES:
                    quote = 0
                elif quote:
                    inq.append(start + i)
                    if tokens[i - 1] in OPEN_QUOTES:
                        qfirst.append(start + i)
                    if i + 1 < n and tokens[i + 1] in CLOSE_QUOTES:
                        qlast.append(start + i)
        return inq, qfirst, qlast

    def _strings(self, sentences: list[list[str]], starts: list[int], n_rows: int) -> np.ndarray:
        """The general way, for any feature set: Featurizer.context's strings looked up."""
        lists: list[list[str]] = []
        rows: list[int] = []
        for tokens, start in zip(sentences, starts):
            lists += self.featurizer.context(tokens, [t.lower() for t in tokens])
            rows.extend(range(start, start + len(tokens)))
        out = np.zeros((n_rows, self.weights.state.shape[1]))
        out[rows] = self.weights.sums(lists)
        return out


def normalise_quotes(tokens: list[str]) -> list[str]:
    """Straight and curly double quotes become « and » by alternation, as KazNERD writes them."""
    out, open_ = [], False
    for t in tokens:
        if t in STRAIGHT_QUOTES:
            t = "»" if open_ else "«"
            open_ = not open_
        elif t == "«":
            open_ = True
        elif t == "»":
            open_ = False
        out.append(t)
    return out


@lru_cache(maxsize=1)
def default_model() -> NerModel:
    """The shipped model, loaded once per process (it is read-only, so sharing it is safe)."""
    return NerModel()
