"""A hand-analysed Kazakh article for the export tests: every annotation kind, a recorded change, a nested entity."""

from __future__ import annotations

from habar.document import Article, Change, Entity, Fact, Sentence, Token

# (word, lemma, UPOS, FEATS); the text is these words with spaces, except where NO_SPACE_BEFORE says otherwise
WORDS = [
    ("Астанада", "Астана", "PROPN", "Case=Loc"), ("2024", "2024", "NUM", "NumType=Card"),
    ("жылғы", "жыл", "NOUN", ""), ("5", "5", "NUM", "NumType=Card"), ("наурызда", "наурыз", "NOUN", "Case=Loc"),
    ("«", "«", "PUNCT", ""), ("Болашақ", "Болашақ", "PROPN", "Case=Nom"), ("»", "»", "PUNCT", ""),
    ("қоры", "қор", "NOUN", "Case=Nom"), ("жаңа", "жаңа", "ADJ", ""), ("бағдарламаны", "бағдарлама", "NOUN", "Case=Acc"),
    ("таныстырды", "таныстыр", "VERB", "Tense=Past"), (".", ".", "PUNCT", ""),
    ("Қор", "қор", "NOUN", "Case=Nom"), ("директоры", "директор", "NOUN", "Case=Nom"), ("Айгүл", "Айгүл", "PROPN", ""),
    ("Сәрсенова", "Сәрсенова", "PROPN", ""), (":", ":", "PUNCT", ""), ("«", "«", "PUNCT", ""),
    ("Біз", "біз", "PRON", ""), ("500", "500", "NUM", "NumType=Card"), ("жасқа", "жас", "NOUN", "Case=Dat"),
    ("грант", "грант", "NOUN", "Case=Nom"), ("береміз", "бер", "VERB", "Tense=Fut"), ("»", "»", "PUNCT", ""),
    (",", ",", "PUNCT", ""), ("–", "–", "PUNCT", ""), ("деді", "де", "VERB", "Tense=Past"), (".", ".", "PUNCT", ""),
]
NO_SPACE_BEFORE = {"Болашақ", "»", ".", ":", ",", "Біз"}
SENTENCE_ENDS = {12, 28}  # token indexes that close a sentence


def _tokens() -> tuple[str, list[Token]]:
    text, tokens = "", []
    for i, (word, lemma, upos, feats) in enumerate(WORDS):
        if text and word not in NO_SPACE_BEFORE:
            text += "\n" if i - 1 in SENTENCE_ENDS else " "
        kind = "punct" if upos == "PUNCT" else "number" if word.isdigit() else "word"
        tokens.append(Token(word, len(text), len(text) + len(word), kind, lemma, upos, feats))
        text += word
    return text, tokens


def span(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def article(aid: str = "kk-1", **head) -> Article:
    text, tokens = _tokens()
    cut = text.index("жаңа") + len("жаңа")
    raw = text[:cut] + "  " + text[cut + 1:]  # the reader's double space, normalised away
    changes = [Change(cut, cut + 2, " ", "spaces")]
    ents = [
        Entity("Астанада", "GPE", *span(text, "Астанада"), norm="Астана", group=0),
        Entity("2024 жылғы 5 наурызда", "DATE", *span(text, "2024 жылғы 5 наурызда"), value="2024-03-05"),
        Entity("5", "CARDINAL", *span(text, "5"), value=5),  # inside the DATE: BIO keeps the outer one
        Entity("«Болашақ» қоры", "ORGANISATION", *span(text, "«Болашақ» қоры"), norm="«Болашақ» қоры", group=1),
        Entity("Айгүл Сәрсенова", "PERSON", *span(text, "Айгүл Сәрсенова"), group=2),
        Entity("500", "CARDINAL", *span(text, "500"), value=500),
    ]
    quote_start, quote_end = span(text, "Біз 500 жасқа грант береміз")
    facts = [Fact("quote", text.index("Қор директоры"), len(text) - 1,
                  {"quote": [quote_start, quote_end], "speaker": {"text": "Айгүл Сәрсенова", "entity_group": 2},
                   "role": "Қор директоры", "resolved_from": None})]
    ends = [tokens[i].end for i in sorted(SENTENCE_ENDS)]
    sentences = [Sentence(0, ends[0]), Sentence(ends[0] + 1, ends[1])]
    fields = {"title": "«Болашақ» қоры жаңа бағдарлама таныстырды", "source": "test.kz",
              "url": f"https://test.kz/{aid}", "published": "2024-03-05T10:30:00+05:00", "lang": "kk", **head}
    return Article(id=aid, raw=raw, text=text, sentences=sentences, tokens=tokens, entities=ents, facts=facts,
                   changes=changes, meta={"author": "Д. Ахметова", "topic": {"label": "education", "score": 0.8},
                                          "keyphrases": [{"text": "грант", "key": "грант", "score": 1.0}]}, **fields)
