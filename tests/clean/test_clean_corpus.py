"""Corpus-level steps: learned boilerplate per source, duplicates and clusters, the quality verdict."""

from __future__ import annotations

import pytest

from habar.clean import clean_article, clean_corpus
from habar.clean.dedup import Deduper, dedupe, normal_url, signature, similarity
from habar.clean.learned import learn_repeated_lines, learned_step
from habar.clean.quality import count_reasons, verdict
from habar.document import Article, Token
from habar.pipeline import Pipeline
from habar.text import offsets

STORIES = [
    "Семей қаласында Ертіс өзені арқылы өтетін үшінші көпірдің құрылысы басталды. Көпірдің ұзындығы бір мың "
    "төрт жүз метр болады, оның үстінен төрт жолақты жол өтеді. Мердігер құрылысты екі жылда аяқтамақ.",
    "Қостанай облысының диқандары егін алқаптарының жартысынан астамын орып-жинады. Биыл бидайдың орташа "
    "түсімі гектарына он төрт центнерден айналып отыр. Науқанға тоғыз мың комбайн жұмылдырылды.",
    "Алматы метросының екі жаңа бекеті ресми түрде ашылды. Енді қаланың батыс бөлігінің тұрғындары орталыққа "
    "жиырма минутта жете алады. Алғашқы күндері жол жүру тегін болады, кейін құны сексен теңге.",
    "Мұхтар Әуезов театры жаңа маусымды Абай трагедиясының жаңа қойылымымен ашты. Режиссер классиканы "
    "заманауи сахналық тілмен ұсынды. Театр маусым бойы он екі жаңа қойылым көрсетпек.",
    "Шымкент қаласында жастарға бағдарламалау үйрететін технологиялық хаб ашылды. Хабтың алғашқы ағынына үш "
    "жүз студент қабылданды, оқу тегін. Үздік түлектерді серіктес компаниялар жұмысқа алады.",
]
FOOTER = "Біздің сайттың мобильді қосымшасын жүктеп алыңыз"


def art(i: int, text: str, source: str = "site", url: str = "", published: str = "") -> Article:
    return Article(id=f"a{i}", raw=text, text=text, source=source, url=url, published=published)


# --- learned boilerplate ----------------------------------------------------------------------------------
def test_lines_repeated_across_a_source_are_learned_and_dropped():
    arts = [art(i, f"{s}\n\n{FOOTER}\n") for i, s in enumerate(STORIES)]
    model = learn_repeated_lines(arts)
    step = learned_step(model)
    cleaned = step(arts[0])
    assert FOOTER not in cleaned.text and STORIES[0] in cleaned.text
    assert cleaned.meta["cleaning"][0]["reason"] == "boilerplate:learned"
    assert offsets.apply(cleaned.raw, cleaned.changes) == cleaned.text


@pytest.mark.parametrize("n_with_footer, n_articles, learned", [(5, 5, True), (3, 5, True), (2, 5, False),
                                                                (3, 3, False)])  # too few articles
def test_learning_thresholds(n_with_footer, n_articles, learned):
    arts = [art(i, STORIES[i] + (f"\n{FOOTER}" if i < n_with_footer else "")) for i in range(n_articles)]
    model = learn_repeated_lines(arts)
    assert (model.reason("site", FOOTER) is not None) is learned


def test_learning_is_per_source_and_copies_count_once():
    arts = [art(i, f"{STORIES[0]}\n{FOOTER}", source="a") for i in range(4)]  # one text, re-scraped
    arts += [art(10 + i, f"{s}\n{FOOTER}", source="b") for i, s in enumerate(STORIES[1:])]
    model = learn_repeated_lines(arts)
    assert model.reason("a", FOOTER) is None  # four copies of one article teach nothing
    assert model.reason("b", FOOTER) is not None and model.reason("a", STORIES[0]) is None


# --- duplicates and clusters ------------------------------------------------------------------------------
@pytest.mark.parametrize("a, b", [
    ("https://www.site.kz/news/1/?utm_source=tg", "http://site.kz/news/1"),
    ("https://site.kz/a?id=2&fbclid=x", "https://site.kz/a?id=2#comments"),
])
def test_normal_url_same(a, b):
    assert normal_url(a) == normal_url(b)


def test_normal_url_different():
    assert normal_url("https://site.kz/a?id=2") != normal_url("https://site.kz/a?id=3")


def test_exact_duplicates_by_url_and_text_are_not_stored_twice():
    arts = [art(0, STORIES[0], url="https://x.kz/1"), art(1, STORIES[1], url="https://x.kz/1?utm_source=fb"),
            art(2, "  " + STORIES[0].upper() + " "), art(3, STORIES[2])]
    kept, d = dedupe(arts)
    assert [a.id for a in kept] == ["a0", "a3"]
    assert [(e["id"], e["duplicate_of"], e["reason"]) for e in d.exact] == [
        ("a1", "a0", "duplicate:url"), ("a2", "a0", "duplicate:text")]


