"""Who a source is: a canonical speaker name, its kind and whether it is anonymous.

Names are capitalised runs minus titles, surnames expanded to the full name seen before,
"the prime minister" linked to the person named with that role, he/she/they/it resolved to
the nearest fitting source; anonymity from the source's head noun or a phrase such as
"who asked not to be named".
"""

from __future__ import annotations

import re
from bisect import bisect_left

from analysis.measures.attribution.article import (
    _AGE_RE,
    _END,
    _FORM,
    _START,
    _Article,
    _first_chunk,
    _head,
    _Tok,
)
from analysis.measures.attribution.vocabulary import (
    ANON_PLURAL,
    ANON_SINGULAR,
    CAP_FUNCTION,
    COMMON_HEAD_NOUNS,
    DESCRIPTORS,
    DETERMINERS,
    DOC_NOUNS,
    GENERIC_PERSON,
    INDEFINITE,
    ON_RECORD,
    ORG_NOUNS,
    ORG_WORDS,
    PERSON_PRONOUNS,
    PERSON_ROLES,
    PRONOUNS,
    TIME_WORDS,
    TITLE_WORDS,
)

# "who asked not to be named", "speaking on condition of anonymity", "unnamed".
ANONYMITY_RE = re.compile(
    r"\b(?:(?:asked|requested|wished|declined|refused|spoke|speaking|talked|talking|agreed)"
    r"\b[^.;]{0,30}?(?:not\s+to\s+be\s+(?:named|identified)|anonymity|anonymously"
    r"|to\s+be\s+(?:named|identified))|on\s+(?:the\s+)?condition\s+of\s+anonymity"
    r"|not\s+authori[sz]ed\s+to\s+(?:speak|talk|comment)|unnamed|anonymous)\b",
    re.IGNORECASE,
)

_PARTICLE_NAME = re.compile(
    r"^(?:al|el|ad|as|ash|bin|ibn|bint|de|del|della|der|di|da|du|dos|van|von|le|la|abu|ben)$"
)
# How many sentences back "the prime minister" looks for a person with that role.
_ROLE_LOOKBACK = 8
# How many sentences back a pronoun looks for a person mention: bounded, so an article
# of thousands of pronoun attributions and no names costs attributions x this, not x sentences.
_PRONOUN_LOOKBACK = 100


def _speaker(art, src_toks, src_start) -> tuple[str, str, bool]:
    """``(speaker, kind, anonymous)`` for a source phrase."""
    chunk = _first_chunk(src_toks)
    return _speaker_of(art, chunk, _head(chunk, art.text), src_start)


def _speaker_of(art, chunk, head, src_start) -> tuple[str, str, bool]:
    """:func:`_speaker` given the source's first chunk and its head (the caller has them)."""
    text = art.text
    if len(chunk) == 1 and head[_FORM] in PRONOUNS:
        return _resolve_pronoun(art, head[_FORM], src_start)
    phrase = text[chunk[0][_START] : chunk[-1][_END]]
    if head[_FORM] in ANON_PLURAL or head[_FORM] in ANON_SINGULAR:
        plain = _strip_the(phrase, chunk).lower()
        return plain, ("plural" if head[_FORM] in ANON_PLURAL else "person"), True
    if head is chunk[-1]:
        pre_head = chunk
    else:
        # "Concord of Nations envoy Dr. Amara Solen": the head breaks at "of",
        # but a titled person at the end of the phrase is the one speaking.
        titled = _name_in(art, chunk, src_start)
        if titled is not None and titled[1] == "person":
            return titled
        pre_head = chunk[: chunk.index(head) + 1]
    name = _name_in(art, pre_head, src_start)
    if name is not None:
        return name
    if text[head[_START]].isupper() and not (head is chunk[0] and head[_FORM] in COMMON_HEAD_NOUNS):
        return _strip_the(phrase, chunk), "org", False
    if head[_FORM] in ORG_NOUNS or head[_FORM] in ON_RECORD:
        return _strip_the(phrase, chunk, lower_initial=True), "org", False
    # (Names and organisations, the common sources, returned above without these.)
    plain = _strip_the(phrase, chunk).lower()
    det = chunk[0][_FORM] if chunk[0][_FORM] in DETERMINERS else ""
    if head[_FORM] in DOC_NOUNS:
        plural = head[_FORM].endswith("s") and head[_FORM] not in ("analysis", "data")
        return plain, "document", plural and not det
    if head[_FORM] in PERSON_ROLES or head[_FORM] in GENERIC_PERSON:
        linked = _link_description(art, chunk, head, src_start)
        if linked is not None:
            return linked, "person", False
        return plain, "person", det in INDEFINITE
    if det in INDEFINITE:
        return plain, "person", True
    if not det and head[_FORM].endswith("s") and not head[_FORM].endswith("ss"):
        return plain, "plural", True
    return plain, "other", False


def _strip_the(phrase: str, chunk: list[_Tok], lower_initial: bool = False) -> str:
    """Drop a leading "the"; lower-case a common noun capitalised by the sentence start."""
    offset = chunk[0][_START]
    if chunk[0][_FORM] in ("the", "these", "those") and len(chunk) > 1:
        phrase = phrase[chunk[1][_START] - offset :]
        first = chunk[1]
    else:
        first = chunk[0]
    # ``phrase`` now starts with ``first``
    if lower_initial and phrase[:1].isupper() and first[_FORM].upper() != phrase.split()[0]:
        phrase = phrase[:1].lower() + phrase[1:]
    return phrase


