"""Cue occurrences: lexicon matches aligned to words, rejected when a noun, passive,
infinitive or negated, and the auxiliaries and adverbs between a cue and its source.
"""

from __future__ import annotations

from bisect import bisect_right

from analysis.measures.attribution.article import (
    _END,
    _FORM,
    _START,
    _joinable,
)
from analysis.measures.attribution.vocabulary import (
    ADVERBS,
    AUX,
    BE,
    CLAUSE_OPENERS,
    DETERMINERS,
    INFINITIVE_VERBS,
    LY_NOUNS,
    NAMING,
    NEEDS_QUOTE,
    NEGATION,
    NOUN_HOMOGRAPHS,
    NOUN_USE_BEFORE,
    OBJECT_PRONOUNS,
    PARTICLES_AFTER_CALL,
    PRONOUN_NOT_ENOUGH,
    PRONOUNS,
    TELL,
    TIME_PREPS,
    TIME_WORDS,
)

# "by saying", "while insisting": a participle after these is a cue whose source is the
# sentence's subject.
_BEFORE_PARTICIPLE = frozenset({"by", "while", "after", "before", "when", "without"})

_CONTINUATION = frozenset({("went", "on"), ("goes", "on"), ("go", "on"), ("going", "on")})


def _cue_hits(automaton, phrases, folded: str, sentences) -> list[tuple[int, int, str, str, int]]:
    """Longest non-overlapping lexicon matches aligned to word tokens, with their sentence.

    ``automaton`` finds the phrases ``phrases`` (phrase, class, is a sourcing phrase) by
    their index, every match, overlapping ones included.
    """
    size = len(folded)
    raw = []
    for index, start, end in automaton.find_matches_as_indexes(folded, overlapping=True):
        # A match is a cue only as whole words: no letter, digit, hyphen or apostrophe
        # joins it to the text on either side ("essay", "says", "-said", "said'").
        before = folded[start - 1] if start else " "
        after = folded[end] if end < size else " "
        if before.isalnum() or before in "-'" or after.isalnum() or after in "-'":
            continue
        raw.append((start, -end, index))
    raw.sort()  # by start, the longest first (no tie: one phrase per span)
    sentence_ends = [end for _, end in sentences]
    n_sentences = len(sentences)
    hits = []
    sourcing_hits = []
    verb_sentences = set()
    last_end = -1
    for start, neg_end, index in raw:
        if start < last_end:
            continue
        # sentence_index(sentences, start), by bisection over the sentence ends
        s = bisect_right(sentence_ends, start)
        if s >= n_sentences or sentences[s][0] > start:
            continue
        phrase, cue_class, sourcing = phrases[index]
        last_end = -neg_end
        hit = (start, last_end, phrase, cue_class, s)
        hits.append(hit)
        if sourcing:
            sourcing_hits.append(hit)
        else:
            verb_sentences.add(s)
    # A sourcing phrase ("in a statement") yields to a verb cue in its sentence.
    if sourcing_hits and verb_sentences:
        dropped = {h for h in sourcing_hits if h[4] in verb_sentences}
        if dropped:
            return [h for h in hits if h not in dropped]
    return hits


