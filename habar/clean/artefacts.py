"""Repair of splitter artefacts: abbreviations a naive sentence splitter tore onto separate lines ("т\\nб\\n").

The rule lives with the sentence splitter (habar.text.segment.repair_artefacts); this step records its changes
like every other cleaning step.
"""

from __future__ import annotations

from habar.clean.edit import current_text, fold
from habar.document import Article
from habar.pipeline import step


@step("clean_artefacts", provides=("text",))
def clean_artefacts(article: Article) -> Article:
    """Re-join torn abbreviations: "т\\nб\\nқоса" -> "т.б. қоса"."""
    from habar.text.segment import repair_artefacts  # the text layer's rule, imported when first needed

    _, changes = repair_artefacts(current_text(article))
    return fold(article, changes, "clean_artefacts")
