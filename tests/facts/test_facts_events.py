"""Agreements, meetings, investments and statistics on hand-built articles (entities given, as habar.ner gives them)."""

import pytest

from habar.facts import extract
from habar.facts.gold import article_from_case


def _facts(text: str, entities: list, kind: str) -> list[dict]:
    article = article_from_case({"id": "t", "text": text, "entities": entities})
    return [f.args for f in extract(article) if f.kind == kind]


def _names(args: dict) -> list[str]:
    return [p["norm"] for p in args["parties"]]


def test_agreement_with_parties_date_and_place():
    text = ("2023 жылғы 5 наурызда Астана қаласында «Самұрық-Қазына» АҚ және Total компаниясы "
            "жасыл энергетика туралы келісімге қол қойды.")
    [args] = _facts(text, [["«Самұрық-Қазына» АҚ", "ORGANISATION"], ["Total", "ORGANISATION"],
                           ["Астана", "GPE"], ["2023 жылғы 5 наурызда", "DATE"]], "agreement")
    assert args["kind"] == "келісім" and args["date"] == "2023-03-05" and args["place"] == "Астана"
    assert _names(args) == ["«Самұрық-Қазына» АҚ", "Total компаниясы"]


def test_agreement_between_countries_with_resolved_date_value():
    text = "Қазақстан мен Өзбекстан арасында шекара туралы шартқа Ташкентте қол қойылды."
    [args] = _facts(text, [["Қазақстан", "GPE"], ["Өзбекстан", "GPE"], ["Ташкентте", "GPE", "Ташкент"]], "agreement")
    assert _names(args) == ["Қазақстан", "Өзбекстан"] and args["kind"] == "шарт" and args["place"] == "Ташкент"


def test_between_names_both_sides_and_published_date_fills_in():
    text = "Мемлекет пен ұялы байланыс операторлары арасындағы меморандумға Астанада қол қойылды."
    article = article_from_case({"id": "t", "text": text, "entities": [["Астанада", "GPE", "Астана"]]})
    article.published = "2021-06-03T10:00:00+06:00"
    [fact] = [f for f in extract(article) if f.kind == "agreement"]
    assert _names(fact.args) == ["Мемлекет", "ұялы байланыс операторлары"]
    assert (fact.args["date"], fact.args["date_source"], fact.args["place"]) == ("2021-06-03", "published", "Астана")


def test_date_value_from_the_ner_wins():
    from habar.document import Entity
    text = "Кеше Қазақстан мен Қырғызстан меморандумға қол қойды."
    article = article_from_case({"id": "t", "text": text, "entities": [["Қазақстан", "GPE"], ["Қырғызстан", "GPE"]]})
    article.entities.append(Entity("Кеше", "DATE", 0, 4, "кеше", "2024-05-14", -1))
    article.entities.sort(key=lambda e: e.start)
    [fact] = [f for f in extract(article) if f.kind == "agreement"]
    assert fact.args["date"] == "2024-05-14" and fact.args["kind"] == "меморандум"


def test_meeting_with_two_parties():
    text = "Сыртқы істер министрі Мұрат Нұртілеу Жапония елшісімен кездесті."
    meetings = _facts(text, [["Мұрат Нұртілеу", "PERSON"], ["Жапония", "GPE"]], "meeting")
    assert meetings == []  # one person and an ambassador without a name: not two named parties
    text = "Астанада Қазақстан мен Қытай делегациялары арасында келіссөз өтті."
    [args] = _facts(text, [["Астанада", "GPE", "Астана"], ["Қазақстан", "GPE"], ["Қытай", "GPE"]], "meeting")
    assert args["kind"] == "келіссөз" and args["place"] == "Астана"
    assert "Қазақстан" in _names(args)


@pytest.mark.parametrize("text", [
    "Тараптар ынтымақтастықтың басым бағыттарын талқылады.",
    "Цифрлық байланыс байлықтың белгісі емес, ол міндетті шарт.",
])
def test_no_agreement_without_signing_and_parties(text):
    assert _facts(text, [], "agreement") == []


def test_investment_amount_purpose_period():
    text = "Алдағы үш жылда жаңа аурухана салуға 12 млрд теңге бөлінеді."
    [args] = _facts(text, [["12 млрд теңге", "MONEY"]], "investment")
    assert args["amount"]["value"] == {"amount": 12e9, "currency": "KZT"}
    assert args["purpose"]["text"] == "жаңа аурухана салуға"
    assert args["period"] == "Алдағы үш жылда"


def test_investment_purpose_points_back():
    text = "Облыста жаңа зауыт салынады. Осы жобаға 200 млн доллар инвестиция тартылады."
    [args] = _facts(text, [], "investment")
    assert args["purpose"]["text"] == "жаңа зауыт" and args["purpose"]["resolved_from"] == "previous"
    assert args["amount"]["value"] == {"amount": 2e8, "currency": "USD"}


def test_money_without_investing_is_not_an_investment():
    assert _facts("Нанның бағасы 300 теңге болды.", [], "investment") == []


@pytest.mark.parametrize("text, subject, value, unit", [
    ("Елде тұрғындардың 95%-ы ауыз сумен қамтылған.", "тұрғындардың", 95, "%"),
    ("Биыл 150 шақырым жол жөнделді.", "жол", 150, "km"),
    ("Облыста 30 мың шақырымдық электр желісі тартылды.", "электр желісі", 30000, "km"),
])
def test_statistics(text, subject, value, unit):
    stats = _facts(text, [], "statistic")
    assert [(s["subject"], s["value"], s["unit"]) for s in stats] == [(subject, value, unit)]
