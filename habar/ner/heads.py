"""Language data for the NER repairs (habar.ner.repair): organisation head nouns and alias markers.

Head nouns are lemmas: a Kazakh organisation name ends in one of them, with its possessive and case
("Еуразиялық комиссиясы", "ТМД атқару комитетінің", "Ұлттық банкі").
"""

from __future__ import annotations

ORG_HEADS = frozenset("""
агенттік академия ассамблея ассоциация банк басқарма бірлестік бюро департамент әкімдік әкімшілік институт
инспекция кеңес колледж комбинат комиссия комитет компания конгресс консорциум корпорация қауымдастық қор
қоғам министрлік мәжіліс мәслихат одақ орталық палата парламент партия прокуратура сенат серіктестік сот
университет ұйым үкімет федерация фонд холдинг топ трест зауыт фабрика хаб
""".split())

# legal forms written after a quoted company name: «Зерде» холдингі АҚ, «Бәйтерек» ЖШС
LEGAL_FORMS = frozenset({"АҚ", "ЖШС", "ЖАҚ", "ААҚ", "МКК", "РМК", "ШЖҚ", "ҚБ"})
MAX_QUOTED = 5  # words of a quoted name
# heads after which a quoted name may be a building as well: «Атакент» орталығы is a FACILITY in KazNERD
PLACE_HEADS = frozenset({"орталық", "зауыт", "фабрика", "комбинат", "хаб"})

# heads that KazNERD leaves outside a name they follow ("Astana LRT компаниясы"): never pulled into a span
DESCRIPTORS = frozenset({"компания", "сот", "серіктестік"})

# "-дағы/-дегі": a locative turned adjective ("Қазақстандағы елшісі"), which may sit inside a name
LOCATIVE_ADJECTIVE = ("ғы", "гі", "қы", "кі")

# postpositional words that no KazNERD name contains ("Қазақстан атынан" = on behalf of Kazakhstan): decoded as O
OUTSIDE_NAMES = frozenset({"атынан", "атымен", "тарапынан", "жағынан", "арқылы", "қатысты", "сияқты", "кезінде"})

# final consonants that voice before a vowel ending; analyses sometimes keep the voiced stem ("орталығ")
DEVOICE = {"ғ": "қ", "г": "к", "б": "п"}

# "(бұдан әрі – АТЫО)": "hereinafter АТЫО"; the words that introduce an alias of the name before the bracket
ALIAS_MARKERS = (("бұдан", "әрі"), ("әрі", "қарай"))
DASHES = frozenset({"-", "–", "—"})
