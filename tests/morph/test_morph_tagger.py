"""In-context tagging, the pipeline step, the CLI commands and the gold-set floor."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from habar.cli import main
from habar.document import Article, Token
from habar.morph import step, tag_tokens
from habar.morph.evaluate import evaluate_file

GOLD = Path(__file__).resolve().parent.parent / "gold" / "morph" / "mixed_genre.conllu"


def tokens(text: str) -> list[Token]:
    out, pos = [], 0
    for w in text.split():
        out.append(Token(w, pos, pos + len(w)))
        pos += len(w) + 1
    return out


CONTEXT = [
    # sentence, index, lemma, upos
    ("Мен кітапты оқыдым .", 0, "мен", "PRON"),
    ("Әке мен шеше келді .", 1, "мен", "CCONJ"),
    ("Бұл кітап жақсы .", 0, "бұл", "DET"),
    ("Ол айтушы еді .", 1, "айт", "VERB"),
    ("Ол хат жазып отыр .", 3, "отыр", "AUX"),
    ("Біз Алматыда тұрамыз .", 1, "Алматы", "PROPN"),
    ("Ол 2019 жылы келді .", 1, "2019", "NUM"),
]


def test_context_choices():
    for text, i, lemma, upos in CONTEXT:
        toks = tokens(text)
        tag_tokens(toks)
        assert (toks[i].lemma, toks[i].upos) == (lemma, upos), f"{text}: {[(t.lemma, t.upos) for t in toks]}"


def test_every_token_gets_lemma_and_upos():
    toks = tokens("« Қазақстан » 99% , 5-ші !")
    tag_tokens(toks)
    assert all(t.lemma and t.upos for t in toks)
    assert [t.upos for t in toks][0] == "PUNCT"


def test_pipeline_step():
    art = Article(id="a", raw="Кітаптар", text="Кітаптар", tokens=tokens("Кітаптар"))
    assert step.requires == ("tokens",) and set(step.provides) == {"lemma", "upos", "feats"}
    out = step(art)
    assert (out.tokens[0].lemma, out.tokens[0].upos) == ("кітап", "NOUN")


def test_cli_tag_keeps_tokenization(tmp_path):
    src = tmp_path / "in.conllu"
    src.write_text("# text = Балалар келді.\n1\tБалалар\t_\t_\t_\t_\t0\troot\t_\t_\n"
                   "2\tкелді\t_\t_\t_\t_\t1\tdep\t_\tSpaceAfter=No\n3\t.\t_\t_\t_\t_\t1\tpunct\t_\t_\n\n",
                   encoding="utf-8")
    res = CliRunner().invoke(main, ["tag", "--input", "conllu", str(src)])
    assert res.exit_code == 0, res.output
    rows = [line.split("\t") for line in res.output.splitlines() if line and not line.startswith("#")]
    assert [(r[1], r[2], r[3]) for r in rows] == [("Балалар", "бала", "NOUN"), ("келді", "кел", "VERB"), (".", ".", "PUNCT")]
    assert rows[1][9] == "SpaceAfter=No"


def test_cli_lemmatize():
    res = CliRunner().invoke(main, ["lemmatize", "-"], input="Балалар мектепке барды.\n")
    assert res.exit_code == 0
    assert res.output.split() == ["бала", "мектеп", "бар", "."]


def test_cli_eval_morph_and_missing_file():
    res = CliRunner().invoke(main, ["eval", "morph", str(GOLD)])
    assert res.exit_code == 0 and "lemma" in res.output
    res = CliRunner().invoke(main, ["tag", "--input", "conllu", "/nonexistent.conllu"])
    assert res.exit_code != 0 and "no such file" in res.output


def test_gold_floor():
    """Pinned floors on habar's own mixed-genre gold (raise them when the analyzer improves)."""
    rep = evaluate_file(GOLD)
    assert rep.n >= 300
    assert rep.lemma_acc >= 0.90 and rep.upos_acc >= 0.88
