"""Where the source of a cue is: the noun phrase before it (with interruptions and
appositions), after it (inverted order), and whether it can speak at all.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from analysis.measures.attribution.article import (
    _AGE_RE,
    _CLOSING,
    _END,
    _FORM,
    _START,
    _TRIVIAL_REST,
    _joinable,
    _token_form,
    _token_start,
    _Widen,
)
from analysis.measures.attribution.speakers import (
    _PARTICLE_NAME,
    _mentions_anonymity,
)
from analysis.measures.attribution.vocabulary import (
    ANON_PLURAL,
    ASIDE_OPENERS,
    CAP_FUNCTION,
    COORDINATORS,
    DESCRIPTORS,
    DETERMINERS,
    LEADING_TRIM,
    NON_SPEAKERS,
    NOUN_HOMOGRAPHS,
    NP_STOP,
    OPENING_PREPS,
    ORG_NOUNS,
    PEOPLE_PARTICIPLES,
    PLANS,
    PREP_STOP,
    PRONOUNS,
    SOURCE_NOUNS,
    SUBJECT_MODIFIERS,
    TO_ALLOWED_AFTER,
)

#: Pronoun and auxiliary in one word: how many characters the pronoun has.
CONTRACTED = {"he's": 2, "she's": 3, "they've": 4, "we've": 2, "i've": 1, "he'd": 2, "she'd": 3}
# An interruption between a source and its cue: ", who asked not to be named, ",
# ", speaking on condition of anonymity, ", "who was at the meeting " (an "-ing" word only
# after a comma: "the ranking member," is a noun phrase, not an interruption).
_INTERRUPTION_RE = re.compile(
    r"(?:,\s*(?:who\b|whose\b|which\b|[a-z]+ing\b)|\s+who\b)[^,;:“”\"]{0,90}?,?\s*$",
    re.IGNORECASE,
)
_MAX_SOURCE_TOKENS = 12
# Words that open a clause or phrase after an inverted source, not a description of it.
_NOT_APPOSITION = frozenset(
    "and but or while as because though although if when so according which where after "
    "before in on at during by with for from since until adding noting".split()
)
# What may follow an inverted source ("..., said Ekwall, ...", "said Ekwall: “...”").
_INVERTED_END = re.compile(r"\s*(?:[,.;:!?”\"’'—–)(]|$)")
# Between a name and its role: a comma, after a party bracket "(D-Ore.)," too.
_NAME_ROLE_GAPS = frozenset({",", "),", ".),"})
# A description between a name and its cue: "Rep. Jim Jordan (R-Ohio), an oversight
# panel member," is 6 words; 30 allows two appositions and stops before a clause.
_MAX_DESCRIPTION_TOKENS = 30


def _source_before(art, toks, k, hit_starts, sent_start, cue_start):
    """The noun phrase ending at token ``k`` (subject-verb order), or None."""
    text = art.text
    anon_hint = False
    if k < 0 or not _joinable(text, toks[k], toks[k + 1]):
        # Something sits between the subject and the cue: an interruption or an apposition.
        limit = toks[k + 1][_START] if k + 1 < len(toks) else cue_start
        pre = text[sent_start:limit]
        lowered = art.lowered(sent_start, limit)
        found = _apposition_long(art, art.sentence_of(cue_start), limit, hit_starts)
        if found is not None:
            return found
        # The regex needs "who"/"whose", "which" or an "-ing" word: most prefixes have none.
        interruption = (
            "who" in lowered or "ing" in lowered or ", which" in lowered
        ) and _INTERRUPTION_RE.search(pre)
        if interruption and interruption.start() > 0:
            anon_hint = _mentions_anonymity(interruption.group())
            cut = sent_start + interruption.start()
            k = bisect_right(toks, cut, key=_token_start) - 1
            if k < 0 and art.clipped_start:
                raise _Widen  # the subject lies before the window ("X, who ... , said")
            if k < 0 or toks[k][_END] > cut:
                return None
            found = _np_back(art, toks, k, hit_starts)
            if found is None:
                return None
            return (*found, anon_hint)
        found = _aside_before(art, art.sentence_of(cue_start), limit, hit_starts)
        if found is not None:
            return found
        return _apposition_before(art, toks, k, hit_starts, sent_start)
    # "a senior diplomat who asked not to be named said"
    pre_end = toks[k][_END]
    # Only a "who ..." interruption counts here: without "who" the regex cannot say yes.
    interruption = art.holds("who", sent_start, pre_end) and _INTERRUPTION_RE.search(
        text[sent_start:pre_end] + " "
    )
    if interruption and interruption.group().lstrip(", ").lower().startswith("who"):
        anon_hint = _mentions_anonymity(interruption.group())
        cut = sent_start + interruption.start()
        k = bisect_right(toks, cut, key=_token_start) - 1
        while k >= 0 and toks[k][_END] > cut:
            k -= 1
        if k < 0:
            if art.clipped_start:
                raise _Widen
            return None
    found = _np_back(art, toks, k, hit_starts)
    if found is None:
        return None
    return (*found, anon_hint)


def _aside_before(art, s_idx, limit, hit_starts):
    """``Others, however, say``, ``The mayor, in a statement on Friday, said``: a subject,
    then an aside between commas opening with one of ``ASIDE_OPENERS``. The source is the
    subject alone (PARC leaves the aside out): the tuple's fifth item says so."""
    if s_idx < 0:
        return None
    text = art.text
    sent_start = art.sentences[s_idx][0]
    last_comma = text.rfind(",", sent_start, limit)
    if last_comma < 0 or text[last_comma + 1 : limit].strip():
        return None
    first_comma = text.rfind(",", sent_start, last_comma)
    if first_comma < 0:
        return None
    aside = text[first_comma + 1 : last_comma]
    words = aside.split()
    if not words or len(words) > _MAX_SOURCE_TOKENS or any(m in aside for m in '“”";:()'):
        return None
    if words[0].lower() not in ASIDE_OPENERS:
        return None
    stoks = art._sentence_tokens(s_idx)
    k = bisect_right(stoks, first_comma, key=_token_start) - 1
    if k < 0 or text[stoks[k][_END] : first_comma].strip():
        return None
    if any(t[_START] in hit_starts for t in stoks[k + 1 :] if t[_START] < last_comma):
        return None  # a cue inside the aside is an attribution of its own
    found = _np_back(art, stoks, k, hit_starts)
    if found is None:
        return None
    before = text[sent_start : found[0]].strip()
    if before and not before.rstrip("”\"’'").endswith(","):
        return None  # the subject must open the sentence (or follow a quotation or phrase)
    return found[0], found[1], found[2], _mentions_anonymity(aside), "aside"


