"""The shipped NER model: a crfsuite file plus the cluster and gazetteer tables it was trained with.

Tagging does not go through crfsuite's Tagger: the state scores a word contributes (as itself and as each
neighbour) are summed once per distinct word form and cached, and habar.ner.crf decodes. Unconstrained, the tags
are crfsuite's (tests/ner/test_ner_crf.py); `tag` adds two constraints, that no name continues past a locative
(habar.ner.repair.ends_name) and that postpositions like "атынан" are in none (habar.ner.heads.OUTSIDE_NAMES),
and then the repairs of habar.ner.repair.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Callable

import numpy as np

from habar.ner import clusters as clusters_mod
from habar.ner import gazetteer as gazetteer_mod
from habar.ner.corpus import spans
from habar.ner.crf import read_model, viterbi
from habar.ner.features import MAX_VERSION, Featurizer
from habar.ner.heads import OUTSIDE_NAMES
from habar.ner.morphfeat import morph_features
from habar.ner.repair import ends_name, quoted_organisations, split_coordination, take_head
from habar.values import VALUE_LABELS

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "ner"
STRAIGHT_QUOTES = {'"', "“", "”", "„", "''", "``"}
# distinct word forms whose score rows are kept: 5 roles x 50 labels x 8 bytes = 2 kB each, so at most ~100 MB
SCORE_CACHE_LIMIT = 50_000
BARRIER = -1e9  # a score no path takes when another exists


class NerModel:
    def __init__(self, model_dir: Path = MODEL_DIR):
        path = model_dir / "model.crfsuite"
        if not path.exists():
            raise FileNotFoundError(f"{path} is missing; build it with `make models` (scripts/train_ner.py)")
        self.weights = read_model(path)
        self._scores: dict[str, tuple[np.ndarray, str, bool]] = {}  # word -> role rows, lowercase, ends_name
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
        # forms attested as whole words, so base forms keep "Астана" whole (see habar.ner.baseform)
        self.vocabulary = {w for w in (*clusters, *gazetteer) if not w.startswith("~")}

    def known(self, lower: str) -> bool:
        return lower in self.vocabulary

    def tag(self, tokens: list[str]) -> list[str]:
        """IOB2 tags for one sentence of token strings."""
        if not tokens:
            return []
        quoted = normalise_quotes(tokens)
        scores = self.scores(quoted)
        for i, tok in enumerate(quoted):
            _, lower, ends = self._scores[tok]
            if ends and i + 1 < len(quoted):
                scores[i + 1, self._continues] = BARRIER  # no name continues past a locative
            if lower in OUTSIDE_NAMES:
                scores[i, self._inside] = BARRIER
        labels = self.weights.labels
        tags = [labels[j] for j in viterbi(scores, self.weights.into)]
        return repair(quoted, tags, self.featurizer.lemma)

    def scores(self, tokens: list[str]) -> np.ndarray:
        """(tokens, labels) state scores: the sum of the weights of the crfsuite features of each token."""
        cache = self._scores
        new = [t for t in dict.fromkeys(tokens) if t not in cache]
        if new:
            self._learn(new)
        words = [cache[t] for t in tokens]
        rows = np.stack([w[0] for w in words])  # (tokens, 5 roles, labels)
        s = rows[:, 0].copy()
        s[1:] += rows[:-1, 1]   # the left neighbour's -1 features
        s[:-1] += rows[1:, 2]   # the right neighbour's +1 features
        s[2:] += rows[:-2, 3]
        s[:-2] += rows[2:, 4]
        s += self.weights.sums(self.featurizer.context(tokens, [w[1] for w in words]))
        return s

    def _learn(self, words: list[str]) -> None:
        """Sum and cache the five role rows of new word forms (all of a sentence's at once), their lowercase
        forms and whether each ends names (habar.ner.repair.ends_name)."""
        if len(self._scores) + len(words) > SCORE_CACHE_LIMIT:
            self._scores.clear()  # bounded memory on long streams; frequent words come back first
        own, morph = self.featurizer.own, self.featurizer.morph
        for w, rows in zip(words, self.weights.word_rows([own(w) for w in words])):
            analysis = morph(w) if morph is not None else None
            self._scores[w] = rows, w.lower(), bool(analysis) and ends_name(w, analysis)


# KazNERD never starts or ends an entity with these; the CRF sometimes pulls in "– АТЫО" after "бұдан әрі".
EDGE_PUNCT = {"–", "—", "-", ",", ".", ":", ";", "(", ")"}


def repair(tokens: list[str], tags: list[str], lemma: Callable[[str], str]) -> list[str]:
    """The sentence-level repairs after decoding (in place): edges and brackets, then habar.ner.repair's; quotes
    are «» here (normalise_quotes)."""
    tags = split_coordination(tokens, trim_spans(tokens, tags), lemma)
    return quoted_organisations(tokens, take_head(tokens, tags, lemma), lemma)


def trim_spans(tokens: list[str], tags: list[str]) -> list[str]:
    """Drop dashes, commas and brackets from the edges (never the inside) of predicted entities, and split an
    entity at a bracket it does not close or open: "NIA ) Ақпараттық ..." is two pieces."""
    _split_at_brackets(tokens, tags)
    for start, end, label in spans(tags):
        while start < end and tokens[start] in EDGE_PUNCT:
            tags[start] = "O"
            start += 1
        while end > start and tokens[end - 1] in EDGE_PUNCT and not (
                tokens[end - 1] == ")" and "(" in tokens[start:end - 1]):  # "АТЫО ( NIA )" keeps its bracket
            end -= 1
            tags[end] = "O"
        if start < end:
            tags[start] = f"B-{label}"
    return tags


def _split_at_brackets(tokens: list[str], tags: list[str]) -> None:
    if "(" not in tokens and ")" not in tokens:
        return
    for start, end, label in spans(tags):
        opened, stray = [], []
        for k in range(start, end):
            if tokens[k] == "(":
                opened.append(k)
            elif tokens[k] == ")" and opened:
                opened.pop()
            elif tokens[k] == ")":
                stray.append(k)
        for k in sorted(stray + opened):
            tags[k] = "O"
            if k + 1 < end and tags[k + 1] != "O":
                tags[k + 1] = f"B-{label}"


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
