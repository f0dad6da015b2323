"""`habar ingest` drops lines that repeat across many articles of one source, and records why."""

from habar.document import Article
from habar.options import Options
from habar.store.ingest import ingest
from habar.store.store import Store

STEPS = ["clean_invisible", "clean_boilerplate", "identify_language", "normalise", "segment", "tokenize"]
FOOTER = "Редакция мекенжайы: Алматы қ., Абай даңғылы 10, тел. 727 000 00 00"
STORIES = [
    "Алматыда жаңа мектеп ашылды. Онда мың бала оқиды.",
    "Шымкентте көпір салынып жатыр. Құрылыс келесі жылы аяқталады.",
    "Астанада кітап көрмесі өтті. Көрмеге елу баспа қатысты.",
    "Ақтөбеде жол жөнделді. Жұмысқа екі жүз миллион теңге жұмсалды.",
    "Павлодарда жаңа саябақ ашылды. Саябақта мың ағаш отырғызылды.",
]


def test_a_footer_repeated_across_one_source_is_dropped(tmp_path):
    articles = [Article(id=f"s{i}", raw=f"{story}\n\n{FOOTER}\n", text=f"{story}\n\n{FOOTER}\n", source="qala")
                for i, story in enumerate(STORIES)]
    other = Article(id="o1", raw=f"Басқа жаңалық. {FOOTER}\n", text=f"Басқа жаңалық. {FOOTER}\n", source="basqa")
    counts = ingest(articles + [other], tmp_path, Options(workers=1, progress=False), STEPS)
    assert counts["new"] == 6
    with Store(tmp_path) as store:
        for i, story in enumerate(STORIES):
            a = store.get(f"s{i}")
            assert FOOTER not in a.text and story in a.text and FOOTER in a.raw
            assert any(r["reason"] == "boilerplate:learned" for r in a.meta["cleaning"])
        assert FOOTER in store.get("o1").text  # another source, where the line is not repeated, keeps it