def _apposition_long(art, s_idx, limit, hit_starts):
    """``Greg Raiff, chief executive of a charter firm, said``: a name opening the
    sentence (or following a quotation, or an opening phrase and its comma), then a
    description of up to ``_MAX_DESCRIPTION_TOKENS`` words between commas or brackets
    (an age, a party and state, a role, a relative clause), ending just before the cue."""
    if s_idx < 0:
        return None
    text = art.text
    sent_start = art.sentences[s_idx][0]
    if not text[sent_start:limit].rstrip().endswith(","):
        return None
    stoks = art._sentence_tokens(s_idx)
    n = len(stoks)
    i = _name_start(art, stoks, sent_start)
    if i is None:
        return None
    j = i
    while (
        j < n
        and (text[stoks[j][_START]].isupper() or _PARTICLE_NAME.match(stoks[j][_FORM]))
        and stoks[j][_FORM] not in CAP_FUNCTION
        and (j == i or _joinable(text, stoks[j - 1], stoks[j]))
    ):
        j += 1
    if j == i or j - i > 8 or j >= n or stoks[j][_START] >= limit:
        return None
    gap = text[stoks[j - 1][_END] : stoks[j][_START]].strip()
    if not gap or (gap[0] not in ",(" and gap not in _NAME_ROLE_GAPS):
        return None  # ("Rep. Ann Lee (D-N.Y.), chairman of ...": the bracket's close and comma)
    last = j
    while last + 1 < n and stoks[last + 1][_START] < limit:
        last += 1
    rest = stoks[j : last + 1]
    if len(rest) > _MAX_DESCRIPTION_TOKENS:
        return None
    opener = rest[0][_FORM]
    if gap[0] == "," and not (
        text[rest[0][_START]].isupper()
        or opener[:1].isdigit()
        or opener in DETERMINERS
        or opener in SOURCE_NOUNS
        or opener in SUBJECT_MODIFIERS
        or opener in DESCRIPTORS
        or opener.endswith("'s")
        or opener == "who"
        # a place: "Ann Lee, of Lowport, said"
        or (opener == "of" and len(rest) > 1 and text[rest[1][_START]].isupper())
        or (
            # a role the lists do not name ("pastor of ...", "owner of ..."): a noun
            # followed by "of", not an aside ("for his part") or a clause
            len(rest) > 2
            and rest[1][_FORM] == "of"
            and opener not in ASIDE_OPENERS
            and opener not in NP_STOP
            and not opener.endswith(("ing", "ed", "ly"))
        )
    ):
        return None  # "Snyder, for his part, said": an aside, not a description
    rest_text = text[stoks[j][_START] : stoks[last][_END]]
    if any(mark in rest_text for mark in '“”";:') or any(t[_START] in hit_starts for t in rest):
        return None
    name = stoks[i:j]
    return name[0][_START], stoks[last][_END], name + [None] + rest, _mentions_anonymity(rest_text)