def test_edited_copies_cluster_with_the_earliest_most_complete_as_canonical():
    s = STORIES[2] + " " + STORIES[4]  # one longer story; the copy loses its first sentence and gains another
    first_sentence_dropped = s.split(". ", 1)[1]
    arts = [art(0, s + " Бекеттерде лифтілер орнатылған.", published="2024-08-12"),
            art(1, first_sentence_dropped + " Айта кетейік, метро 2011 жылы ашылған.", published="2024-08-13"),
            art(2, s, published="2024-08-12"),
            art(3, STORIES[0], published="2024-08-01"), art(4, STORIES[3], published="2024-08-01")]
    kept, d = dedupe(arts)
    assert d.clusters() == {"a0": ["a0", "a2", "a1"]}  # a0 and a2 are as early; a0 is longer
    assert kept[0].meta["cluster"] == {"id": "a0", "canonical": True, "size": 3}
    assert kept[1].meta["cluster"]["canonical"] is False
    assert "cluster" not in kept[3].meta and "cluster" not in kept[4].meta


def test_signature_uses_lemmas_when_tokens_have_them():
    a = art(0, "Қалада жаңа мектептер ашылды")
    b = art(1, "Қалаға жаңа мектеп ашылады")
    for x, lemmas in ((a, ["қала", "жаңа", "мектеп", "ашыл"]), (b, ["қала", "жаңа", "мектеп", "ашыл"])):
        x.tokens = [Token(w, 0, 0, lemma=lem) for w, lem in zip(x.text.split(), lemmas)]
    assert similarity(signature(a), signature(b)) == 1.0
    a.tokens = b.tokens = []
    assert similarity(signature(a), signature(b)) < 0.5


def test_deduper_streams():
    d = Deduper()
    assert d.add(art(0, STORIES[0])) is None
    assert d.add(art(1, STORIES[0])) == "a0"
    assert d.add(art(2, STORIES[1])) is None


# --- quality ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, lang, reasons", [
    (" ".join(STORIES[:2]), "kk", []),
    ("Алматыда ертең қатты жаңбыр жауады.", "kk", ["too_short"]),
    ("Сегодня в Алматы открылась новая станция метро. " * 8, "ru", ["not_kazakh"]),
])
def test_verdict(text, lang, reasons):
    a = art(0, text)
    a.lang = lang
    assert verdict(a)["reasons"] == reasons


def test_mostly_boilerplate_is_kept_with_its_verdict():
    footer = "\n".join(["Telegram арнамызға жазылыңыз!", "Бөлісу", "Жазылу",
                        "Материалды көшіріп басқанда сайтқа гиперсілтеме міндетті"] * 3)
    brief = "Синоптиктер ертең Алматыда нөсер жаңбыр жауып, найзағай ойнайтынын болжады."
    a = clean_article(art(0, f"{brief}\n\n{footer}"))
    assert a.meta["quality"]["reasons"] == ["too_short", "mostly_boilerplate"]
    assert a.text == brief and a.lang == "kk"


def test_clean_corpus_counts_everything_and_drops_nothing_silently():
    arts = [art(i, f"{s}\n\n{FOOTER}\n") for i, s in enumerate(STORIES)]
    arts.append(art(9, STORIES[0] + f"\n\n{FOOTER}\n"))  # exact copy after cleaning
    arts.append(art(10, "Сегодня в Алматы открылась новая станция метро, и жители рады."))
    result = clean_corpus(arts)
    assert len(result.articles) == 6
    assert result.stats["duplicate:text"] == 1 and result.stats["ok"] == 7
    assert result.stats["quality:not_kazakh"] == 1
    assert all(FOOTER not in a.text for a in result.articles)
    assert count_reasons(result.articles)["ok"] == 0  # every story is under 30 words
    assert sum(count_reasons(result.articles).values()) >= len(result.articles)


def test_a_failing_article_is_counted_and_the_batch_goes_on():
    from habar.clean import clean_steps

    bad = art(1, STORIES[1])
    bad.meta = None  # a broken record: the step fails on it
    pipe = Pipeline(clean_steps())
    done = list(pipe.run([art(0, STORIES[0]), bad, art(2, STORIES[2])]))
    assert [a.id for a in done] == ["a0", "a2"]
    assert pipe.stats["ok"] == 2 and sum(v for k, v in pipe.stats.items() if k.startswith("failed[")) == 1


def test_clean_corpus_survives_a_broken_article():
    bad = art(5, STORIES[0])
    bad.meta = None
    result = clean_corpus([art(0, STORIES[1]), bad, art(2, STORIES[2])])
    assert [a.id for a in result.articles] == ["a0", "a2"]
    assert sum(v for k, v in result.stats.items() if k.startswith("failed[")) == 1
