"""Extractive summaries and keyphrases on a hand-written article, and the document-frequency Corpus."""

from habar.document import Article
from habar.facts import annotate
from habar.facts.keyphrases import Corpus, keyphrases, stem

ARTICLE = (
    "Алматыда жаңа метро бекеті ашылды\n\n"
    "Алматыда жаңа метро бекеті ашылды. "
    "Бекет қаланың батыс бөлігіндегі тұрғындарға арналған. "
    "Метро құрылысына биыл қала бюджетінен 40 млрд теңге бөлінді. "
    "«Метро желісін 2030 жылға дейін ұзартамыз», – деді қала әкімі Ерболат Досаев. "
    "Жаңа бекет күніне он мың жолаушыға қызмет көрсетеді. "
    "Метро желісінің ұзындығы енді 15 шақырымға жетті. "
    "Келесі жылы тағы екі метро бекеті салынады. "
    "Жаңалықтарды бірінші болып біліңіз: Telegram арнамызға жазылыңыз!"
)


def _article() -> Article:
    return annotate(Article(id="metro", raw=ARTICLE, text=ARTICLE, title="Алматыда жаңа метро бекеті ашылды"))


def test_summary_avoids_title_speech_and_boilerplate():
    article = _article()
    summary = article.meta["summary"]
    assert 2 <= len(summary["sentences"]) <= 3
    for start, end in summary["sentences"]:
        sentence = article.text[start:end]
        assert "«" not in sentence and "Telegram" not in sentence
    assert summary["text"] == " ".join(article.text[s:e] for s, e in summary["sentences"])
    assert summary["sentences"] == sorted(summary["sentences"]), "in reading order"


def test_keyphrases_group_inflected_forms():
    phrases = {p["key"]: p for p in _article().meta["keyphrases"]}
    assert "метро бекет" in phrases and phrases["метро бекет"]["count"] >= 3
    assert all("telegram" not in key for key in phrases)


def test_corpus_idf_demotes_common_phrases():
    other = Article(id="o", raw="", text="Астанада жаңа метро бекеті салынады. Метро бекеті биыл ашылмайды.")
    corpus = Corpus.of([other, Article(id="p", raw="", text="Ауа райы суытады.")])
    with_corpus = keyphrases(_article(), corpus)
    assert corpus.n_docs == 2 and corpus.df["метро бекет"] == 1
    assert corpus.idf("метро бекет") < corpus.idf("жолаушы")
    assert with_corpus and all(p["score"] > 0 for p in with_corpus)


def test_corpus_round_trip(tmp_path):
    corpus = Corpus.of([_article()])
    corpus.save(tmp_path / "df.json")
    again = Corpus.load(tmp_path / "df.json")
    assert again.n_docs == 1 and again.df == corpus.df


def test_stem_fallback():
    assert stem("бекеттері") == "бекет" and stem("метро") == "метро"
    assert stem("Берге", proper=True) == "Берге"


def test_views_for_json_store_and_search():
    from habar.facts.view import facts_view, search_fields
    from habar.facts.gold import article_from_case
    from habar.facts import annotate as run

    text = ("«Келісім екі елге де пайдалы», – деді министр Арман Шаққалиев. "
            "Қазақстан мен Өзбекстан сауда туралы келісімге қол қойды.")
    article = run(article_from_case({"id": "v", "text": text, "entities": [
        ["Арман Шаққалиев", "PERSON"], ["Қазақстан", "GPE"], ["Өзбекстан", "GPE"]]}))
    view = facts_view(article)
    assert [q["speaker"] for q in view["quotes"]] == ["Арман Шаққалиев"]
    assert view["quotes"][0]["text"] == "Келісім екі елге де пайдалы"
    assert [(e["type"], e["kind"]) for e in view["events"]] == [("agreement", "келісім")]
    assert search_fields(article) == {"has": ["agreement", "quote"], "speaker": ["Арман Шаққалиев"],
                                      "type": ["agreement", "келісім"], "topic": []}