def _name_start(art, stoks, sent_start):
    """Index of the word that opens the sentence's subject: the first word (past "And",
    "Meanwhile"), the first after an opening quotation ending in a comma ("“...,” Ann
    Lee, a lawyer, said"), or the first after a short opening phrase ("On Tuesday, ...")."""
    text = art.text
    n = len(stoks)
    if not n:
        return None
    lead = text[sent_start : stoks[0][_START]].strip()
    i = 0
    if lead:
        quote = art.quote_holding(stoks[i][_START])
        if quote is None or lead not in ("“", '"', "‘", "''"):
            return None  # something but space before the name (a dash, a bracket)
        # A quotation opens the sentence: the name follows it and its comma.
        end = quote[1]
        mark = 2 if text[end - 2 : end] == "''" else 1  # two apostrophes as a quotation mark
        if text[end - mark - 1 : end - mark] != ",":
            return None
        i = bisect_right(stoks, end - 1, key=_token_start)
        if i >= n or text[end : stoks[i][_START]].strip():
            return None
        return i
    i = _past_opening_phrase(text, stoks, i)
    return i if i is not None and i < n else None


def _past_opening_phrase(text, stoks, i):
    """The token after a short opening phrase and its comma ("On Tuesday, Clinton ..."),
    from token ``i`` on (leading trim skipped first); ``i`` itself when there is none,
    None when the phrase runs eight tokens without a comma (not an opening phrase)."""
    n = len(stoks)
    while i < n and stoks[i][_FORM] in LEADING_TRIM:
        i += 1
    if i < n and stoks[i][_FORM] in OPENING_PREPS:
        j = i
        while j < n and j - i < 8 and text[stoks[j][_END] : stoks[j][_END] + 1] != ",":
            j += 1
        if j >= n or j - i >= 8:
            return None
        i = j + 1
    return i


def _sentence_subject(art, s_idx, limit, i=None):
    """The noun phrase opening sentence ``s_idx`` (before ``limit``) as a source, or None.

    For a cue whose subject is elided ("He arrived and said", "..., saying"): a pronoun,
    or a run of capitalised words, determiners and modifiers ending in a name or a source
    noun ("The Florida senator", "Former aides"), after a short opening phrase and comma.
    ``i``: the index of the sentence token where the phrase starts, when it is known.
    """
    text = art.text
    stoks = art._sentence_tokens(s_idx)
    n = len(stoks)
    if i is None:
        i = _past_opening_phrase(text, stoks, 0)
    if i is None or i >= n or stoks[i][_START] >= limit:
        return None
    first = stoks[i]
    if first[_FORM] in PRONOUNS:
        return first[_START], first[_END], [first], False
    if not (text[first[_START]].isupper() or first[_FORM] in DETERMINERS):
        return None  # not the start of a noun phrase (a clause cut by the sentence splitter)
    j = i
    last_head = -1
    while j < n and stoks[j][_START] < limit and j - i < 10:
        t = stoks[j]
        f = t[_FORM]
        if j > i and not _joinable(text, stoks[j - 1], t):
            break
        capital = text[t[_START]].isupper()
        if (capital and f not in CAP_FUNCTION) or f in SOURCE_NOUNS:
            last_head = j
        elif not (
            f in DETERMINERS
            or f in DESCRIPTORS
            or f in SUBJECT_MODIFIERS
            or f.endswith("'s")
            or _AGE_RE.fullmatch(f)
            or (f == "of" and j > i and text[stoks[j - 1][_START]].isupper())
        ):
            break
        j += 1
    if last_head < 0:
        return None
    np_toks = stoks[i : last_head + 1]
    return np_toks[0][_START], np_toks[-1][_END], np_toks, False


