"""Who said it: a person entity, a role word or a pronoun in the attribution, resolved to a person of the article.

"ол" points to the nearest person mentioned before the quote; a role word ("Мемлекет басшысы") points to the
nearest person whom the article itself gives that role ("Мемлекет басшысы Қасым-Жомарт Тоқаев"). A person's role
is read from the words right before any of their mentions ("Google-дің вице-президенті Винт Серф").
"""

from __future__ import annotations

from habar.document import Entity
from habar.facts.lexicon import PRONOUNS, ROLES
from habar.facts.marks import clause_start, inside
from habar.facts.slots import case_of
from habar.facts.matcher import role_at
from habar.facts.parties import is_org_head
from habar.facts.words import GENITIVE, WordIndex, Word, ends_with

SPEAKER_LABELS = ("PERSON",)
GROUP_LABELS = ("ORGANISATION",)  # "деп хабарлады министрлік": an organisation can speak, too
ROLE_GAP = 2  # characters allowed between a role and the name it precedes (a space, a comma)
SUBJECT_LOOKBACK = 3  # sentences with a person mention searched back for a subject


def same_person(a: Entity, b: Entity) -> bool:
    if a.group >= 0 and b.group >= 0:
        return a.group == b.group
    return (a.norm or a.text).lower() == (b.norm or b.text).lower()


def role_before(index: WordIndex, mention: Entity, quoted: list) -> dict | None:
    """The role phrase right before a mention: a POSITION entity or a role word, with its genitive owner.
    Found once per mention start: resolving a role word asks it of every person mention, for every quote."""
    memo = index.memo.setdefault("role_before", {})
    if mention.start not in memo:
        memo[mention.start] = _role_before(index, mention)
    return memo[mention.start]


def _role_before(index: WordIndex, mention: Entity) -> dict | None:
    art = index.article
    for e in index.entities_between(max(0, mention.start - 120), mention.start, ("POSITION",)):
        if 0 <= mention.start - e.end <= ROLE_GAP:
            ws = index.between(e.start, e.end)
            found = next((hit for hit in (role_at(ws, i) for i in range(len(ws))) if hit), None)
            return {"text": e.text, "norm": found[0] if found else (e.norm or e.text), "start": e.start, "end": e.end}
    ws = index.between(max(0, mention.start - 80), mention.start)
    for n_back in range(min(4, len(ws)), 0, -1):  # the longest role wins: "Мемлекет басшысы", not "басшысы"
        i = len(ws) - n_back
        hit = role_at(ws, i)
        if hit and i + hit[1] == len(ws) and 0 <= mention.start - ws[-1].end <= ROLE_GAP:
            start = _owner_start(index, ws, i)
            return {"text": art.text[start:ws[-1].end], "norm": hit[0], "start": start, "end": ws[-1].end}
    return None


def _owner_start(index: WordIndex, ws: list[Word], i: int) -> int:
    """Extend a role leftwards over its genitive owner ("Google-дің", "Дүниежүзілік экономикалық форумның")."""
    if i == 0 or not ends_with(ws[i - 1].text, GENITIVE):
        return ws[i].start
    owner = ws[i - 1]
    for e in index.article.entities:
        if e.label in ("ORGANISATION", "GPE") and e.start <= owner.start < e.end:
            return e.start
    return owner.start if owner.text[:1].isupper() else ws[i].start


def person_mentions(index: WordIndex, quoted: list) -> list[Entity]:
    """Person mentions outside quotes (a name said inside a quote is not who speaks). Kept for the last `quoted`
    list asked about: resolving one role word asks it once per person mention."""
    seen = index.memo.get("person_mentions")
    if seen is None or seen[0] is not quoted:
        seen = index.memo["person_mentions"] = (quoted, [
            e for e in index.article.entities if e.label in SPEAKER_LABELS and not inside(quoted, e.start)])
    return list(seen[1])


def nearest_person(index: WordIndex, quoted: list, pos: int, fits=None) -> Entity | None:
    """The person an anaphor at `pos` stands for: the subject (a nominative mention) of the nearest sentence before
    `pos` that has one, the first such in that sentence ("Мұрат Нұртілеу Хань Чунлинмен кездесті. ... – деді ол"
    is Нұртілеу; "Ол Асқар Жұмабаевты марапаттады" has no subject mention, so the sentence before it decides).
    Without any nominative mention, the latest mention before `pos`; without one before, the first after."""
    people = [e for e in person_mentions(index, quoted) if fits is None or fits(e)]
    before = [e for e in people if e.end <= pos]
    if before:
        by_sentence: dict[int, list[Entity]] = {}
        for e in before:
            by_sentence.setdefault(clause_start(index.article.text, e.start), []).append(e)
        for start in sorted(by_sentence, reverse=True)[:SUBJECT_LOOKBACK]:
            subject = next((e for e in by_sentence[start] if case_of(e) == "Nom"), None)
            if subject is not None:
                return subject
        return max(before, key=lambda e: e.end)
    after = [e for e in people if e.start >= pos]
    return min(after, key=lambda e: e.start) if after else None


def roles_of(index: WordIndex, quoted: list, person: Entity) -> list[dict]:
    mentions = [e for e in person_mentions(index, quoted) if same_person(e, person)]
    return [r for r in (role_before(index, m, quoted) for m in mentions) if r]


def speaker_dict(e: Entity) -> dict:
    return {"text": e.text, "norm": e.norm or e.text, "entity_group": e.group, "start": e.start, "end": e.end}


