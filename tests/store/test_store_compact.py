"""The compact stored forms of fact args and MinHash signatures: every format habar wrote still decodes, the
current one is smaller, and near-duplicate clusters come out the same."""

import json

import numpy as np
import pytest

from habar.clean.dedup import NUM_PERM, similarity
from habar.store.argcodec import FORMAT, args_json, encode_args, fact_args
from habar.store.clusters import compute
from habar.store.compact import sig_bytes, sig_values

ARGS = [
    {"quote": [12, 80], "layout": "after", "role": "министр", "role_norm": "министр", "resolved_from": None,
     "speaker": {"text": "Ерлан Қарин", "norm": "Ерлан Қарин", "entity_group": 1, "start": 85, "end": 96,
                 "mention": [85, 96]}},
    {"subject": "егін егілген алқап", "subject_span": [0, 18], "value": 12.5, "unit": "%",
     "number_span": [19, 24], "predicate": "артты"},
    {"kind": "меморандум", "parties": [], "date": None, "date_source": None, "place": None},
    {},
]


@pytest.mark.parametrize("args", ARGS)
def test_args_round_trip_in_every_format(args):
    text = json.dumps(args, ensure_ascii=False)
    stored = encode_args(args)
    assert stored[:1] == FORMAT
    assert fact_args(stored) == args
    assert json.loads(args_json(stored)) == args
    assert encode_args(text) == stored  # Record.facts carries the JSON text
    # rows an older habar wrote: the JSON as TEXT, and drivers that return it parsed or as bytes
    assert fact_args(text) == fact_args(text.encode()) == fact_args(args) == args
    assert args_json(text) == text


def test_args_are_stored_smaller():
    before = sum(len(json.dumps(a, ensure_ascii=False).encode()) for a in ARGS[:3])
    after = sum(len(encode_args(a)) for a in ARGS[:3])
    assert after < 0.75 * before


def _signatures(n: int, seed: int) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    base = rng.integers(0, 2**32, size=(n, NUM_PERM), dtype=np.uint64)
    copies = base.copy()
    copies[:, : NUM_PERM // 8] = rng.integers(0, 2**32, size=(n, NUM_PERM // 8), dtype=np.uint64)
    return [*base, *copies]  # article i and its copy n + i share 7/8 of their values


@pytest.mark.parametrize("width", ["<u4", "<u2"])
def test_signatures_decode_in_both_widths(width):
    values = _signatures(3, 0)[0]
    blob = values.astype("<u4").tobytes() if width == "<u4" else sig_bytes(values)
    assert np.array_equal(sig_values(blob), values & 0xFFFF)


def test_16_bit_signatures_keep_similarity_and_clusters():
    sigs = _signatures(40, 1)
    full = [(f"a{i:02d}", "2020-01-01", 100, s.astype("<u4").tobytes()) for i, s in enumerate(sigs)]
    half = [(aid, pub, length, sig_bytes(sig_values(s))) for aid, pub, length, s in full]
    assert len(half[0][3]) == 2 * NUM_PERM
    for i in range(40):
        assert similarity(sig_values(half[i][3]), sig_values(half[40 + i][3])) >= 7 / 8
        assert similarity(sig_values(half[i][3]), sig_values(half[(i + 1) % 40][3])) < 0.1
    # a store written partly by an older habar (32-bit rows) and partly by this one clusters the same
    mixed = full[:40] + half[40:]
    assert compute(half) == compute(mixed) == {f"a{i:02d}": [f"a{i:02d}", f"a{40 + i}"] for i in range(40)}


FIELDS = [  # (terms, title, text): the title's and lead's terms against the article they came from
    ("үкімет жиын өт", "Үкімет жиыны өтті", "Бүгін Үкімет жиыны өтті. Онда министрлер сөйледі."),
    ("бүгін үкімет жиын өт", "", "Бүгін Үкімет жиыны өтті."),
    ("qazaqstan", "Qazaqstan", ""),
    ("", "Тақырып", "Мәтін."),
]


@pytest.mark.parametrize("terms, title, text", FIELDS)
def test_field_terms_round_trip(terms, title, text):
    from habar.store.compact import decode_field_terms, encode_field_terms

    stored = encode_field_terms(terms, title, text)
    assert decode_field_terms(stored, title, text) == terms
    assert decode_field_terms(terms, title, text) == terms  # TEXT rows of an older habar
    if terms:
        assert isinstance(stored, bytes)
