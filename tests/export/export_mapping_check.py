"""A check of bulk documents against an OpenSearch/Elasticsearch index mapping, written from the engines' rules
(not from habar's exporter): what a field's type accepts as JSON, the date format, strict mappings, analyzers.
Each function returns a list of problems, empty when the input would load."""

from __future__ import annotations

import re

# JSON values each field type takes (an array of them too: every field is multi-valued)
_STRING_TYPES = {"text", "keyword", "match_only_text", "wildcard"}
_INTEGER_RANGES = {"byte": 2 ** 7, "short": 2 ** 15, "integer": 2 ** 31, "long": 2 ** 63}
_FLOAT_TYPES = {"float", "double", "half_float", "scaled_float"}
# strict_date_optional_time: yyyy-MM-dd, then optionally 'T'HH(:mm(:ss(.fraction)?)?)? and a zone
STRICT_DATE_OPTIONAL_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}(T\d{2}(:\d{2}(:\d{2}([.,]\d{1,9})?)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?")
BUILTIN_ANALYZERS = {"standard", "simple", "whitespace", "stop", "keyword", "pattern", "fingerprint"}
BUILTIN_TOKENIZERS = {"standard", "whitespace", "keyword", "letter", "lowercase", "classic", "pattern",
                      "uax_url_email", "icu_tokenizer"}
BUILTIN_FILTERS = {"lowercase", "uppercase", "asciifolding", "trim", "unique", "stop", "icu_folding", "cjk_width"}


def _scalar_problem(where: str, ftype: str, spec: dict, value) -> str | None:
    if ftype in _STRING_TYPES:
        return None if isinstance(value, str) else f"{where}: {ftype} needs a string, got {value!r}"
    if ftype in _INTEGER_RANGES:
        limit = _INTEGER_RANGES[ftype]
        ok = isinstance(value, int) and not isinstance(value, bool) and -limit <= value < limit
        return None if ok else f"{where}: {ftype} needs an integer in range, got {value!r}"
    if ftype in _FLOAT_TYPES:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return None if ok else f"{where}: {ftype} needs a number, got {value!r}"
    if ftype == "boolean":
        return None if isinstance(value, bool) else f"{where}: boolean needs true/false, got {value!r}"
    if ftype == "date":
        formats = spec.get("format", "strict_date_optional_time||epoch_millis").split("||")
        if isinstance(value, str) and "strict_date_optional_time" in formats \
                and STRICT_DATE_OPTIONAL_TIME.fullmatch(value):
            return None
        if isinstance(value, int) and "epoch_millis" in formats:
            return None
        return f"{where}: {value!r} does not parse as {'||'.join(formats)}"
    return f"{where}: field type {ftype!r} is not known to this check"


def check_value(where: str, spec: dict, value, dynamic: str) -> list[str]:
    if value is None:
        return []  # null means "no value" for every type
    ftype = spec.get("type", "object" if "properties" in spec else None)
    if ftype in ("object", "nested"):
        if spec.get("enabled") is False:
            return []  # kept in _source, not parsed: any JSON
        items = value if isinstance(value, list) else [value]
        problems = []
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                problems.append(f"{where}[{i}]: {ftype} needs a JSON object, got {item!r}")
            else:
                problems += check_object(f"{where}[{i}]", spec.get("properties", {}), item,
                                         spec.get("dynamic", dynamic))
        return problems
    items = value if isinstance(value, list) else [value]
    return [p for i, item in enumerate(items) if (p := _scalar_problem(f"{where}[{i}]", ftype, spec, item))]


def check_object(where: str, properties: dict, doc: dict, dynamic: str) -> list[str]:
    problems = []
    for name, value in doc.items():
        if name not in properties:
            if dynamic == "strict":
                problems.append(f"{where}.{name}: not in the mapping, and the mapping is strict")
            continue
        problems += check_value(f"{where}.{name}", properties[name], value, dynamic)
    return problems


def check_document(mapping: dict, doc: dict) -> list[str]:
    mappings = mapping["mappings"]
    return check_object("doc", mappings["properties"], doc, str(mappings.get("dynamic", "true")).lower())


def check_action(line: dict) -> list[str]:
    """A bulk action line that is followed by a document: index or create, with its metadata."""
    if len(line) != 1 or next(iter(line)) not in ("index", "create"):
        return [f"action line must have one key, index or create: {line!r}"]
    meta = next(iter(line.values()))
    unknown = set(meta) - {"_index", "_id", "routing", "pipeline", "require_alias"}
    if unknown:
        return [f"unknown action metadata {sorted(unknown)}"]
    if not isinstance(meta.get("_id", ""), str) or len(meta.get("_id", "").encode()) > 512:
        return [f"_id must be a string of at most 512 bytes: {meta.get('_id')!r}"]
    return []


def _fields(properties: dict, prefix: str = ""):
    for name, spec in properties.items():
        yield prefix + name, spec
        yield from _fields(spec.get("properties", {}), f"{prefix}{name}.")
        for sub, sub_spec in spec.get("fields", {}).items():
            yield f"{prefix}{name}.{sub}", sub_spec


def check_analyzers(mapping: dict) -> list[str]:
    """Every analyzer a field names exists, and every custom analyzer's tokenizer and filters exist."""
    analysis = mapping.get("settings", {}).get("analysis", {})
    analyzers = analysis.get("analyzer", {})
    problems = []
    for name, spec in _fields(mapping["mappings"]["properties"]):
        for key in ("analyzer", "search_analyzer", "search_quote_analyzer"):
            used = spec.get(key)
            if used is not None and used not in analyzers and used not in BUILTIN_ANALYZERS:
                problems.append(f"{name}: {key} {used!r} is neither defined in settings nor built in")
    for name, spec in analyzers.items():
        if spec.get("type") != "custom":
            continue
        tok = spec.get("tokenizer")
        if tok not in analysis.get("tokenizer", {}) and tok not in BUILTIN_TOKENIZERS:
            problems.append(f"analyzer {name}: tokenizer {tok!r} does not exist")
        for flt in spec.get("filter", []):
            if flt not in analysis.get("filter", {}) and flt not in BUILTIN_FILTERS:
                problems.append(f"analyzer {name}: filter {flt!r} does not exist")
    return problems