# Words a noun phrase read back from its cue stops before (one set lookup for three tests).
_NP_BACK_STOP = NP_STOP | PRONOUNS | {"what"}


def _np_back(art, toks, k, hit_starts):
    text = art.text
    last = toks[k]
    form = last[_FORM]
    if form in COORDINATORS:
        return None  # "arrived and said": the subject is a clause away
    if form in PRONOUNS:
        return last[_START], last[_END], [last]
    if form in CONTRACTED:
        end = last[_START] + CONTRACTED[form]
        return last[_START], end, [(last[_START], end, form[: end - last[_START]])]
    if form in NP_STOP:
        return None  # (the loop below would stop at once: nothing before the cue)
    m = k - 1
    right_start = last[_START]  # where the word after ``toks[m]`` starts
    after = form  # its form
    while m >= 0:
        start, end, f = toks[m]
        # (a single space, by far the most common gap, is checked here without a call)
        if not (
            (end + 1 == right_start and text[end] == " ") or _joinable(text, toks[m], toks[m + 1])
        ):
            break
        if f in _NP_BACK_STOP or start in hit_starts:
            break
        if (f == "and" or f == "or" or after == "to") and (
            (after == "to" and f not in TO_ALLOWED_AFTER)
            or ((f == "and" or f == "or") and (after in DETERMINERS or after in PRONOUNS))
        ):
            break
        after = f
        right_start = start
        m -= 1
    if m < 0 and art.clipped_start:
        raise _Widen
    first = m + 1
    while first <= k and (
        toks[first][_FORM] in LEADING_TRIM or toks[first][_FORM] in ("and", "or")
    ):
        first += 1
    if first > k or k - first + 1 > _MAX_SOURCE_TOKENS:
        return None
    words = toks[first : k + 1]
    if DETERMINERS.issuperset(map(_token_form, words)):  # all(), in C
        return None
    return words[0][_START], words[-1][_END], words


def _apposition_before(art, toks, k, hit_starts, sent_start):
    """``Jens Stoltenberg, NATO's chief, said``: a name, then a comma-bounded role."""
    text = art.text
    if k < 0 or text[toks[k][_END] : toks[k + 1][_START]].strip() != ",":
        return None
    role = _np_back(art, toks, k, hit_starts)
    if role is None:
        return None
    role_first = toks.index(role[2][0])
    if not (
        role[2][0][_FORM] in DETERMINERS
        or role[2][0][_FORM].endswith("'s")
        or text[role[2][0][_START]].isupper()
        or (len(role[2]) == 1 and role[2][0][_FORM].isdigit())  # an age: "Ramos, 58, said"
    ):
        return None
    n = role_first - 1
    if n < 0 or text[toks[n][_END] : toks[role_first][_START]].strip() not in _NAME_ROLE_GAPS:
        return None
    name = _np_back(art, toks, n, hit_starts)
    if name is None:
        return None
    if not any(text[t[_START]].isupper() for t in name[2]) and not all(
        text[t[_START]].isupper() for t in role[2]
    ):
        return None  # a name on one side at least ("one of the pilots, Ann Lee, said")
    name_first = toks.index(name[2][0])
    before = text[sent_start : toks[name_first][_START]].rstrip()
    # Nothing before the name, a comma, or a quotation ending in a comma ("...,” X, a
    # spokesman, said).
    if before and not before.rstrip("”\"’'").endswith(","):
        return None
    return name[0], role[1], name[2] + [None] + role[2], False


