"""The shipped NER model: a crfsuite file plus the cluster and gazetteer tables it was trained with.

Tagging does not go through crfsuite's Tagger. The state scores a word contributes (as itself and as each
neighbour) are summed once per distinct word form and kept in tables; an article's sentences are laid end to end
with two zero rows between them, so five gathers and four shifted adds give every token its neighbours' scores,
and habar.ner.crf decodes all sentences in one batch (per-sentence numpy calls were half of NER's time); the
weights of the features that depend on the sentence come from habar.ner.context. Unconstrained, the tags are
crfsuite's (tests/ner/test_ner_crf.py); `tag_many` adds two constraints, that no name continues past a locative
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
from habar.ner.context import ContextScorer
from habar.ner.crf import read_model, viterbi_many
from habar.ner.features import MAX_VERSION, Featurizer
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
        self.places = place_stems(gazetteer)  # for demonyms ("бразилиялық"), habar.ner.repair_phrases
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
        label, lemma = self.weights.labels.__getitem__, self.featurizer.lemma
        return [repair(q, list(map(label, next(paths))), lemma, self.places) if q else [] for q in quoted]

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


def place_stems(gazetteer: dict[str, str]) -> frozenset[str]:
    """The lowercase words and stems the gazetteer reads as GPE ("шымкент", "бразилия")."""
    return frozenset(k.lstrip("~") for k, v in gazetteer.items() if k[:1] != "^" and "GPE" in v.split("|"))


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
