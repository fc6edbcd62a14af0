"""Rule-based attribution: who is quoted, directly or indirectly, with which verb.

:class:`AttributionFinder` compiles the cue lexicon (``cue -> cue_class``) once
into an Aho-Corasick automaton (a DFA, ``ahocorasick_rs``); :meth:`AttributionFinder.find`
finds the cue occurrences with it over the folded text in one pass in Rust and only runs the per-form
rules around them.

Forms recognised (S = source, C = cue, Q = quotation):

- ``S C that ...`` / ``S C ...`` (indirect, content after the cue), with
  auxiliaries, adverbs and time words between S and C skipped
  ("The coalition has already said that ...", "X has strongly condemned ...");
- ``S C: “Q”`` / ``S C, “Q”`` (direct);
- ``..., S C.`` and ``“Q,” S C.`` (content before; the quote may span several
  sentences, the span then starts at its opening mark);
- ``“Q1,” S C, “Q2.”`` (interrupted quote: both parts are in the span);
- ``..., C S.`` / ``“Q,” C S, the alliance's secretary general.`` (inverted);
- ``the deployment, S C, was temporary`` (parenthetical);
- ``according to S`` (source after the cue; the content is the sentence);
- ``Q was first reported by S`` (passive with its agent);
- ``C that Q, S ...`` (a participle opening the sentence: "Noting that ..., Ramos said");
- ``In S, Q`` (a poll or survey opening the sentence: "In a Ledger poll, 52 percent ...");
- ``S, the former prime minister, C ...`` and ``S, who asked not to be named,
  C ...`` (appositive and relative/participial interruptions);
- ``X arrived and said ...``, ``“Q,” X said, adding ...`` and ``X ..., saying ...``
  (elided subject: the sentence's opening noun phrase, or the source just before);
- ``X, who said ...`` (the source span is "who"; the speaker its antecedent);
- ``X went on to say``, ``X tried to explain`` (a verb and "to" before the cue).

Spans follow PARC where that is reasonable: the source is the whole noun phrase, an
apposition or relative clause before the cue included ("Rep. Jim Jordan (R-Ohio), an
oversight panel member"), and the cue holds the auxiliaries, adverbs and particles
around the verb ("has strongly condemned", "railed against"); ``pattern`` keeps the
lexicon phrase ("condemned"). ``quote_type`` is "direct" when the content is one
quotation, "mixed" when a quotation sits inside indirect content ("called the vote
“a disgrace”"), and "indirect" otherwise. Cues inside a quotation (curly, straight, or
two apostrophes ``''`` as some wire text has it) are nested speech and are ignored.
Cue classes ``belief`` (what the source thinks or wants) and ``evidence`` (a poll,
study or document as the source) come from the cue lexicon like the others; each
attribution gets a source type (``source_types``).

Measured on PolNeAR's train and dev splits with ``bench/validity/polnear.py``
(figures in ``docs/validity.md``).

Decisions:

- the lexicon decides what is speech: with the bundled ``called on`` cue,
  "X called on the US to ..." is an (indirect) attribution; bare call/describe
  verbs (the ``needs_quote`` word list) count only with a quotation ("called the vote
  “a disgrace”");
- documents are sources: "a report said" -> source "a report", not anonymous
  (a citable record); plural unspecified documents ("according to reports")
  are anonymous, like "officials";
- "a ministry spokesman" is an on-record office, not anonymous;
- an anonymous speaker is its phrase lower-cased minus a leading "the"
  ("officials", "a source close to the minister");
- a pronoun with no antecedent gets speaker "" and anonymous False (unknown);
- a sourcing phrase such as "in a statement" is dropped when the sentence has
  another cue, so "the ministry said in a statement" counts once.

- an evidence verb with a source that is no poll, study or record is a statement when a
  that-clause or a quotation follows or precedes it ("the auditor found that ...",
  "“...,” she concluded"), classed neutral; otherwise it is no attribution ("he found
  a wallet");
- a naming verb counts without a quotation when an object and "a"/"an" follow ("called
  the plan a disgrace"), not before its own particle or an object alone ("called a
  meeting", "called the police");
- a passive cue with its agent is the agent's ("was first reported by the Ledger"); the
  cue runs from the auxiliary to the verb, "by" left out as PolNeAR mostly does; a passive
  without an agent has no source and is no attribution;
- a refusal to speak ("declined to comment", "refused to say") is an attribution, as PARC
  marks it, classed neutral (no class of its own: the stance shares stay comparable), its
  cue the verb alone; "declined to be named" is anonymity, not a refusal;
- a negated cue is an attribution, the negation in its cue span ("did not say"), as
  PARC annotates it;
- a belief cue inside the reported content of another attribution ("he said he does not
  believe ...") is part of that statement, not an attribution of its own (PARC marks each
  word in one attribution; and it is the source's word, not the writer reading a mind);
- the cue span holds when and how it was said after the verb ("said Tuesday", "said in
  a statement"), not a time before it ("the ministry on Tuesday said").

Known limits (rule-based, no parser): complex syntax is missed (a subject
that does not open its sentence for an elided cue, fronted content without a
comma, nominal cues such as "his call for", sources longer than 12 words without
commas);
noun/verb homographs are guarded by heuristics, not tagging ("maintained the
roads" still matches); straight single quotes are not treated as quotation
marks; speaker linking is heuristic (nearest preceding person for he/she, no
gender; nearest organisation or plural source for they/it) and person names
are capitalised runs filtered by title and organisation word lists.

Speed: per cue occurrence only a ~100-character window around the cue is
read (the whole sentence only when a phrase runs into the window's edge), and
person mentions are parsed per sentence on first need (for a bare surname's full
name, only in sentences where a name can end in it). The cost is dominated by the
number of cue occurrences: on the bench corpus (about 25 an article) the stage
runs about 4.0M CPU instructions an article, 0.28x bare VADER's
(``bench/instructions.py --stages``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from operator import attrgetter

from ahocorasick_rs import AhoCorasick, Implementation

from analysis.measures.attribution.article import (
    _END,
    _FORM,
    _START,
    _Article,
    _first_chunk,
    _fold,
    _head,
    _joinable,
    _token_start,
    _Widen,
)
from analysis.measures.attribution.content import (
    _content,
    _content_after,
    _content_before,
)
from analysis.measures.attribution.cues import (
    _BEFORE_PARTICIPLE,
    _CONTINUATION,
    _cue_hits,
    _cue_usable,
    _skip_back,
)
from analysis.measures.attribution.source_types import source_type
from analysis.measures.attribution.sources import (
    CONTRACTED,
    _np_back,
    _np_forward,
    _sentence_subject,
    _source_after,
    _source_before,
    _valid_source,
)
from analysis.measures.attribution.speakers import (
    _mentions_anonymity_in,
    _speaker_of,
    _Speakers,
    _Spoken,
)
from analysis.measures.attribution.vocabulary import (
    ADD,
    ADVERBS,
    AGENT_END,
    ANONYMOUS_ACTS,
    AUX,
    BE,
    BY_MEDIUM,
    CUE_PARTICLES,
    ELIDED_AFTER,
    EVIDENCE_NOUNS,
    FIRST_SECOND,
    NAMING,
    NEEDS_QUOTE,
    NEGATION,
    NON_SPEAKERS,
    NOUN_USE_BEFORE,
    OBJECT_NOT_SPEECH,
    PASSIVE_NOT_SPEECH,
    POLL_NOUNS,
    PRONOUNS,
    RECALLED_OBJECTS,
    REFUSALS,
    SAY,
    SOURCE_NOUNS,
    SPEAK,
    SPEAK_NOT_SPEECH,
    TELL,
    TIME_PREPS,
    TIME_WORDS,
)
from analysis.records import Evidence
from analysis.text import QUOTE_FOLD, tokenize

_by_start_then_cue = attrgetter("start", "cue_start")
_cue_class = attrgetter("cue_class")


def _by_medium(toks, j1) -> bool:
    """The cue ending at token ``j1`` is followed by "by" and a medium ("said by
    telephone"): how it was said, not a passive agent ("a group backed by")."""
    return j1 + 2 < len(toks) and toks[j1 + 2][_FORM] in BY_MEDIUM


# A cue and the word after it that make it an act or a passive participle, not speech.
_NOT_SPEECH_PAIRS = frozenset(
    [
        (verb, after)
        for verb in ("blame", "blames", "blamed", "agree", "agrees", "agreed", "agreeing")
        for after in ("on", "to")
    ]
    # "X reported from Los Angeles": a byline, not a report.
    + [(verb, "from") for verb in ("reported", "reports", "reporting")]
)


# "called the plan a disgrace", "called him a liar": an object (not "a"/"an" itself, no
# preposition or clause word), then "a"/"an" opening what it was called.
_NAMED_AS = re.compile(
    r"[ ]+(?!(?:a|an|for|on|off|up|out|in|back|it quits)\b)"
    r"(?:(?!(?:a|an|at|on|in|for|to|from|with|by|after|before|when|and|or|but|that|as|during|of)\b)"
    r"[\w'’.-]+[ ]+){1,6}(?:a|an)[ ]+\w",
    re.IGNORECASE,
)

# "in" and a poll or survey as the source of a finding ("In a Ledger poll, 52 percent ..."):
# up to eight words of the noun phrase before the head noun.
_POLL_STEMS = tuple({word[:4] for word in POLL_NOUNS})  # cheap substring checks first
_IN_POLL = re.compile(
    r"(?<![\w'-])(in)[ ]+((?:[^\s,;:.!?“”\"()]+[ ]+){0,8}?(?:"
    + "|".join(sorted(map(re.escape, POLL_NOUNS), key=len, reverse=True))
    + r"))(?![\w'-])"
)
# What may follow the poll's head noun inside its phrase: "released Monday", "of likely voters".
_POLL_TAIL = re.compile(
    r"(?:[ ]+(?:released|conducted|taken|published|out)\b[^,;:.!?“”\"]{0,60}(?=,))"
    r"|(?:[ ]+of[ ]+(?:[\w'-]+[ ]+){0,3}?(?:voters|adults|americans|residents|republicans"
    r"|democrats|people|respondents)\b)",
    re.IGNORECASE,
)


def _refused_act(text, toks, j1, nxt) -> bool:
    """A refusal cue ("declined to") is followed by the act refused ("comment", "say"), not
    an amount ("declined to $281 million") or anonymity ("declined to be named")."""
    if nxt is None or not nxt[_FORM].isalpha() or not text[nxt[_START]].islower():
        return False
    return not (nxt[_FORM] == "be" and j1 + 2 < len(toks) and toks[j1 + 2][_FORM] in ANONYMOUS_ACTS)


def _in_poll_openings(folded, sentences) -> list:
    """Matches of ``_IN_POLL`` opening a sentence. Only there: "X leads in the polls" is
    marked as the poll's finding by PolNeAR's annotators about one time in four (train).
    An article naming no poll or survey costs two substring searches."""
    if not any(stem in folded for stem in _POLL_STEMS):
        return []
    found = []
    for start, end in sentences:
        while start < end and folded[start].isspace():
            start += 1
        if folded.startswith("in ", start):
            match = _IN_POLL.match(folded, start, end)
            if match is not None:
                found.append(match)
    return found


# Words between "recalled" and its object ("recalled its ambassador").
_OBJECT_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "all"})