def _source_after(art, toks, i0, j1, sent_start):
    """Inverted order: ``..., said Tomas Ekwall, the alliance's secretary general.``"""
    text = art.text
    before = text[sent_start : toks[i0][_START]].rstrip()
    if not before:
        # "Said Arlo: “...”": the cue opens the sentence, its source and a colon follow.
        np = _np_forward(art, toks, j1 + 1)
        if np is None or np[2] or not text.startswith(":", toks[np[1]][_END]):
            return None
        return toks[np[0]][_START], toks[np[1]][_END], toks[np[0] : np[1] + 1], False
    if before[-1] not in "," + _CLOSING:
        return None
    np = _np_forward(art, toks, j1 + 1)
    if np is None:
        return None
    first, last, stopped_on_clause = np
    if stopped_on_clause or toks[first][_FORM] in ("of", "about"):
        return None  # "said of the ferry": what it was said about, not who said it
    src = toks[first : last + 1]
    end = toks[last][_END]
    # An apposition running to the end of the sentence belongs to the source, with its
    # own commas and relative clauses ("said Ann Lee, a lawyer from Salem, Ore., who ...").
    if last + 1 < len(toks) and text[end : toks[last + 1][_START]].strip() == ",":
        appo = _apposition_to_end(art, toks[last + 1], end)
        if appo is not None:
            src = src + [None] + appo
            end = appo[-1][_END]
    # The source ends the clause: punctuation or a time phrase follows it, not more words
    # ("..., said he also may run" is no inverted source: "he" opens a new clause).
    after = text[end : end + 1]
    if after.isalnum() or (
        after == " "
        and not _INVERTED_END.match(text, end)
        and not _TRIVIAL_REST.match(text[end : art.sentence_end_of(end)])
    ):
        return None
    return toks[first][_START], end, src, False


def _apposition_to_end(art, head, comma_end):
    """The words from ``head`` (after an inverted source and its comma) to the end of the
    sentence, when they describe the source: no quotation, clause or phrase opens them
    ("..., adding that", "..., in a statement"), at most ``_MAX_DESCRIPTION_TOKENS`` words."""
    text = art.text
    form = head[_FORM]
    if form in _NOT_APPOSITION or (form.endswith("ing") and not text[head[_START]].isupper()):
        return None
    s_idx = art.sentence_of(head[_START])
    sent_end = art.sentences[s_idx][1]
    end = sent_end
    while end > head[_START] and text[end - 1] in " .!?”\"’'\n":
        end -= 1
    rest = text[head[_START] : end]
    if any(mark in rest for mark in '“”";:‘(') or "’ " in rest:
        return None
    stoks = art._sentence_tokens(s_idx)
    i = bisect_right(stoks, head[_START] - 1, key=_token_start)
    words = [t for t in stoks[i:] if t[_END] <= end]
    if not words or len(words) > _MAX_DESCRIPTION_TOKENS or words[0][_START] != head[_START]:
        return None
    return words


def _np_forward(art, toks, first, after_comma=False):
    """``(first, last, stopped_on_clause)`` of the noun phrase starting at ``first``."""
    text = art.text
    if first >= len(toks):
        return None
    if not after_comma and not _joinable(text, toks[first - 1], toks[first]):
        return None
    if toks[first][_FORM] in PRONOUNS:
        return first, first, False
    m = first
    stopped = False
    while m < len(toks):
        t = toks[m]
        if m > first and not _joinable(text, toks[m - 1], t):
            break
        f = t[_FORM]
        if f in NP_STOP:
            stopped = True
            break
        if f in PREP_STOP and not (
            f == "to" and m > first and toks[m - 1][_FORM] in TO_ALLOWED_AFTER
        ):
            break
        m += 1
    if m == len(toks) and art.clipped_end:
        raise _Widen
    last = m - 1
    if last < first or last - first + 1 > _MAX_SOURCE_TOKENS:
        return None
    return first, last, stopped


def _valid_source(chunk, head, words, nxt, text) -> bool:
    """Whether a source whose first chunk is ``chunk`` (``_first_chunk``), with head
    ``head`` (``_head``), can speak the cue ``words``."""
    if head[_FORM] in NON_SPEAKERS:
        return False
    last = chunk[-1]
    if (
        last[_FORM].endswith(("ed", "ing", "ve", "ake", "ade"))
        and last[_FORM] not in PEOPLE_PARTICIPLES
        and not text[last[_START]].isupper()
        and words[0] in PLANS
    ):
        return False  # "unveiled plans to", "made plans to": a noun after a verb
    if words[-1] in NOUN_HOMOGRAPHS and len(words) == 1:
        # "Insurance claims": the subject must look like a speaker.
        only_initial_cap = len(chunk) == 1 and text[chunk[0][_START]].isupper()
        if only_initial_cap and not (
            head[_FORM] in PRONOUNS or head[_FORM] in ORG_NOUNS or head[_FORM] in ANON_PLURAL
        ):
            return text[chunk[0][_START] - 2 : chunk[0][_START]].strip() not in ("", ".")
    return True
