"""The numpy CRF decoder (habar.ner.crf) against crfsuite's own Tagger: same weights, same tags; and the batched
paths of habar.ner.model (whole-article scores, context sums, Viterbi) against the one-sentence ones, to the bit."""

from __future__ import annotations

import numpy as np
import pycrfsuite
import pytest

import habar.ner.model as model_mod
from habar.ner.corpus import kaznerd_split
from habar.ner.crf import read_model, viterbi, viterbi_many
from habar.ner.features import Featurizer
from habar.ner.context import ContextScorer
from habar.ner.model import MODEL_DIR, NerModel, normalise_quotes
from habar.options import Options

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
# context edge cases: a quote first and last, an unclosed quote, a word with "|" in it (bigram strings split
# either way), a one-word quotation
EDGES = [
    ["«", "Жас", "Отан", "»", "жиналды", "."],
    ["«", "Бәйтерек", "холдингі", "туралы"],
    ["Баға", "A|B", "|", "кестесінде", "«", "Арман", "»"],
    ["Мемлекет", "басшысы", "Қасым-Жомарт", "Тоқаев"],
]
TOY_TAGS = [["B-POSITION", "I-POSITION", "B-PERSON", "I-PERSON", "B-GPE", "O", "O", "O"],
            ["B-DATE", "I-DATE", "I-DATE", "I-DATE", "O", "B-ORGANISATION", "O", "I-ORGANISATION", "O", "O",
             "O", "O"],
            ["O", "B-ORGANISATION", "I-ORGANISATION", "O", "O", "O"],
            ["O", "O", "O", "O", "O", "B-ART", "O"]]


# feature set 3's head words ("^lemma" keys; without habar.morph the lemma is the word without its case ending)
HEAD_WORDS = {"^облы": "GPE", "^қала": "GPE", "^комитет": "ORGANISATION", "^одақ": "ORGANISATION",
              "^бан": "ORGANISATION"}
# heads 3 to 5 words on, behind a stop, at a sentence's end, beyond reach, and two heads in reach
HEAD_EDGES = [
    ["Ол", "Ақтөбе", "облысына", "барды", "."],
    ["Бүгін", "ол", ",", "Ақтөбе", "облысына", "келді"],
    ["Жиналысқа", "Еуропалық", "одақ", "пен", "ТМД", "атқару", "комитетінің", "өкілдері", "келді"],
    ["Ол", "өткен", "жылы", "көктемде", "тағы", "бір", "рет", "Ақтөбе", "қаласында"],
    ["Кеше", "Алматы", "қаласында", "Ұлттық", "банкі", "хабарлады"],
]


def _toy_model(path, version: int = 1) -> Featurizer:
    """A small crfsuite model trained here, so the decoder is checked even without the shipped model."""
    feat = Featurizer({}, HEAD_WORDS if version >= 3 else {}, version=version)
    trainer = pycrfsuite.Trainer(verbose=False)
    for tokens, ys in zip(SENTENCES[:2] + [EDGES[0], EDGES[2]], TOY_TAGS):
        trainer.append(feat.sentence(normalise_quotes(tokens)), ys)
    trainer.set_params({"c1": 0.0, "c2": 0.1, "max_iterations": 30})
    trainer.train(str(path))
    return feat


def test_weights_and_decoder_match_crfsuite_on_a_toy_model(tmp_path):
    feat = _toy_model(tmp_path / "toy.crfsuite")
    weights = read_model(tmp_path / "toy.crfsuite")
    ref = pycrfsuite.Tagger()
    ref.open(str(tmp_path / "toy.crfsuite"))
    assert sorted(weights.labels) == sorted(ref.labels())
    for tokens in SENTENCES + EDGES:
        feats = feat.sentence(normalise_quotes(tokens))
        scores = weights.sums(feats)
        assert [weights.labels[j] for j in viterbi(scores, weights.into)] == ref.tag(feats)


def _gapped(blocks: list[np.ndarray]) -> tuple[np.ndarray, list[int], list[int]]:
    """Score blocks laid end to end with two zero rows around each, as NerModel lays out an article."""
    rows, starts, at = [np.zeros((2, blocks[0].shape[1]))], [], 2
    for b in blocks:
        starts.append(at)
        rows += [b, np.zeros((2, b.shape[1]))]
        at += len(b) + 2
    return np.concatenate(rows), starts, [len(b) for b in blocks]


@pytest.mark.parametrize("seed, lengths, ties", [
    (0, [1], False), (1, [5, 5, 5], False), (2, [1, 30, 2, 30, 7], False), (3, [12] * 25, False),
    (4, [3, 1, 8, 1, 40], True),  # scores and transitions on a coarse grid: many equal paths, first one wins
    (5, [2, 9, 9, 4], True),
])
def test_batched_viterbi_is_viterbi_per_sentence(seed, lengths, ties):
    rng = np.random.default_rng(seed)
    into = rng.normal(size=(9, 9))
    blocks = [rng.normal(size=(n, 9)) * 3 for n in lengths]
    if ties:
        into, blocks = np.round(into), [np.round(b) for b in blocks]
    flat, starts, lens = _gapped(blocks)
    assert viterbi_many(flat, starts, lens, into) == [viterbi(b, into) for b in blocks]


