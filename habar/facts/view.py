"""The facts of an analysed article as the flat views that `habar analyze --format json`, the store and search
show: `quotes`, `events`, `investments`, `statistics`, `summary`, `keyphrases`, `topic`, plus search fields
(`has:quote`, `speaker:"..."`, `type:agreement`). Offsets stay in; texts are filled in from `article.text`.
"""

from __future__ import annotations

from habar.document import Article

EVENT_KINDS = ("agreement", "meeting")


def facts_view(article: Article) -> dict:
    text = article.text
    quotes, events, investments, statistics = [], [], [], []
    for f in article.facts:
        if f.kind == "quote":
            s, e = f.args["quote"]
            speaker = f.args.get("speaker") or {}
            quotes.append({"text": text[s:e], "start": s, "end": e, "speaker": speaker.get("norm"),
                           "speaker_span": [speaker["start"], speaker["end"]] if speaker else None,
                           "entity_group": speaker.get("entity_group"), "role": f.args.get("role"),
                           "resolved_from": f.args.get("resolved_from")})
        elif f.kind in EVENT_KINDS:
            events.append({"type": f.kind, "start": f.start, "end": f.end, "text": text[f.start:f.end].strip(),
                           **f.args})
        elif f.kind == "investment":
            investments.append({"start": f.start, "end": f.end, **f.args})
        elif f.kind == "statistic":
            statistics.append({"start": f.start, "end": f.end, **f.args})
    return {"quotes": quotes, "events": events, "investments": investments, "statistics": statistics,
            "summary": article.meta.get("summary"), "keyphrases": article.meta.get("keyphrases", []),
            "topic": article.meta.get("topic")}


def search_fields(article: Article) -> dict[str, list[str]]:
    """Values to index: `has` (fact kinds present), `speaker` (names), `type` (event kinds and subtypes), `topic`."""
    kinds = sorted({f.kind for f in article.facts})
    speakers = sorted({(f.args.get("speaker") or {}).get("norm", "") for f in article.facts if f.kind == "quote"} - {""})
    types = sorted({f.kind for f in article.facts if f.kind in EVENT_KINDS}
                   | {f.args["kind"] for f in article.facts if f.kind in EVENT_KINDS})
    topic = article.meta.get("topic") or {}
    return {"has": kinds, "speaker": speakers, "type": types, "topic": [topic["label"]] if topic.get("label") else []}
