"""A small store of hand-written Kazakh news, analysed by hand, so that search is tested apart from morphology.

Each article gives its text, the lemma of every inflected word in it, and its entities. The store is built with
no pipeline steps (`steps=[]`): the tokens, lemmas and entities below are what the index sees.
"""

from __future__ import annotations

import re

from habar.document import Article, Entity, Token

_TOKEN = re.compile(r"\w+(?:-\w+)*|[^\w\s]")

LEMMAS = {
    "Меморандумға": "меморандум", "Меморандум": "меморандум", "Меморандумдар": "меморандум",
    "меморандумға": "меморандум", "Сеулде": "Сеул", "Астанада": "Астана", "Технопарктің": "технопарк",
    "ашылуына": "ашылу", "Форумға": "форум", "Тоқаевтың": "Тоқаев", "Алматыда": "Алматы", "қатысты": "қатыс",
    "ашылды": "ашыл", "холдингі": "холдинг", "агенттігі": "агенттік", "қойды": "қой", "көздейді": "көзде",
    "саласындағы": "сала", "ынтымақтастықты": "ынтымақтастық", "технологиялар": "технология",
    "жастарға": "жас", "тіледі": "тіле", "өтті": "өт", "кеңесшісі": "кеңесші", "болған": "бол",
    "арасындағы": "ара", "өсті": "өс", "елдің": "ел", "айналымы": "айналым", "артты": "арт",
    "кодтары": "код", "жарияланды": "жарияла",
}

# id, source, published, lang, title, text, entities as (surface, label, norm)
ARTICLES = [
    ("k1", "zakon.kz", "2019-11-21", "kk", "Зерде мен NIA меморандумға қол қойды",
     "Сеулде «Зерде» холдингі мен Корея агенттігі Меморандумға қол қойды. "
     "Меморандум ақпараттық технологиялар саласындағы ынтымақтастықты көздейді.",
     [("Зерде", "ORGANISATION", "Зерде"), ("Сеулде", "GPE", "Сеул"), ("Корея", "GPE", "Корея")]),
    ("k2", "tengri.kz", "2020-01-15", "kk", "Астанада технопарк ашылды",
     "Астанада жаңа технопарк ашылды. Технопарктің ашылуына Қасым-Жомарт Тоқаев қатысты. "
     "Президент жастарға сәттілік тіледі.",
     [("Астанада", "GPE", "Астана"), ("Қасым-Жомарт Тоқаев", "PERSON", "Қасым-Жомарт Тоқаев")]),
    ("k3", "tengri.kz", "2020-02-03", "kk", "Алматыда форум өтті",
     "Алматыда ақпараттық қоғам туралы форум өтті. Форумға Тоқаевтың кеңесшісі қатысты. "
     "Меморандумдар туралы әңгіме болған жоқ.",
     [("Алматыда", "GPE", "Алматы"), ("Тоқаевтың", "PERSON", "Қасым-Жомарт Тоқаев")]),
    ("k4", "inform.kz", "2020-02-10", "ru", "В Астане открылся технопарк",
     "В Астане открылся технопарк.", [("Астане", "GPE", "Астана")]),
    ("k5", "zakon.kz", "2019-12-05", "kk", "Сауда өсті",
     "Қазақстан мен Корея арасындағы сауда өсті. Екі елдің сауда айналымы артты.",
     [("Қазақстан", "GPE", "Қазақстан"), ("Корея", "GPE", "Корея")]),
    ("k6", "blog.kz", "", "kk", "HTML кодтары",
     "Мақалада <b>кодтары</b> & белгілер жарияланды.", []),
]


def make_article(aid, source, published, lang, title, text, entities) -> Article:
    tokens = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        kind = "punct" if not word[0].isalnum() else ("number" if word.isdigit() else "word")
        tokens.append(Token(word, m.start(), m.end(), kind, lemma=LEMMAS.get(word, word) if kind == "word" else ""))
    ents = []
    for surface, label, norm in entities:
        start = text.index(surface)
        ents.append(Entity(surface, label, start, start + len(surface), norm=norm))
    return Article(id=aid, raw=text, text=text, title=title, source=source, url=f"https://{source}/{aid}",
                   published=published, lang=lang, tokens=tokens, entities=ents)


def fixture_articles() -> list[Article]:
    return [make_article(*a) for a in ARTICLES]
