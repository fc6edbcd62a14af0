"""What was said: the content span of an attribution and its quote type
(direct, mixed, indirect), before or after the cue, across interrupted quotations.
"""

from __future__ import annotations

import re

from analysis.measures.attribution.article import (
    _CLOSING,
    _END,
    _FORM,
    _START,
    _TRIVIAL_REST,
    _Article,
    _joinable,
)
from analysis.measures.attribution.vocabulary import (
    DETERMINERS,
    NP_STOP,
    PRONOUNS,
    RECIPIENTS,
    STATEMENT_WORDS,
    TELL,
    TIME_PREPS,
    TIME_WORDS,
)

_PARTICIPLE_AFTER = re.compile(r"\s*,\s*[a-z]+ing\b")

_COMMA_LOWER = re.compile(r"\s*,\s*[a-z]")

_COMMA_QUOTE = re.compile(r"\s*,\s*(?=[“\"‘])")

# What ends the words before a source whose content came first ("“...,” he said").
_BEFORE_FRONTED_SOURCE = "," + _CLOSING + "—–"
# Words that say when or how something was said, not what ("on Thursday", "in a statement").
_NO_CONTENT_WORDS = TIME_WORDS | TIME_PREPS | STATEMENT_WORDS
# What a word of the rest is stripped of before it is looked up.
_WORD_EDGES = '.,!?;:…”"’'

_LEAD_TO_QUOTE = re.compile(
    r"[\s:,]*(?:(?:on|in|at|during|last|this|yesterday|today|earlier|later)\b[^,:;“”\"‘.!?]{0,50})?"
    r"[\s:,]*$"
)


def _content(art, toks, j1, src_start, src_end, cue_start, cue_end, inverted, s_idx, words):
    """``(start, end, quote_type)`` of what was said, or None."""
    text = art.text
    sent_start, sent_end = art.sentences[s_idx]
    if inverted:
        if not text[sent_start:cue_start].strip():
            return _content_after(art, src_end, sent_end)  # "Said Arlo: “...”"
        back = _content_before(art, sent_start, cue_start)
        if back is None:
            return None
        return _maybe_interrupted(art, back, src_end)
    after = cue_end
    if words[-1] in TELL:
        after = _skip_recipient(art, toks, j1)
    rest = text[after:sent_end]
    pre = text[sent_start:src_start].rstrip()
    if (
        pre
        and pre[-1] in _BEFORE_FRONTED_SOURCE
        and (_TRIVIAL_REST.match(rest) or rest.lstrip().startswith(","))
    ):
        back = _content_before(art, sent_start, src_start)
        if back is None:
            return None
        if _COMMA_QUOTE.match(rest):
            return _maybe_interrupted(art, back, after)
        if _COMMA_LOWER.match(rest) and not _PARTICIPLE_AFTER.match(rest):
            return back[0], sent_end, _mixed_or(art, back[0], sent_end, "indirect")
        return back
    if not pre and s_idx > 0:
        # "“Why now?” Borger asked.": the splitter ended the sentence at the quotation. (The
        # quotation first: most sentences follow none, and the rest then needs no regex.)
        quote = _asking_quote_before(art, sent_start)
        if quote is not None and _TRIVIAL_REST.match(rest):
            return quote[0], quote[1], "direct"
    if _only_time_words(rest):
        return None
    return _content_after(art, after, sent_end)


def _asking_quote_before(art, pos):
    """The quotation ending just before ``pos`` (space between) with "?" or "!" before its
    closing mark, or None."""
    text = art.text
    end = pos
    while end > 0 and text[end - 1].isspace():
        end -= 1
    quote = art.quote_ending_at(end)
    if quote is None:
        return None
    mark = 2 if text[quote[1] - 2 : quote[1]] == "''" else 1
    return quote if text[quote[1] - mark - 1 : quote[1] - mark] in ("?", "!") else None


def _skip_recipient(art, toks, j1) -> int:
    """End of the listener after a tell-verb ("told reporters", "told the BBC")."""
    text = art.text
    m = j1 + 1
    if m >= len(toks) or not _joinable(text, toks[j1], toks[m]):
        return toks[j1][_END]
    t = toks[m]
    if t[_FORM] in RECIPIENTS:
        return t[_END]
    if text[t[_START]].isupper() and t[_FORM] not in PRONOUNS:
        while (
            m + 1 < len(toks)
            and text[toks[m + 1][_START]].isupper()
            and _joinable(text, toks[m], toks[m + 1])
        ):
            m += 1
        return toks[m][_END]
    if t[_FORM] in ("the", "a", "an"):
        last = m
        while (
            last + 1 < len(toks)
            and last - m < 4
            and _joinable(text, toks[last], toks[last + 1])
            and toks[last + 1][_FORM] not in NP_STOP
            and toks[last + 1][_FORM] not in DETERMINERS
            and toks[last + 1][_FORM] not in PRONOUNS
        ):
            last += 1
        return toks[last][_END]
    return toks[j1][_END]


def _content_after(art, pos, sent_end):
    text = art.text
    start = pos
    while start < sent_end and text[start] in " :,":
        start += 1
    if start >= sent_end:
        return None
    quotes = art.quotes_starting_in(pos, sent_end)
    if quotes:
        q = quotes[0]
        lead = text[pos : q[0]]
        tail = text[q[1] : art.sentence_end_of(q[1] - 1)]
        covers = not tail.strip(" .,;!?…")
        if covers and _LEAD_TO_QUOTE.match(lead):
            return start, q[1], "direct"
        end = sent_end  # or further, if a quotation runs past the sentence's end
        for quote in quotes:
            if quote[1] > end:
                end = quote[1]
        return start, end, "mixed"
    return start, sent_end, "indirect"


def _content_before(art, sent_start, limit):
    text = art.text
    end = limit
    while end > sent_start and text[end - 1] in " ,—–-\n":
        end -= 1
    if end <= sent_start:
        return None
    q = art.quote_ending_at(end)
    if q is not None:
        q_sentence = art.sentence_of(q[0])
        lead_start = art.sentences[q_sentence][0] if q_sentence >= 0 else sent_start
        if not text[lead_start : q[0]].strip():
            return q[0], end, "direct"
        return min(lead_start, sent_start), end, "mixed"
    return sent_start, end, _mixed_or(art, sent_start, end, "indirect")


def _maybe_interrupted(art, back, pos):
    """Extend ``“Part one,” he said, “part two.”`` to the second part."""
    m = _COMMA_QUOTE.match(art.text, pos)
    if m:
        quotes = art.quotes_starting_in(m.end(), m.end() + 1)
        if quotes:
            kind = "direct" if back[2] == "direct" else "mixed"
            return back[0], quotes[0][1], kind
    return back


def _only_time_words(rest: str) -> bool:
    """True for "." or "on Thursday." or "in a statement." after a cue: no content there."""
    # Most cues are followed by a clause whose first or second word settles it ("that ...",
    # "the plan ..."): the rest is split into all its words only past those two.
    words = rest.split(None, 2)
    for word in words[:2]:
        word = word.lower().strip(_WORD_EDGES)
        if word and not (word in _NO_CONTENT_WORDS or word.isdigit()):
            return False
    return len(words) < 3 or all(
        f in _NO_CONTENT_WORDS or f.isdigit()
        for f in words[2].lower().split()
        for f in [f.strip(_WORD_EDGES)]
        if f
    )


def _mixed_or(art: _Article, start: int, end: int, default: str) -> str:
    return "mixed" if art.quotes_starting_in(start, end) else default
