"""Language data for the phrase repairs of habar.ner.repair_phrases (habar.ner.heads holds the head nouns).

Each table says why KazNERD's conventions make it a rule; the counts are from the train part of our split.
"""

from __future__ import annotations

# Place nouns that KazNERD leaves outside the name before them: "Тараз/GPE қаласында/O", "Қазақстан/GPE
# астанасы/O" (қала 107, аудан 55, ауыл 31, астана 5 times after a GPE, never inside one), and that end no
# ORGANISATION (облыс is inside: "Атырау облысы" is one GPE, so it is not here).
PLACE_NOUNS = frozenset({"қала", "аудан", "ауыл", "астана", "елорда", "кент", "шаһар", "село"})

# Cases after which a name does not go on into a capitalised word: a lowercase word in the dative, ablative or
# instrumental is the end of a phrase ("білім беруге ШЫҰ елдерін"); no train entity has one before a capital.
# (The locative has its own constraint in decoding, habar.ner.repair.ends_name; -дағы adjectives are not cases.)
OBLIQUE_CASES = ("Dat", "Abl", "Ins")

# All-capital abbreviations that are common nouns, not organisations: media, universities, GDP, NGOs, legal forms
# (Kazakh and Russian), taxes, ID numbers, diseases, vehicles, IT and ICT, local executive bodies, fuels. An
# unknown all-capital word outside this list is read as an organisation's acronym (ТМД, СКАТ, ОПЕК, КПРФ are
# organisations in KazNERD).
COMMON_ACRONYMS = frozenset("""
БАҚ ЖОО ЖІӨ ІЖӨ ҮЕҰ ЖШС ЖАҚ ААҚ АҚ МКК РМК ШЖҚ КМК ЖК ҚҚС ЖСН БСН СТН ЖКО ТЖ ТКШ АӨК ШОБ ЖББМ МЖӘ ПӘК СӨЖ
СМС ТВ ІТ ИТ АТ ЖИ КВИ ЖРВИ ЖИТС АИТВ НЛО БТР ТП БТП ДК ЭЕМ ЖЭО ГЭС ЖЭС АЭС ГРЭС ҰБТ ОЖСБ КТ МРТ ПТР ДНҚ РНҚ
АКТ ИКТ ЭЦҚ ЖАО ЖЖМ ҚТҚ ХҚКО ӘКК ЖКШ ТОО АО ИП ООО ОАО ЗАО
""".split())

# All-capital names of countries and places: the model's own label stands, and they never become organisations.
PLACE_ACRONYMS = frozenset({"АҚШ", "ҚР", "РФ", "ҚХР", "БАӘ", "КСРО", "ҰБ", "ОАР", "КХДР", "ГФР", "ГДР", "ШҚО",
                            "СҚО", "БҚО", "ОҚО"})
ACRONYM_LETTERS = (2, 6)  # how long an organisation's Cyrillic acronym is, in letters

# A line of exactly two capitalised words in the bare nominative, a byline or a caption ("Айгүл Серікбаева"), is
# a person's name when the model sees a person in it or the analyzer reads both as proper nouns.
BYLINE_WORDS = 2
