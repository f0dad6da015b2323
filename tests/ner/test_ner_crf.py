"""The numpy CRF decoder (habar.ner.crf) against crfsuite's own Tagger: same weights, same tags."""

from __future__ import annotations

import numpy as np
import pycrfsuite
import pytest

from habar.ner.crf import read_model, viterbi
from habar.ner.features import Featurizer
from habar.ner.model import MODEL_DIR, NerModel, normalise_quotes

# written for these tests: names, quotes, numbers, acronyms, one-word and long sentences
SENTENCES = [
    ["Мемлекет", "басшысы", "Қасым-Жомарт", "Тоқаев", "Ақтөбе", "облысына", "барды", "."],
    ["2022", "жылғы", "3", "наурызда", "«", "Қазатомөнеркәсіп", "»", "АҚ", "жаңа", "кен", "ашты", "."],
    ["ҚР", "Ұлттық", "банкі", "базалық", "мөлшерлемені", "14,5", "%", "деңгейінде", "қалдырды", "."],
    ["Сәлем"],
    ["Ол", "Шымкентте", "2", "млрд", "теңгеге", "мектеп", "салды", ",", "деп", "хабарлайды", '"', "Хабар", '"', "."],
    ["БҰҰ", "Бас", "хатшысы", "Антониу", "Гутерриш", "Нұр-Сұлтан", "қаласында", "Еуропалық", "одақ", "және",
     "ТМД", "атқару", "комитетінің", "өкілдерімен", "кездесті", "."],
]


def _toy_model(path) -> None:
    """A small crfsuite model trained here, so the decoder is checked even without the shipped model."""
    feat = Featurizer({}, {})
    trainer = pycrfsuite.Trainer(verbose=False)
    tags = [["B-POSITION", "I-POSITION", "B-PERSON", "I-PERSON", "B-GPE", "O", "O", "O"],
            ["B-DATE", "I-DATE", "I-DATE", "I-DATE", "O", "B-ORGANISATION", "O", "I-ORGANISATION", "O", "O",
             "O", "O"]]
    for tokens, ys in zip(SENTENCES, tags):
        trainer.append(feat.sentence(tokens), ys)
    trainer.set_params({"c1": 0.0, "c2": 0.1, "max_iterations": 30})
    trainer.train(str(path))


def test_weights_and_decoder_match_crfsuite_on_a_toy_model(tmp_path):
    _toy_model(tmp_path / "toy.crfsuite")
    weights = read_model(tmp_path / "toy.crfsuite")
    ref = pycrfsuite.Tagger()
    ref.open(str(tmp_path / "toy.crfsuite"))
    assert sorted(weights.labels) == sorted(ref.labels())
    feat = Featurizer({}, {})
    for tokens in SENTENCES:
        feats = feat.sentence(tokens)
        scores = weights.sums(feats)
        assert [weights.labels[j] for j in viterbi(scores, weights.into)] == ref.tag(feats)


@pytest.mark.skipif(not (MODEL_DIR / "model.crfsuite").exists(), reason="run `make models` first")
@pytest.mark.parametrize("tokens", SENTENCES, ids=lambda t: " ".join(t[:3]))
def test_shipped_model_tags_as_crfsuite_does(tokens):
    model = NerModel()
    ref = pycrfsuite.Tagger()
    ref.open(str(MODEL_DIR / "model.crfsuite"))
    quoted = normalise_quotes(tokens)
    feats = model.featurizer.sentence(quoted)
    scores = model.scores(quoted)
    assert [model.weights.labels[j] for j in viterbi(scores, model.weights.into)] == ref.tag(feats)
    # the per-word cached sums equal crfsuite's feature lists token by token
    assert np.allclose(scores, model.weights.sums(feats), rtol=0, atol=1e-9)
    # the prefix-free lookups give the sums of the prefixed training strings
    for word in tokens:
        roles = model.featurizer.roles(word)
        assert np.allclose(model.weights.word_rows([model.featurizer.own(word)])[0], model.weights.sums(roles),
                           rtol=0, atol=1e-9)


def test_not_a_model_names_the_file_and_the_fix(tmp_path):
    bad = tmp_path / "model.crfsuite"
    bad.write_bytes(b"not a model at all, just text")
    with pytest.raises(ValueError, match=r"model\.crfsuite.*make models"):
        read_model(bad)
