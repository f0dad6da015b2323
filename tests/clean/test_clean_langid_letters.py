"""The letter rule's counts: one pass over the text, and names found as the original regex found them."""

from __future__ import annotations

import importlib
import re

import pytest

# the module (the package exports a function of the same name)
ident = importlib.import_module("habar.langid.identify")

# The regex the name rule was written with (a lookbehind at every position): the reference for _name_letters.
_REFERENCE_NAME = re.compile(r"(?<=[^\s.!?…:«\"“(—–-])(\s+)[^\W\d_a-zа-яёәғқңөұүһі]\w*")

TEXTS = [
    "Президент Қасым-Жомарт Тоқаев Астанада Әлихан Бөкейхановқа арналған көрмені аралады.",
    "Министр сказал, что Тоқаев и Құрманғазы приедут. Әсет Бейсеуов выступил.",
    "«Біз келдік», – деді Ғалым.  Ол   Ұлытауға барды\nЕртең Қызылордаға.",
    "Київ та Львів — українські міста, а Ўзбекистон ҳам Тошкент.",
    " Басында Бос Орын",
    "",
]


def _reference_counts(text: str) -> list[int]:
    common = _REFERENCE_NAME.sub(" ", text)
    return [sum(map(text.count, s)) - sum(map(common.count, s)) for s in ("әғқұһіӘҒҚҰҺІ", "ғқұҒҚҰ", "әіңөүұһӘІҢӨҮҰҺ")]


@pytest.mark.parametrize("text", TEXTS)
def test_name_letters_equal_the_reference_regex(text):
    _, _, kk, a, b, _, _ = ident._name_letters(text)
    assert [kk, a, b] == _reference_counts(text)


@pytest.mark.parametrize("text", TEXTS)
def test_letter_counts(text):
    cyr, latin, kk, a, b, shared, foreign = ident._letter_counts(text)
    assert cyr == len(re.findall("[\u0400-\u04ff]", text))
    assert latin == len(re.findall("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]", text))
    assert kk == sum(map(text.count, "әғқұһіӘҒҚҰҺІ")) and shared == sum(map(text.count, "ңөүҢӨҮ"))
    assert foreign == sum(map(text.count, "їєґЇЄҐўЎҳҲҗҖҡҙҫҠҘҪӣӯҷӢӮҶђјљњћџЂЈЉЊЋЏ"))