def describe(index: WordIndex, quoted: list, person: Entity, resolved_from: str | None,
             mention: tuple[int, int], role: dict | None = None) -> dict:
    """The `speaker`, `role` and `resolved_from` args of a quote whose speaker is `person`."""
    role = role or next(iter(roles_of(index, quoted, person)), None)
    return {"speaker": {**speaker_dict(person), "mention": list(mention)},
            "role": role["text"] if role else None, "role_norm": role["norm"] if role else None,
            "resolved_from": resolved_from}


def find_speaker(index: WordIndex, quoted: list, start: int, end: int, quote_pos: int,
                 prefer_last: bool) -> dict | None:
    """The speaker named in `text[start:end]`: a person, else a role or pronoun resolved, else an organisation."""
    art = index.article
    people = index.entities_between(start, end, SPEAKER_LABELS)
    if people:
        person = people[-1] if prefer_last else people[0]
        return describe(index, quoted, person, None, (person.start, person.end), role_before(index, person, quoted))
    ws = index.between(start, end)
    order = range(len(ws) - 1, -1, -1) if prefer_last else range(len(ws))
    for i in order:
        hit = role_at(ws, i)
        if hit:
            return _resolve_role(index, quoted, ws, i, hit, quote_pos)
        if ws[i].lower in PRONOUNS or (i + 1 < len(ws) and f"{ws[i].lower} {ws[i + 1].lower}" in PRONOUNS):
            person = nearest_person(index, quoted, quote_pos)
            if person is None:
                return None
            return describe(index, quoted, person, ws[i].lower, (ws[i].start, ws[i].end))
    groups = index.entities_between(start, end, GROUP_LABELS)
    if groups:
        g = groups[-1] if prefer_last else groups[0]
        return _body(index, g.start, _owned_head(index, g, end), speaker_dict(g))
    return _capitalised_name(index, ws, prefer_last) or _head_phrase(index, ws, prefer_last)


def _body(index: WordIndex, start: int, end: int, entity: dict) -> dict:
    """An organisation speaking: the entity, or the body it owns ("министрлігінің баспасөз қызметі")."""
    text = index.article.text[start:end]
    speaker = entity if end == entity["end"] else {**entity, "text": text, "norm": text, "end": end}
    return {"speaker": speaker | {"mention": [start, end]}, "role": None, "role_norm": None, "resolved_from": None}


def _owned_head(index: WordIndex, g: Entity, end: int) -> int:
    """End of "ORG-ның X Y" when X Y ends in an organisation head noun; the entity's end otherwise."""
    if case_of(g) != "Gen":
        return g.end
    ws = index.between(g.end, end)[:3]
    for i, w in enumerate(ws):
        if is_org_head(w):
            return w.end
    return g.end


def _head_phrase(index: WordIndex, ws: list[Word], prefer_last: bool) -> dict | None:
    """No entity at all: a capitalised phrase ending in an organisation head noun ("Ұлттық статистика бюросы")."""
    heads = [i for i, w in enumerate(ws) if is_org_head(w)]
    for i in (reversed(heads) if prefer_last else heads):
        j = i
        while j > 0 and i - j < 3 and not ws[j - 1].lower.endswith(("да", "де", "та", "те")):
            j -= 1
        while j < i and not ws[j].text[:1].isupper():
            j += 1
        if ws[j].text[:1].isupper():
            s, e = ws[j].start, ws[i].end
            return _body(index, s, e, {"text": index.article.text[s:e], "norm": index.article.text[s:e],
                                       "entity_group": -1, "start": s, "end": e})
    return None


def _resolve_role(index: WordIndex, quoted: list, ws: list[Word], i: int, hit: tuple[str, int],
                  quote_pos: int) -> dict:
    canonical, n = hit
    start = _owner_start(index, ws, i)
    role = {"text": index.article.text[start:ws[i + n - 1].end], "norm": canonical, "start": start,
            "end": ws[i + n - 1].end}
    wanted = ROLES[canonical]
    fits = lambda e: any(ROLES.get(r["norm"]) == wanted for r in roles_of(index, quoted, e))  # noqa: E731
    person = nearest_person(index, quoted, quote_pos, fits)
    if person is None:
        # No one is given the role in so many words ("Қасым-Жомарт Тоқаев отырысқа қатысты. «…», – деді Мемлекет
        # басшысы"): the subject the text is about, unless the article gives that person another role.
        person = nearest_person(index, quoted, quote_pos)
        person = person if person is not None and person.end <= quote_pos and not roles_of(
            index, quoted, person) else None
    if person is not None:
        return describe(index, quoted, person, "role", (role["start"], role["end"]), role)
    return {"speaker": {"text": role["text"], "norm": canonical, "entity_group": -1, "start": role["start"],
                        "end": role["end"], "mention": [role["start"], role["end"]]},
            "role": role["text"], "role_norm": canonical, "resolved_from": None}


def _capitalised_name(index: WordIndex, ws: list[Word], prefer_last: bool) -> dict | None:
    """Without a person entity (NER missing or wrong), two or three capitalised words not covered by any entity."""
    covered = [(e.start, e.end) for e in index.article.entities]
    runs: list[list[Word]] = []
    for w in ws:
        free = not any(s <= w.start < e for s, e in covered)
        if free and w.text[:1].isupper() and w.text[1:2].islower() and role_at([w], 0) is None:
            if runs and runs[-1] and index.article.text[runs[-1][-1].end:w.start].strip() == "":
                runs[-1].append(w)
                continue
            runs.append([w])
        else:
            runs.append([])
    names = [r for r in runs if 2 <= len(r) <= 3]
    if not names:
        return None
    r = names[-1] if prefer_last else names[0]
    s, e = r[0].start, r[-1].end
    text = index.article.text[s:e]
    return {"speaker": {"text": text, "norm": text, "entity_group": -1, "start": s, "end": e, "mention": [s, e]},
            "role": None, "role_norm": None, "resolved_from": None}