def _laid_out(ctx: ContextScorer, sentences: list[list[str]]) -> tuple[list[int], np.ndarray]:
    words = list(dict.fromkeys(w for s in sentences for w in s))
    ctx.learn(words, 1)
    slot = {w: i for i, w in enumerate(words, 1)}
    ids, starts = [0, 0], []
    for s in sentences:
        starts.append(len(ids))
        ids += [slot[w] for w in s] + [0, 0]
    return starts, np.array(ids)


@pytest.mark.parametrize("version", [0, 1, 2, 3])
def test_context_sums_from_numbers_equal_the_feature_strings(tmp_path, version):
    """ContextScorer's fast path adds the weights Featurizer.context's strings name, in the same order."""
    feat = _toy_model(tmp_path / "toy.crfsuite", version)
    ctx = ContextScorer(read_model(tmp_path / "toy.crfsuite"), feat)
    assert ctx.fast
    if version >= 3:  # the toy model has head features, so the sums below include some
        assert any(a.startswith("nh=") for a in ctx.weights.index)
    sentences = [normalise_quotes(s) for s in SENTENCES + EDGES + HEAD_EDGES + SENTENCES[:2]]
    starts, at = _laid_out(ctx, sentences)
    fast, strings = ctx.scores(sentences, starts, at), ctx._strings(sentences, starts, len(at))
    for s, start in zip(sentences, starts):
        assert np.array_equal(fast[start:start + len(s)], strings[start:start + len(s)]), s


shipped = pytest.mark.skipif(not (MODEL_DIR / "model.crfsuite").exists(), reason="run `make models` first")


@pytest.fixture(scope="module")
def model() -> NerModel:
    return NerModel()


@shipped
@pytest.mark.parametrize("tokens", SENTENCES + EDGES, ids=lambda t: " ".join(t[:3]))
def test_shipped_model_tags_as_crfsuite_does(model, tokens):
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


@shipped
def test_an_article_at_once_is_each_sentence_alone(model):
    sentences = [normalise_quotes(s) for s in SENTENCES + EDGES]
    scores, starts, at = model._layout(sentences)
    for s, start in zip(sentences, starts):
        assert np.array_equal(scores[start:start + len(s)], NerModel().scores(s))
        if model.context.fast:
            ctx = model.context.scores([s], [2], np.array([0, 0] + [model._slots[w] for w in s] + [0, 0]))
            assert np.array_equal(ctx[2:-2], model.context._strings([s], [2], len(s) + 4)[2:-2])
    assert model.tag_many(SENTENCES + [[]] + EDGES) == [model.tag(s) for s in SENTENCES + [[]] + EDGES]


@shipped
def test_a_full_word_cache_starts_again_without_losing_the_article(monkeypatch):
    """The cache is emptied when an article's new words would overflow it; the article's known words are then
    learned again with the new ones."""
    expected = NerModel().tag_many(SENTENCES)
    small = NerModel()
    monkeypatch.setattr(model_mod, "SCORE_CACHE_LIMIT", 12)
    assert [small.tag(s) for s in SENTENCES[:2]] + [small.tag_many(SENTENCES)] == [expected[0], expected[1], expected]
    assert len(small._slots) <= max(12, len({w for s in SENTENCES for w in normalise_quotes(s)}))


DEV = Options().shared_data / "kaznerd"


@shipped
@pytest.mark.skipif(not (DEV / "with_sentID").exists(), reason=f"{DEV} is absent")
def test_every_dev_sentence_is_decoded_as_crfsuite_decodes_it(model):
    """Unconstrained tags of all KazNERD dev sentences, decoded in article-sized batches, are crfsuite's."""
    _, dev = kaznerd_split(DEV)
    ref = pycrfsuite.Tagger()
    ref.open(str(MODEL_DIR / "model.crfsuite"))
    sentences = [normalise_quotes(s.tokens) for s in dev]
    ours: list[list[int]] = []
    for i in range(0, len(sentences), 25):
        batch = sentences[i:i + 25]
        scores, starts, _ = model._layout(batch)
        ours += viterbi_many(scores, starts, [len(s) for s in batch], model.weights.into)
    labels = model.weights.labels
    differ = [s for s, path in zip(sentences, ours)
              if [labels[j] for j in path] != ref.tag(model.featurizer.sentence(s))]
    assert not differ, differ[:3]


def test_not_a_model_names_the_file_and_the_fix(tmp_path):
    bad = tmp_path / "model.crfsuite"
    bad.write_bytes(b"not a model at all, just text")
    with pytest.raises(ValueError, match=r"model\.crfsuite.*make models"):
        read_model(bad)
