"""Keyphrases: ADJ* NOUN+ phrases over tagged tokens, lemma keys, TF-IDF against the shipped table, and what may
never rank top (site furniture, function words)."""

import re

import pytest

from habar.document import Article, Entity, Token
from habar.facts.keyphrases import Corpus, default_corpus, keyphrases
from habar.facts.phrases import candidates

# word -> (lemma, upos, feats): a hand-tagged lexicon, so these tests do not depend on the tagger's mistakes
TAGS = {
    "ұлттық": ("ұлттық", "ADJ", ""), "жасанды": ("жасанды", "ADJ", ""), "жаңа": ("жаңа", "ADJ", ""),
    "интеллект": ("интеллект", "NOUN", "Case=Nom"), "кластерін": ("кластер", "NOUN", "Case=Acc"),
    "кластері": ("кластер", "NOUN", "Case=Nom"), "кластерінің": ("кластер", "NOUN", "Case=Gen"),
    "құрылысы": ("құрылыс", "NOUN", "Case=Nom"), "Алматыда": ("Алматы", "PROPN", "Case=Loc"),
    "метро": ("метро", "NOUN", "Case=Nom"), "бекеті": ("бекет", "NOUN", "Case=Nom"),
    "ашылды": ("ашыл", "VERB", "VerbForm=Fin"), "құрады": ("құр", "VERB", "VerbForm=Fin"),
    "үкімет": ("үкімет", "NOUN", "Case=Nom"), "желілердің": ("желі", "NOUN", "Case=Gen"),
    "ұзындығы": ("ұзындық", "NOUN", "Case=Nom"), "артты": ("арт", "VERB", "VerbForm=Fin"),
    "және": ("және", "CCONJ", ""), "бұл": ("бұл", "DET", ""), "өсті": ("өс", "NOUN", "Case=Acc"),
    "экономика": ("экономика", "NOUN", "Case=Nom"), "басталды": ("баста", "VERB", "VerbForm=Fin"),
}


def tagged(text: str, entities: list[Entity] = ()) -> Article:
    tokens = []
    for m in re.finditer(r"\w+|[^\w\s]", text):
        word = m.group()
        lemma, upos, feats = TAGS.get(word.lower(), TAGS.get(word, ("", "", "")))
        kind = "word" if word[0].isalnum() else "punct"
        tokens.append(Token(word, m.start(), m.end(), kind, lemma, upos, feats))
    return Article(id="t", raw=text, text=text, tokens=tokens, entities=list(entities))


@pytest.mark.parametrize("text, expected", [
    # ADJ* NOUN+: adjectives open the phrase, the last noun is its head; a run keeps its last MAX_WORDS (3)
    ("Үкімет ұлттық жасанды интеллект кластерін құрады.",
     {"үкімет", "жасанды интеллект кластер", "интеллект кластер", "кластер"}),
    # a noun in the locative is a head that closes its phrase: "Алматыда | жаңа метро бекеті"
    ("Алматыда жаңа метро бекеті ашылды.", {"алматы", "жаңа метро бекет", "метро бекет", "бекет"}),
    # the genitive goes on: "желілердің ұзындығы" is one phrase, and the genitive noun heads one of its own
    ("Желілердің ұзындығы артты.", {"желі ұзындық", "ұзындық", "желі"}),
    # function words and verbs break phrases; a lone adjective is no phrase
    ("Бұл жаңа және ұлттық кластері ашылды.", {"ұлттық кластер", "кластер"}),
    # the tagger's clause-final "noun" with a verbal ending is a verb
    ("Экономика өсті.", {"экономика"}),
])
def test_phrase_patterns(text, expected):
    assert {k for k, _ in candidates(tagged(text))} == expected


def test_inflected_forms_share_one_key_and_show_the_commonest_form():
    text = ("Ұлттық кластері ашылды. Ұлттық кластерінің құрылысы басталды. "
            "Үкімет ұлттық кластерін құрады. Ұлттық кластері биыл ашылды.")
    top = keyphrases(tagged(text))
    best = next(p for p in top if p["key"] == "ұлттық кластер")
    assert best["count"] == 4 and best["text"] == "Ұлттық кластері"


def test_a_named_entity_is_one_phrase_keyed_by_its_base_form():
    text = "Алматыда жаңа метро бекеті ашылды."
    place = Entity("Алматыда", "GPE", 0, 8, "Алматы")
    keys = [k for k, _ in candidates(tagged(text, [place]))]
    assert keys[0] == "алматы" and not any(k.startswith("алматы ") for k in keys)


FURNITURE = "Жаңалықтарды бірінші болып біліңіз: Telegram арнамызға жазылыңыз!"
FILLER = "Және бұл да осы. Сондай-ақ олар да бар. Бұл туралы біз де айттық."


@pytest.mark.parametrize("corpus", [None, Corpus()], ids=["shipped table", "no corpus"])
def test_furniture_and_stop_words_never_rank_top(corpus):
    text = " ".join([FURNITURE, FILLER, "Алматыда жаңа метро бекеті ашылды.", FURNITURE, FILLER, FURNITURE,
                     "Метро бекеті тәулік бойы жұмыс істейді.", FILLER])
    top = keyphrases(tagged(text), corpus, top=5)
    keys = " ".join(p["key"] for p in top)
    assert top and top[0]["key"] in ("метро бекет", "жаңа метро бекет")
    for word in ("telegram", "жаңалық", "арна", "және", "бұл", "осы", "олар", "сондай-ақ", "туралы"):
        assert word not in keys.split()


def test_shipped_table_ranks_common_words_below_specific_ones():
    corpus = default_corpus()
    assert corpus.n_docs > 10_000
    assert corpus.idf("жыл") < corpus.idf("жұмыс") < corpus.idf("мектеп") < corpus.idf("жасанды интеллект")
    # a phrase missing from the table takes the IDF of its rarest word, not that of an unseen key
    assert "жыл мектеп жоспар" not in corpus.df
    assert corpus.idf("жыл мектеп жоспар") == max(corpus.idf(w) for w in ("жыл", "мектеп", "жоспар"))


def test_table_round_trip_and_merge(tmp_path):
    a = Corpus.of([tagged("Алматыда жаңа метро бекеті ашылды."), tagged("Экономика өсті.")])
    a.save_table(tmp_path / "df.tsv.gz")
    again = Corpus.load_table(tmp_path / "df.tsv.gz")
    assert again.n_docs == 2 and again.df == a.df
    both = again.merged(a)
    assert both.n_docs == 4 and both.df["метро бекет"] == 2


def test_bad_table_names_the_line(tmp_path):
    import gzip
    path = tmp_path / "bad.tsv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("#n_docs\t3\nметро\tx\n")
    with pytest.raises(ValueError, match=r"bad.tsv.gz:2:.*build_phrase_df"):
        Corpus.load_table(path)