def _name_in(art: _Article, toks: list[_Tok], src_start: int) -> tuple[str, str, bool] | None:
    """A person's canonical name in the source words, titles stripped, surnames expanded."""
    text = art.text
    last = toks[-1]
    if not (
        text[last[_START]].isupper()
        and last[_FORM] not in DETERMINERS
        and last[_FORM] not in CAP_FUNCTION
        or _PARTICLE_NAME.match(last[_FORM].split("-")[0])
    ):
        return None  # the name must end the phrase, and its last word cannot join one
    run: list[_Tok] = []
    for t in toks:
        if (
            text[t[_START]].isupper()
            and t[_FORM] not in DETERMINERS
            and t[_FORM] not in CAP_FUNCTION
            or run
            and _PARTICLE_NAME.match(t[_FORM].split("-")[0])
        ):
            run.append(t)
        else:
            run = []
    if not run or run[-1] is not toks[-1]:
        return None
    forms = [t[_FORM].rstrip(".") for t in run]
    if not ORG_WORDS.isdisjoint(forms) or not TIME_WORDS.isdisjoint(forms):
        return None
    if text[last[_START] : last[_END]].isupper() and len(last[_FORM]) > 1:
        return None  # an acronym ends the run (``last`` is ``run[-1]``)
    cut = 0
    for i, f in enumerate(forms):
        if f in TITLE_WORDS:
            cut = i + 1
    name = run[cut:]
    if not name:
        return None
    full = text[name[0][_START] : name[-1][_END]]
    if len(name) == 1:
        expanded = _expand_surname(art, full, src_start)
        if expanded:
            return expanded, "person", False
        return full, ("person" if cut else "name"), False
    return full, "person", False


def _expand_surname(art: _Article, surname: str, before: int) -> str | None:
    """The latest full name seen before ``before`` that ends with ``surname``."""
    best = art.full_name_spoken(surname, before)
    if best is None:
        return art.full_name_before(surname, before)
    return best


def _link_description(art: _Article, chunk: list[_Tok], head: _Tok, before: int) -> str | None:
    """Link "the 78-year-old politician" / "the prime minister" to a person named earlier."""
    if chunk[0][_FORM] != "the":
        return None
    nearest = None
    for mention in art.mentions_back(before, _ROLE_LOOKBACK):
        nearest = nearest or mention
        if head[_FORM] in mention.roles:
            return mention.name
    forms = {t[_FORM] for t in chunk}
    descriptive = (
        head[_FORM] in GENERIC_PERSON
        or forms & DESCRIPTORS
        or any(_AGE_RE.fullmatch(f) for f in forms)
    )
    if descriptive and nearest is not None:
        gap = art.sentence_of(before) - art.sentence_of(nearest.start)
        if gap <= 2:
            return nearest.name
    return None


def _resolve_pronoun(art: _Article, pronoun: str, before: int) -> tuple[str, str, bool]:
    """he/she -> nearest person; they -> nearest group; it -> nearest organisation."""
    if pronoun in PERSON_PRONOUNS:
        best: tuple[int, str, bool] | None = None
        spoken = art.last_spoken(("person", "name"), before)  # the last one named before it
        if spoken is not None:
            best = (spoken.start, spoken.speaker, spoken.anonymous)
        mention = next(art.mentions_back(before, _PRONOUN_LOOKBACK), None)
        if mention is not None and (best is None or mention.start > best[0]):
            best = (mention.start, mention.name, False)
        if best is not None:
            # A later bare-surname mention of the same person is still that person.
            later = art.latest_surname(best[0], before)
            if later is not None:
                best = (later[0], later[1], False)
            return best[1], "person", best[2]
        return "", "other", False
    wanted = {"they": ("org", "plural"), "it": ("org", "document", "name")}.get(pronoun)
    if wanted:
        spoken = art.last_spoken(wanted, before)
        if spoken is not None:
            return spoken.speaker, spoken.kind, spoken.anonymous
    return "", "other", False


#: Substrings without which ``ANONYMITY_RE`` cannot match (lower case).
ANONYMITY_HINTS = ("anonym", "named", "identified", "authori")


def _mentions_anonymity_in(art: _Article, start: int, end: int) -> bool:
    """``_mentions_anonymity(art.text[start:end])``, the substring test done by bisecting
    the places of ``ANONYMITY_HINTS`` in the article, found once (most sources have none
    near them, and this runs once per attribution)."""
    if not art.folded_is_lower:
        return _mentions_anonymity(art.text[start:end], art.lowered(start, end))
    places = art.anonymity_hints
    if places is None:
        folded = art.folded
        spans = []
        for hint in ANONYMITY_HINTS:
            at = folded.find(hint)
            while at >= 0:
                spans.append((at, at + len(hint)))
                at = folded.find(hint, at + 1)
        spans.sort()
        places = art.anonymity_hints = ([a for a, _ in spans], [b for _, b in spans])
    starts, ends = places
    i = bisect_left(starts, start)
    while i < len(starts) and starts[i] < end:
        if ends[i] <= end:
            return bool(ANONYMITY_RE.search(art.text[start:end]))
        i += 1
    return False


def _mentions_anonymity(text: str, lowered: str | None = None) -> bool:
    """True if ``text`` says the source is unnamed (cheap substring test before the regex).

    ``lowered`` is ``text.lower()``, or a stand-in for it from :meth:`_Article.lowered`.
    """
    if lowered is None:
        lowered = text.lower()
    # (the substrings are ANONYMITY_HINTS, written out: four ``in`` tests beat a loop)
    return (
        "anonym" in lowered or "named" in lowered or "identified" in lowered or "authori" in lowered
    ) and bool(ANONYMITY_RE.search(text))
