"""NER quality on the KazNERD dev part: `python -m bench.ner_dev`.

Prints the figures scripts/train_ner.py recorded when it built the shipped model (habar CRF and a plain-CRF
baseline, both trained on the train part of the same split), and re-scores the shipped model on dev when it was
trained on the train part only (a model trained on train+dev would score itself on its own training data).
"""

from __future__ import annotations

import json

from habar.ner.evaluate import format_table, score
from habar.ner.model import MODEL_DIR, NerModel
from habar.options import Options


def main() -> None:
    report = json.loads((MODEL_DIR / "dev_scores.json").read_text(encoding="utf-8"))
    print(f"split: {report['train_sentences']} train / {report['dev_sentences']} dev sentences "
          f"(md5(sentence id) % 100 < 15 is dev); shipped model trained on: {report['shipped_trained_on']}")
    print(f"CRF params {report.get('params')}, habar.morph features: {report.get('morph', False)}")
    for key, title in (("baseline", "plain CRF baseline (recorded)"), ("model", "habar CRF (recorded)")):
        if key in report:
            print(format_table(report[key], title))
    path = Options().shared_data / "kaznerd"
    if report["shipped_trained_on"] != "train" or not path.exists():
        return
    from habar.ner.corpus import kaznerd_split

    _, dev = kaznerd_split(path)
    model = NerModel()
    scores = score([s.tags for s in dev], [model.tag(s.tokens) for s in dev])
    print(format_table(scores, "habar CRF, shipped model re-scored now"))


if __name__ == "__main__":
    main()