# What PolNeAR's annotators mostly keep in a cue span after the verb: the written channel
# ("said in a statement", "wrote on Twitter") and how often ("said recently", "has said
# repeatedly"); a weekday or "in an interview" they mostly leave out (measured on train).
_CUE_TAIL = re.compile(
    r"(?:[ ]+(?:(?:in|on|via)[ ]+(?:(?:an?|the|his|her|their|its)[ ]+)?"
    r"(?:[\w'’-]+[ ]+){0,2}?(?:statement|e-?mail|letter|twitter|facebook|tweet|post|op-ed"
    r"|memo|release)s?|recently|repeatedly|twice|then)\b)+",
    re.IGNORECASE,
)

#: The rules read a sentence from its start for every cue in it, so a "sentence" of
#: hundreds of thousands of characters (no full stop, or "no." read as an abbreviation)
#: would cost cues x length. Longer sentences are cut, for the rules only, into pieces
#: of at most this many characters (at a space); real sentences are far shorter.
MAX_RULE_SENTENCE = 2_000


def rule_sentences(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``sentences`` with every one longer than :data:`MAX_RULE_SENTENCE` cut into pieces
    (the same list when none is; a piece ends at the last space before the limit)."""
    if all(end - start <= MAX_RULE_SENTENCE for start, end in sentences):
        return sentences
    pieces = []
    for start, end in sentences:
        while end - start > MAX_RULE_SENTENCE:
            cut = text.rfind(" ", start + MAX_RULE_SENTENCE // 2, start + MAX_RULE_SENTENCE)
            cut = cut + 1 if cut > 0 else start + MAX_RULE_SENTENCE
            pieces.append((start, cut))
            start = cut
        pieces.append((start, end))
    return pieces


def _without_reported_beliefs(found: list[Evidence]) -> list[Evidence]:
    """``found`` minus belief cues inside the reported content of another attribution.

    "He said he does not believe the count": the belief is part of what he said (the
    source's own words, not the writer reading his mind), and PARC marks each token in one
    attribution only. ``found`` is in text order of the cues.
    """
    if "belief" not in map(_cue_class, found):
        return found  # (most articles: no belief cue to take out)
    kept = []
    reach = -1  # the end of the latest content that follows its cue
    for evidence in found:
        if evidence.cue_class == "belief" and evidence.cue_start < reach:
            continue
        kept.append(evidence)
        if evidence.end > evidence.cue_end and evidence.end > reach:
            reach = evidence.end
    # Content before its source ("He believes the count was wrong, aides said").
    fronted = [
        (e.start, e.source_start if e.source_start < e.cue_start else e.cue_start)
        for e in kept
        if e.cue_class != "belief" and e.start < e.source_start and e.start < e.cue_start
    ]
    if fronted:
        kept = [
            e
            for e in kept
            if e.cue_class != "belief"
            or not any(start <= e.cue_start < end for start, end in fronted)
        ]
    return kept


def _outside_brackets(text: str, src_toks: list) -> list:
    """The source's words minus those inside a bracket ("(D-Ore.)"): a party and state
    belong to the source span but not to the speaker's name."""
    out = []
    inside = False
    for t in src_toks:
        if t is None:
            inside = False
        elif text[t[_START] - 1] == "(":
            inside = True
        if not inside:
            out.append(t)
        if t is not None and inside and text[t[_END] : t[_END] + 2] in (")", ".)", ")."):
            inside = False
    return out if any(t is not None for t in out) else src_toks


class AttributionFinder:
    """Finds attributions (source, cue, content) with a cue lexicon compiled once.

    >>> finder = AttributionFinder({"said": "neutral"})
    >>> text = "“We agreed,” he said."
    >>> [(e.source, e.cue, e.quote_type) for e in finder.find(text, [(0, len(text))], "a1")]
    [('he', 'said', 'direct')]
    """

    def __init__(self, cues: dict[str, str]):
        classes: dict[str, str] = {}  # (two spellings of one phrase: the last one's class)
        for phrase, cue_class in cues.items():
            key = " ".join(phrase.lower().translate(QUOTE_FOLD).split())
            if key:
                classes[key] = cue_class
        # Each phrase's words, split once here rather than once per occurrence.
        self._cue_words = {key: tuple(key.split()) for key in classes}
        # (phrase, class, is a sourcing phrase such as "in a statement"), by pattern index
        self._cue_phrases = [
            (key, cue_class, self._cue_words[key][0] in NOUN_USE_BEFORE)
            for key, cue_class in classes.items()
        ]
        self._empty = not self._cue_phrases
        if not self._empty:
            # A DFA: the fastest scan (a third of an NFA's time over the bench articles),
            # for a few hundred kilobytes with a lexicon of some hundred phrases.
            self._automaton = AhoCorasick(
                [key for key, _, _ in self._cue_phrases], implementation=Implementation.DFA
            )

    def find(
        self,
        text: str,
        sentences: list[tuple[int, int]],
        article_id: str,
        field: str = "text",
        tokens: list[tuple[int, int, str]] | None = None,
        token_starts: list[int] | None = None,
    ) -> list[Evidence]:
        """Attributions in ``text`` (one per cue occurrence at most), in text order.

        ``tokens`` may pass ``analysis.text.tokenize(text)`` when the caller has it, and
        ``token_starts`` those tokens' start offsets.
        """
        if self._empty or not text or not sentences:
            return []
        given, sentences = sentences, rule_sentences(text, sentences)
        folded = _fold(text)
        hits = _cue_hits(self._automaton, self._cue_phrases, folded, sentences)
        polls = _in_poll_openings(folded, sentences)
        if not hits and not polls:
            return []
        # (An ASCII ``folded`` comes from ASCII text with curly quotes: no character there
        # lower-cases to two, and the second lower() of the whole text is skipped.)
        folded_is_lower = folded.isascii() or len(text.lower()) == len(text)
        if not folded_is_lower:
            tokens = token_starts = None  # tokenize's forms are not ``folded``'s slices then
        elif tokens is None:
            tokens = tokenize(text)
            token_starts = None
        art = _Article(text, folded, sentences, tokens, folded_is_lower, token_starts)
        art.speakers = _Speakers(art)
        hit_starts = {h[0] for h in hits}
        found: list[Evidence] = []
        attribution_in = self._attribution_in
        for hit in hits:
            if art.quote_holding(hit[0]):
                continue
            # (inline: one call less per cue) a phrase that ran into the window's edge
            # is looked at again on the whole sentence
            try:
                evidence = attribution_in(art, hit, hit_starts, article_id, field, False)
            except _Widen:
                evidence = attribution_in(art, hit, hit_starts, article_id, field, True)
            if evidence is not None:
                found.append(evidence)
        if polls:
            found += self._in_polls(art, polls, article_id, field)
        if len(found) > 1:
            found = _without_reported_beliefs(found)
        found.sort(key=_by_start_then_cue)
        if sentences is not given:  # number by the real sentences, not the rules' pieces
            ends = [end for _, end in given]
            for evidence in found:
                evidence.sentence = bisect_right(ends, evidence.start)
        return found

    def _attribution_in(self, art, hit, hit_starts, article_id, field, whole) -> Evidence | None:
        cue_start, cue_end, phrase, cue_class, s_idx = hit
        text = art.text
        toks = art.window(s_idx, cue_start, cue_end, whole)
        i0 = bisect_right(toks, cue_start, key=_token_start) - 1
        if i0 < 0 or toks[i0][_START] != cue_start:
            return None
        j1 = i0
        while j1 < len(toks) and toks[j1][_END] < cue_end:
            j1 += 1
        if j1 >= len(toks) or toks[j1][_END] != cue_end:
            return None
        words = self._cue_words[phrase]
        nxt = toks[j1 + 1] if j1 + 1 < len(toks) else None
        if nxt is not None and not (
            # (a single space, by far the most common gap, is checked here without a call)
            (cue_end + 1 == nxt[_START] and text[cue_end] == " ") or _joinable(text, toks[j1], nxt)
        ):
            nxt = None
        if not _cue_usable(text, toks, i0, j1, words, nxt, hit_starts):
            return None
        if words[0] in REFUSALS and not _refused_act(text, toks, j1, nxt):
            return None
        sent_start, sent_end = art.sentences[s_idx]

        if words[0] == "according":
            return self._according(art, hit, toks, j1, article_id, field)

        k = _skip_back(toks, i0, text, len(words) == 1)
        if k is None:
            if (
                nxt is not None
                and nxt[_FORM] == "by"
                and not _by_medium(toks, j1)
                and words[-1] not in PASSIVE_NOT_SPEECH
            ):
                return self._passive_by(art, hit, toks, i0, j1, article_id, field)
            return None
        relative = (
            k >= 0 and toks[k][_FORM] in ("who", "which") and _joinable(text, toks[k], toks[k + 1])
        )
        if relative:
            # "..., who said": PARC's source is "who"; the speaker is its antecedent.
            source = None
            m = k - 1
            if nxt is not None and nxt[_FORM] in NEGATION:
                return None  # "who asked not to be named": anonymity, not a statement
            if m >= 0 and text[toks[m][_END] : toks[k][_START]].strip() in ("", ","):
                antecedent = _np_back(art, toks, m, hit_starts)
                if antecedent is not None:
                    source = (toks[k][_START], toks[k][_END], antecedent[2], False)
            if source is None:
                return None
        else:
            source = None
        if (
            toks[i0][_FORM].endswith("ing")
            and len(words) == 1
            and words[0] not in SPEAK  # "Speaking in Harlem, Clinton ...": an appearance
            and text[toks[i0][_START]].isupper()
            and not text[sent_start:cue_start].strip()
        ):
            return self._fronted_participle(art, hit, toks, j1, article_id, field)
        # "..., saying", "— calling", "by saying": a participle whose subject is the
        # sentence's (or the attribution's just before it), not the words before it.
        participle = toks[i0][_FORM].endswith("ing") and (
            text[sent_start:cue_start].rstrip().rstrip("”\"’'").rstrip().endswith((",", "—", "–"))
            or (
                k >= 0
                and toks[k][_FORM] in _BEFORE_PARTICIPLE
                and _joinable(text, toks[k], toks[k + 1])
            )
        )
        if not relative and not participle:
            source = _source_before(art, toks, k, hit_starts, sent_start, cue_start)
        inverted = elided = False
        if source is None and (
            participle
            or (k >= 0 and toks[k][_FORM] in ELIDED_AFTER and _joinable(text, toks[k], toks[k + 1]))
        ):
            # "He arrived and said ...", "..., saying ...": the subject opens the sentence,
            # or is the source of the attribution just before ("“...,” he said, adding ...").
            previous = art.last_source
            if previous is not None and previous[0] == s_idx and previous[2] <= cue_start:
                source = (*previous[1:], False)
            else:
                source = _sentence_subject(art, s_idx, cue_start)
            if source is None:
                return None
            elided = True
        if source is None and words[-1] not in TELL and words[0] not in REFUSALS:
            # Inverted order ("..., said X"); never after "told", whose object is the listener.
            source = _source_after(art, toks, i0, j1, sent_start)
            inverted = True
        if source is None:
            return None
        src_start, src_end, src_toks, anon_hint = source[:4]
        aside = len(source) > 4  # "Others, however, say": the aside is not in the source span
        if text.find("(", src_start, src_end) >= 0:
            if text[src_end : src_end + 1] in (")", "."):
                close = text.find(")", src_end, src_end + 2)
                if close >= 0:
                    src_end = close + 1  # "Sen. Ann Lee (D-Ore.)": the bracket closes the source
            src_toks = _outside_brackets(text, src_toks)
        if (
            not inverted
            and not elided
            and k == i0 - 1
            and toks[i0][_FORM].endswith("ing")
            and toks[k][_FORM] not in PRONOUNS
        ):
            return None  # "a vote demanding ...": a participle after a noun modifies it
        chunk = _first_chunk(src_toks)
        head = _head(chunk, text)
        if not _valid_source(chunk, head, words, nxt, text):
            return None
        if nxt is not None and nxt[_FORM] in OBJECT_NOT_SPEECH:
            return None  # "said goodbye"
        if (
            words[-1].startswith("recall")
            and nxt is not None
            and (
                nxt[_FORM] in RECALLED_OBJECTS
                or (
                    nxt[_FORM] in _OBJECT_DETERMINERS
                    and j1 + 2 < len(toks)
                    and toks[j1 + 2][_FORM] in RECALLED_OBJECTS
                )
            )
        ):
            return None  # "recalled its ambassador": a withdrawal, not a memory
        if cue_class == "belief" and src_toks[0] is not None and src_toks[0][_FORM] in FIRST_SECOND:
            return None  # "I think", "you know": a speaker's own voice, not the writer's reading
        if words[-1] in ADD and nxt is not None and nxt[_FORM] == "to":
            return None  # "adding to her lead"
        if nxt is not None and (
            (nxt[_FORM] == "by" and not _by_medium(toks, j1))
            or (words[-1], nxt[_FORM]) in _NOT_SPEECH_PAIRS
        ):
            return None  # "a group backed by", "an attack blamed on", "reported from Paris"
        if words[-1] in SPEAK and nxt is not None and nxt[_FORM] in SPEAK_NOT_SPEECH:
            return None  # "spoke at the rally": an appearance, not a statement
        not_evidence = False
        if cue_class == "evidence" and EVIDENCE_NOUNS.isdisjoint(
            t[_FORM] for t in _first_chunk(src_toks)
        ):
            # "he found that ...": only polls, studies, data and records are evidence (a
            # word of the phrase, not only its head: "the poll results", "the report
            # published Tuesday").
            not_evidence = True
        # PARC spans: the source is the whole noun phrase, an apposition or relative clause
        # before the cue included; the cue holds the auxiliaries and adverbs before the verb
        # ("has also said") and a particle after it ("spoke about").
        span_cue_start, span_cue_end = cue_start, cue_end
        if not inverted and not elided:
            if (
                not relative
                and not aside
                and k >= 0
                and src_end < toks[k][_END] <= cue_start
                and toks[k][_FORM] not in CONTRACTED
            ):
                src_end = toks[k][_END]
            if 0 <= k + 1 < i0:
                first = k + 1
                while (
                    first < i0
                    and toks[first][_FORM] not in ADVERBS
                    and (
                        toks[first][_FORM] in TIME_WORDS
                        or toks[first][_FORM] in TIME_PREPS
                        or toks[first][_FORM].isdigit()
                    )
                ):
                    first += 1  # "the ministry on Tuesday said": the time is not in the cue
                if first > k + 1 and toks[k][_FORM].endswith("ed") and not relative:
                    src_end = toks[first - 1][_END]  # "a report published Tuesday says"
                span_cue_start = toks[first][_START]
            if k >= 0 and src_end < toks[k][_END] and toks[k][_FORM] in CONTRACTED:
                span_cue_start = src_end  # "he's said": "he" is the source, "'s said" the cue
        if len(words) > 1 and words[-1] == "to" and (cue_class == "belief" or words[0] in REFUSALS):
            span_cue_end = toks[j1 - 1][_END]  # "is expected to win": the cue is "is expected"
        elif nxt is not None and nxt[_FORM] in CUE_PARTICLES and words[-1] not in SAY:
            span_cue_end = nxt[_END]  # "railed against", "agreed with"
        if words in _CONTINUATION and j1 + 2 < len(toks):
            span_cue_end = toks[j1 + 2][_END]  # "went on to say": the verb after "to" too
        tail = _CUE_TAIL.match(text, span_cue_end)
        if tail is not None:
            span_cue_end = tail.end()  # "said Tuesday", "said in a statement"

        content = _content(
            art, toks, j1, src_start, src_end, cue_start, cue_end, inverted, s_idx, words
        )
        if content is None:
            return None
        c_start, c_end, quote_type = content
        if (
            words[-1] in NEEDS_QUOTE
            and quote_type == "indirect"
            and not (words[-1] in NAMING and not inverted and _NAMED_AS.match(text, cue_end))
        ):
            return None
        if not_evidence:
            if not (quote_type == "direct" or (nxt is not None and nxt[_FORM] == "that")):
                return None
            cue_class = "neutral"
        return self._evidence(
            art,
            article_id,
            field,
            phrase,
            cue_class,
            span_cue_start,
            span_cue_end,
            src_start,
            src_end,
            src_toks,
            anon_hint,
            c_start,
            c_end,
            quote_type,
            s_idx,
            chunk,
            head,
        )

    def _in_polls(self, art, matches, article_id, field) -> list[Evidence]:
        """``In a Ledger poll released Monday, 52 percent ...``: the poll opening the sentence
        is the source of its finding, "in" the cue (class evidence)."""
        text = art.text
        out = []
        for match in matches:
            cue_start = match.start(1)
            if art.quote_holding(cue_start):
                continue
            s_idx = art.sentence_of(cue_start)
            sent_start, sent_end = art.sentences[s_idx]
            src_start, src_end = match.start(2), match.end(2)
            tail = _POLL_TAIL.match(text, src_end)
            if tail is not None and tail.end() <= sent_end:
                src_end = tail.end()  # "a poll released Monday"
            src_toks = [
                t
                for t in art._sentence_tokens(s_idx)
                if src_start <= t[_START] and t[_END] <= src_end
            ]
            if not src_toks:
                continue
            if not text.startswith(",", src_end):
                continue
            content = _content_after(art, src_end, sent_end)
            if content is None:
                continue
            out.append(
                self._rule_evidence(
                    art,
                    article_id,
                    field,
                    s_idx,
                    ("in", "evidence", cue_start, cue_start + 2),
                    src_toks,
                    content,
                    (src_start, src_end),
                )
            )
        return out

    def _fronted_participle(self, art, hit, toks, j1, article_id, field):
        """``Noting that the count was late, Ramos said ...``: a participle opening the
        sentence speaks for the subject after its clause's comma (the content is the clause)."""
        cue_start, cue_end, phrase, cue_class, s_idx = hit
        text = art.text
        sent_end = art.sentences[s_idx][1]
        comma = cue_end
        while True:
            comma = text.find(",", comma, sent_end)
            if comma < 0:
                return None
            if not art.quote_holding(comma):
                break
            comma += 1
        stoks = art._sentence_tokens(s_idx)
        i = bisect_right(stoks, comma, key=_token_start)
        if i >= len(stoks) or text[comma + 1 : stoks[i][_START]].strip():
            return None
        source = _sentence_subject(art, s_idx, sent_end, i)
        if source is None:
            return None
        src_start, src_end, src_toks, _ = source
        after = text[src_end : src_end + 1]
        if after not in (" ", ","):
            return None  # the subject must be followed by its verb or an apposition
        content_end = comma
        while text[content_end - 1] in "”\"’'":
            content_end -= 1
        quote_type = "mixed" if art.quotes_starting_in(cue_end, comma + 1) else "indirect"
        return self._rule_evidence(
            art,
            article_id,
            field,
            s_idx,
            (phrase, cue_class, cue_start, cue_end),
            src_toks,
            (cue_end + 1, content_end, quote_type),
            (src_start, src_end),
        )

    def _passive_by(self, art, hit, toks, i0, j1, article_id, field):
        """``The plan was first reported by the Ledger``: a passive cue and its agent after
        "by", the source (the cue span runs from the auxiliary to "by", as PARC marks it)."""
        cue_start, cue_end, phrase, cue_class, s_idx = hit
        text = art.text
        first = i0
        while first > 0 and _joinable(text, toks[first - 1], toks[first]):
            f = toks[first - 1][_FORM]
            if not (f in BE or f in AUX or f in ADVERBS or f in NEGATION or f.endswith("n't")):
                break
            first -= 1
        if (
            first == i0
            or toks[first][_FORM] == "being"  # "the concerns being expressed by": a modifier
            or not any(toks[i][_FORM] in BE for i in range(first, i0))
        ):
            return None
        np = _np_forward(art, toks, j1 + 2)
        if np is None:
            return None
        a, b, _ = np
        for m in range(a + 1, b + 1):  # "criticized by his rivals for failing ..."
            f = toks[m][_FORM]
            if f in AGENT_END or (f == "of" and m < b and toks[m + 1][_FORM].endswith("ing")):
                b = m - 1
                break
        src = toks[a : b + 1]
        head = _head(src, text)[_FORM]
        if head in NON_SPEAKERS or head in TIME_WORDS:
            return None
        if len(src) == 1 and not text[src[0][_START]].isupper() and head not in SOURCE_NOUNS:
            return None  # "decided by less", "rejected by large"
        sent_start = art.sentences[s_idx][0]
        content = _content_before(art, sent_start, toks[first][_START])
        if content is None:
            return None
        # PARC leaves "by" out of the cue.
        cue = (phrase, cue_class, toks[first][_START], cue_end)
        return self._rule_evidence(art, article_id, field, s_idx, cue, src, content)

    def _according(self, art, hit, toks, j1, article_id, field):
        cue_start, cue_end, phrase, cue_class, s_idx = hit
        text = art.text
        np = _np_forward(art, toks, j1 + 1)
        if np is None:
            return None
        first, last, _ = np
        src = toks[first : last + 1]
        if _head(src, text)[_FORM] in NON_SPEAKERS:
            return None
        sent_start, sent_end = art.sentences[s_idx]
        src_end = src[-1][_END]
        if not text[sent_start:cue_start].strip():
            rest = text[src_end:sent_end].lstrip(" ,")
            if not rest.strip(" .!?"):
                return None
            content = _content_after(art, src_end, sent_end)
        else:
            content = _content_before(art, sent_start, cue_start)
            if content is not None:
                content = (content[0], max(content[1], src_end), content[2])
                tail_end = sent_end
                content = (content[0], tail_end, content[2])
        if content is None:
            return None
        cue = (phrase, cue_class, cue_start, cue_end)
        return self._rule_evidence(art, article_id, field, s_idx, cue, src, content)

    def _rule_evidence(self, art, article_id, field, s_idx, cue, src_toks, content, src_span=None):
        """The row of a rule that found its parts directly: ``cue`` (phrase, class, start,
        end), the source's words (their span unless ``src_span`` says otherwise) and
        ``content`` (start, end, quote type); no interruption hinted at an unnamed source."""
        src_start, src_end = src_span or (src_toks[0][_START], src_toks[-1][_END])
        return self._evidence(
            art, article_id, field, *cue, src_start, src_end, src_toks, False, *content, s_idx
        )

    def _evidence(
        self,
        art,
        article_id,
        field,
        phrase,  # the cue's lexicon phrase
        cue_class,
        cue_start,
        cue_end,
        src_start,
        src_end,
        src_toks,  # the source's words; None marks where an apposition starts
        anon_hint,  # an interruption said the source is unnamed
        c_start,  # content
        c_end,
        quote_type,  # direct | mixed | indirect
        sentence,  # the cue's (the index in the rules' sentences)
        chunk=None,  # ``_first_chunk(src_toks)`` and its ``_head``, if the caller has them
        head=None,
    ) -> Evidence:
        """One attribution's parts, as the rules found them, as an Evidence row (passed as
        arguments, not a record: one is built per attribution)."""
        text = art.text
        if chunk is None:
            chunk = _first_chunk(src_toks)
            head = _head(chunk, text)
        speaker, kind, anonymous = _speaker_of(art, chunk, head, src_start)
        is_pronoun = src_toks[0] is not None and src_toks[0][_FORM] in PRONOUNS
        # The source and 80 characters after it or after the cue, whichever ends later.
        window_end = (src_end if src_end > cue_start else cue_start) + 80
        if window_end > len(text):
            window_end = len(text)
        if anon_hint or (not is_pronoun and _mentions_anonymity_in(art, src_start, window_end)):
            anonymous = True
        art.last_source = (sentence, src_start, src_end, src_toks)
        if is_pronoun:
            # A pronoun is what its antecedent was ("he" after "Sen. Jordan said").
            stype = "anonymous" if anonymous else ""
            if speaker and not anonymous:
                latest = art.speakers.latest_type(speaker)
                if latest is not None:
                    stype = latest
        else:
            stype = source_type(
                # (a generator: most sources are typed by their head noun, and the words
                # are not read)
                (t[_FORM] for t in src_toks if t is not None),
                head[_FORM],
                kind,
                anonymous,
                speaker,
            )
        if speaker:
            art.speakers.add_spoken(_Spoken(src_start, speaker, kind, anonymous, stype))
        # The span runs from the earliest of source, cue and content to the latest
        # (comparisons, not min() and max(): see ``_Article.window``).
        start = src_start if src_start < cue_start else cue_start
        if c_start < start:
            start = c_start
        end = src_end if src_end > cue_end else cue_end
        if c_end > end:
            end = c_end
        # Positional, in the order of Evidence's fields (records.py): twice as fast as keywords,
        # and there is one of these per attribution.
        return Evidence(
            article_id,
            field,
            "attribution",  # kind
            cue_class,  # label
            start,
            end,
            text[start:end],
            sentence if start >= art.sentences[sentence][0] else art.sentence_of(start),
            phrase,  # pattern
            None,  # score
            text[src_start:src_end],  # source
            speaker,
            text[cue_start:cue_end],  # cue
            cue_class,
            quote_type,
            anonymous,
            src_start,  # source_start
            src_end,  # source_end
            cue_start,
            cue_end,
            "",  # voice (framing rows only)
            stype,  # source_type
        )
