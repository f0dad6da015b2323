"""The shipped NER model: a crfsuite file plus the cluster and gazetteer tables it was trained with."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from habar.ner import clusters as clusters_mod
from habar.ner import gazetteer as gazetteer_mod
from habar.ner.corpus import spans
from habar.ner.features import Featurizer
from habar.ner.morphfeat import morph_features

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "ner"
STRAIGHT_QUOTES = {'"', "“", "”", "„", "''", "``"}


class NerModel:
    def __init__(self, model_dir: Path = MODEL_DIR):
        path = model_dir / "model.crfsuite"
        if not path.exists():
            raise FileNotFoundError(f"{path} is missing; build it with `make models` (scripts/train_ner.py)")
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(path))
        clusters = clusters_mod.load(model_dir / "clusters.tsv")
        gazetteer = gazetteer_mod.load(model_dir / "gazetteer.tsv")
        settings = json.loads((model_dir / "features.json").read_text(encoding="utf-8"))
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
        return trim_spans(tokens, list(self.tagger.tag(self.featurizer.sentence(normalise_quotes(tokens)))))


# KazNERD never starts or ends an entity with these; the CRF sometimes pulls in "– АТЫО" after "бұдан әрі".
EDGE_PUNCT = {"–", "—", "-", ",", ".", ":", ";", "(", ")"}


def trim_spans(tokens: list[str], tags: list[str]) -> list[str]:
    """Drop dashes, commas and brackets from the edges (never the inside) of predicted entities."""
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