def _cue_usable(text, toks, i0, j1, words, nxt, hit_starts) -> bool:
    """Reject noun uses, passives, infinitives and negations of the cue."""
    prev = toks[i0 - 1] if i0 > 0 else None
    if prev is not None and not (
        # (a single space, by far the most common gap, is checked here without a call)
        (prev[_END] + 1 == toks[i0][_START] and text[prev[_END]] == " ")
        or _joinable(text, prev, toks[i0])
    ):
        prev = None
    if (
        words[0] != "according"
        and prev is not None
        and prev[_FORM] in NOUN_USE_BEFORE
        and not (words[-1].endswith("ing") and prev[_FORM] in _BEFORE_PARTICIPLE)
    ):
        return False  # "the said agreement", "amid calls for"; not "by saying"
    if words[-1] in TELL and nxt is not None and nxt[_FORM] == "to":
        return False  # "told to leave"
    if words[-1] in NEEDS_QUOTE and nxt is not None and nxt[_FORM] in PARTICLES_AFTER_CALL:
        return False  # "called on", "called for": not naming a quotation
    if (
        words[-1] in NAMING
        and prev is not None
        and prev[_FORM] not in PRONOUNS
        and prev[_FORM] != "who"
        and not text[prev[_START]].isupper()
        and any(t[_FORM] in ("a", "an") for t in toks[max(0, i0 - 4) : i0 - 1])
        and _names_what_follows(text, toks, j1, nxt)
    ):
        return False  # "a company called Lowport Ferries", "a class called “Perception”"
    if words in _CONTINUATION:  # "went on to say ..."
        return nxt is not None and nxt[_FORM] == "to"
    if words[-1] in NOUN_HOMOGRAPHS and len(words) == 1:
        # "insurance claims rose": a verb cue is followed by its clause; after a pronoun
        # subject or an auxiliary it is a verb whatever follows ("he vows to", "she calls
        # them", "did not mention").
        if (
            prev is not None
            and words[-1] not in PRONOUN_NOT_ENOUGH
            and (
                prev[_FORM] in PRONOUNS
                or prev[_FORM] == "who"
                or prev[_FORM] in AUX
                or prev[_FORM] in NEGATION
                or prev[_FORM].endswith("n't")
                # "is warning voters": a progressive
                or (prev[_FORM] in BE and words[-1].endswith("ing"))
            )
        ):
            return True
        if words[-1] in NAMING and nxt is not None and nxt[_FORM] in OBJECT_PRONOUNS:
            return True  # "call them “lone wolves”": a naming verb and its object
        if nxt is None:
            gap = text[toks[j1][_END] : toks[j1][_END] + 3]
            return bool(gap.strip()[:1] in (":", "“", '"', ".", ","))
        if not (nxt[_FORM] in CLAUSE_OPENERS or text[nxt[_START]].isupper()):
            return False
    return True


def _names_what_follows(text, toks, j1, nxt) -> bool:
    """A name or a quotation right after the cue ("called Lowport Ferries", "called
    “Perception”"): after an indefinite noun ("a company called") it names that noun."""
    if nxt is not None:
        return text[nxt[_START]].isupper()
    after = text[toks[j1][_END] : toks[j1][_END] + 3].lstrip()
    return after[:1] in ("“", '"', "‘") or after[:2] == "''"


def _skip_back(toks, i0, text, single_word: bool) -> int | None:
    """Index of the token ending the source, past auxiliaries, adverbs and time words.

    None when the cue is passive ("it is said") or an infinitive ("declined to
    say"); a negation is skipped like an auxiliary ("did not say").
    """
    k = i0 - 1
    # "quoted as saying" is passive by nature; "has been saying" is active.
    passive_check = single_word and not toks[i0][_FORM].endswith("ing")
    seen_be = False
    while k >= 0 and (
        # (a single space, by far the most common gap, is checked here without a call)
        (toks[k][_END] + 1 == toks[k + 1][_START] and text[toks[k][_END]] == " ")
        or _joinable(text, toks[k], toks[k + 1])
    ):
        f = toks[k][_FORM]
        if f in BE:
            seen_be = True
            k -= 1
            continue
        if f in NEGATION or f.endswith("n't"):
            # "did not say", "has never denied": PARC annotates negated cues, the negation
            # in the cue span ("did not say"); the source is the subject as usual.
            k -= 1
            continue
        if f == "to":
            # "went on to say": the cue starts at the verb before "to", and the source is
            # that verb's subject; otherwise an infinitive ("declined to say").
            if (
                k > 0
                and toks[k - 1][_FORM] in INFINITIVE_VERBS
                and _joinable(text, toks[k - 1], toks[k])
            ):
                k -= 2
                continue
            return None
        if f in AUX or f in ADVERBS or (f.endswith("ly") and _ly_adverb(toks, k, text)):
            k -= 1
            continue
        if f in TIME_WORDS or (f.isdigit() and k > 0 and toks[k - 1][_FORM] in TIME_WORDS):
            k -= 1
            while k >= 0 and toks[k][_FORM] in TIME_PREPS and _joinable(text, toks[k], toks[k + 1]):
                k -= 1
            continue
        break
    if seen_be and passive_check:
        return None
    if k >= 0 and toks[k][_FORM] == "it's" and passive_check:
        return None
    return k


def _ly_adverb(toks, k, text) -> bool:
    t = toks[k]
    if not t[_FORM].endswith("ly") or text[t[_START]].isupper() or t[_FORM] in LY_NOUNS:
        return False
    return k > 0 and toks[k - 1][_FORM] not in DETERMINERS and not toks[k - 1][_FORM].endswith("'s")
