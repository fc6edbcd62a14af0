"""Rule-based attribution: who is quoted, directly or indirectly, with which verb.

:class:`AttributionFinder` compiles the cue lexicon (``cue -> cue_class``) once
into an Aho-Corasick automaton; :meth:`AttributionFinder.find` scans an
article's folded text in one pass and only runs the per-form rules around the
few cue occurrences it finds, so an article without cues costs one C scan.

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
- ``S, the former prime minister, C ...`` and ``S, who asked not to be named,
  C ...`` (appositive and relative/participial interruptions).

``quote_type`` is "direct" when the content is one quotation, "mixed" when a
quotation sits inside indirect content ("called the vote “a disgrace”"), and
"indirect" otherwise. ``cue`` is the lexicon phrase as written in the text;
auxiliaries and adverbs ("has strongly") are skipped, not included. Cues inside
a quotation are nested speech and are ignored.

Decisions:

- the lexicon decides what is speech: with the bundled ``called on`` cue,
  "X called on the US to ..." is an (indirect) attribution; bare call/describe
  verbs (``_NEEDS_QUOTE``) count only with a quotation ("called the vote
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

Known limits (rule-based, no parser): complex syntax is missed (coordinated
verbs "arrived and said", participles ", adding that ..." have no subject and
give nothing, fronted content without a comma, sources longer than 12 words);
noun/verb homographs are guarded by heuristics, not tagging ("maintained the
roads" still matches); straight single quotes are not treated as quotation
marks; speaker linking is heuristic (nearest preceding person for he/she, no
gender; nearest organisation or plural source for they/it) and person names
are capitalised runs filtered by title and organisation word lists.

Speed: per cue occurrence only a ~100-character window around the cue is
tokenised (the whole sentence only when a phrase runs into the window's
edge), and person mentions are scanned per sentence on first need. The cost is
dominated by the number of cue occurrences: on this machine about 0.2-0.25x of
VADER's per-sentence time for a 15-sentence article with two attributions, and
about 0.6x for the cue-dense seed article (7 cue occurrences in 11 sentences).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from operator import attrgetter, itemgetter

import ahocorasick

from analysis.records import Evidence
from analysis.text import ABBREVIATIONS, QUOTE_FOLD, TOKEN_RE, tokenize

_SPAN = re.Match.span


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- vocabulary --------------------------------------------------------------
# Module-level so it is built once per process; these are grammar words and
# source-type nouns, not stance judgements, so they live here rather than in a
# user-edited lexicon.

PRONOUNS = _words("he she they it we i you")
_PERSON_PRONOUNS = _words("he she")
_CONTRACTED = {"he's": 2, "she's": 3, "they've": 4, "we've": 2, "i've": 1, "he'd": 2, "she'd": 3}
DETERMINERS = _words("the a an this these those some any each every no another one")
_INDEFINITE = _words("a an one another some")
# A cue right after one of these is a noun or adjective ("the said agreement",
# "as the saying goes", "amid calls for", "the accused").
_NOUN_USE_BEFORE = _words(
    """the a an this these those his her its their our my your such no every each any
    amid among despite after before following over against with without of for by about
    from into under between through during towards toward via per upon within in on at"""
)
_AUX = _words(
    "has have had will would shall should could can may might must did does do also 've 'd"
)
_BE = _words("is are was were be been being am 's")
_NEGATION = _words("not never")
_ADVERBS = _words(
    """also already later earlier previously again once then first recently repeatedly
    reportedly allegedly initially just now further subsequently openly publicly privately
    separately directly explicitly quickly swiftly immediately angrily sharply strongly
    bluntly flatly firmly vehemently fiercely furiously bitterly categorically loudly
    quietly simply only even still long since latterly finally"""
)
# Nouns ending in -ly that are not adverbs ("the family said").
_LY_NOUNS = _words(
    "family ally assembly rally reply supply daily weekly monthly quarterly anomaly monopoly bully"
)
_TIME_WORDS = _words(
    """monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
    tomorrow morning afternoon evening night week month year weekend earlier later
    january february march april may june july august september october november december"""
)
_TIME_PREPS = _words("on last this late early in at during next the")
# Words that end a source phrase read backwards from the cue: clause words and verbs.
_NP_STOP = _words(
    """that which who whom whose when where while whilst because if unless but although
    though as since until than whether so yet is are was were be been being am has have
    had will would shall should could can may might must did does do not never there
    amid despite against during after before following through toward towards into onto
    upon without via like unlike says said told"""
)
# Prepositions that end a source read forwards ("said Ekwall in a statement").
_PREP_STOP = _words(
    "in on at during after before via to as while when since until last this yesterday today"
)
_TO_ALLOWED_AFTER = _words("close loyal near next linked tied connected closest allied")
_LEADING_TRIM = _words(
    """meanwhile however and but so also later earlier yesterday today now then separately
    still indeed thus instead moreover furthermore overnight previously additionally"""
)
# Words after which a source's head noun has ended ("a source close to the minister").
_HEAD_BREAK = _words(
    """of close familiar from in at with for on who near based speaking within inside
    under to involved linked loyal working representing tied connected knowledgeable
    briefed by across among around attending outside"""
)
_OBJECT_NOT_SPEECH = _words(
    """goodbye hello farewell grace prayer prayers mass nothing little much so yes no
    sorry thanks thank amen hi bye cheese"""
)
# Sources that do not speak: "the law says", "according to plan".
NON_SPEAKERS = _words(
    """law laws rule rules constitution saying proverb adage maxim motto slogan bible
    scripture tradition legend myth plan plans schedule sign signs label title headline
    clock calendar logic theory wisdom weather song poem name menu recipe manual
    dictionary textbook custom protocol script design instructions expectations need
    needs merit size age type standard standards priority season form"""
)
# Unnamed groups of people: anonymous even with "the" ("the officials said").
ANON_PLURAL = _words(
    """sources insiders witnesses eyewitnesses people officials diplomats aides members
    lawmakers legislators staff employees workers protesters activists onlookers
    bystanders residents locals villagers observers critics commentators analysts
    experts colleagues friends neighbours neighbors relatives supporters opponents
    others some many several few reports rumours rumors"""
)
# Unnamed individuals: anonymous whatever the determiner ("the source added").
ANON_SINGULAR = _words(
    "source insider witness eyewitness someone somebody person official diplomat aide figure"
)
# Office-holders and institutions speak on the record even with "a".
_ON_RECORD = _words("spokesman spokeswoman spokesperson representative")
ORG_NOUNS = _words(
    """ministry government coalition alliance military army police company firm party
    committee council agency organisation organization group office department embassy
    administration cabinet parliament court union bank authority authorities commission
    board federation association institute university club team campaign movement
    network newspaper broadcaster channel regime forces navy mission delegation
    presidency command headquarters service watchdog regulator operator airline
    manufacturer insurer ministry's government's kremlin pentagon"""
)
DOC_NOUNS = _words(
    """report statement study survey document letter memo memorandum filing complaint
    indictment ruling poll analysis review audit assessment communique release email
    post tweet website paper data estimates records figures"""
)
PERSON_ROLES = _words(
    """minister president spokesman spokeswoman spokesperson mayor governor secretary
    general chief head leader chairman chairwoman chair director ambassador commander
    senator premier chancellor king queen prince pope judge prosecutor attorney ceo
    founder editor envoy adviser advisor lawmaker politician mp representative deputy
    speaker coach captain manager owner officer analyst expert economist professor
    researcher author scientist doctor lawyer negotiator colonel lieutenant sergeant
    mother father wife husband son daughter brother sister man woman boy girl teacher
    student farmer driver resident witness victim survivor activist protester worker
    employee veteran candidate member diplomat cleric statesman businessman businesswoman"""
)
# "the 78-year-old politician": descriptions that stand for the person just named.
_GENERIC_PERSON = _words(
    """politician man woman leader veteran statesman campaigner activist businessman
    businesswoman tycoon billionaire star actor actress singer player cleric boy girl
    teenager pensioner"""
)
# A capitalised head that is one of these may be a common noun at the sentence start.
_COMMON_HEAD_NOUNS = ORG_NOUNS | DOC_NOUNS | PERSON_ROLES
_DESCRIPTORS = _words("former veteran embattled outgoing incoming ousted retired")
_AGE_RE = re.compile(r"\d+-year-old")
# Words that make a capitalised run a title, not part of a person's name.
TITLE_WORDS = _words(
    """president vice prime minister secretary general secretary-general foreign defence
    defense interior finance chief deputy spokesman spokeswoman spokesperson mayor
    governor senator sen rep representative congressman congresswoman mp ambassador envoy
    commander gen lt lieutenant col colonel maj major capt captain sgt sergeant adm
    admiral mr mrs ms miss dr prof professor sir dame lord lady king queen prince
    princess sheikh ayatollah imam rabbi pastor father rev reverend pope cardinal
    archbishop bishop judge justice chancellor premier chairman chairwoman chair director
    ceo head leader speaker attorney former acting state health economy trade energy
    education labour labor home treasury opposition dean coach manager officer executive
    founder emir crown supreme grand mufti cleric national security adviser advisor
    commissioner inspector superintendent sheriff detective constable staff affairs"""
)
# Words that make a capitalised run an organisation or place, not a person.
ORG_WORDS = _words(
    """united states nations union kingdom republic ministry council force forces corps
    guards guard army navy party airport international university bank agency
    organization organisation committee commission parliament congress senate house
    court office department news tv press times post wire group company inc ltd corp
    revolution islamic coalition alliance government foundation institute association
    federation club church school hospital police pentagon kremlin white street road
    city province county region sea ocean river gulf middle east west north south day
    airlines media network journal herald cabinet embassy mission reuters"""
)
_CAP_FUNCTION = _words(
    """the a an later meanwhile but and in on at after before when while however this
    that these those it he she they we i his her their its our earlier yesterday today
    last since during for from with by as if so then there"""
)
_MONTHS_DAYS = _TIME_WORDS
_TELL = _words("told tell tells telling informed assured briefed reminded")
_RECIPIENTS = _words(
    "him her them us me you reporters journalists parliament lawmakers legislators supporters"
)
# Words that are also plural or singular nouns; as cues they need a clause after them.
_NOUN_HOMOGRAPHS = _words(
    """claim claims report reports note notes state states remark remarks comment
    comments charge charges answer answers reply replies counter counters quote quotes
    promise promises pledge pledges vow vows boast boasts estimate estimates hint hints
    point points mention mentions warning warnings threat threats call calls"""
)
_CLAUSE_OPENERS = _words(
    "that the a an this these those he she it they we i there his her its their our"
)
# Naming verbs are speech only when they frame a quotation ("called the vote “a disgrace”").
_NEEDS_QUOTE = _words(
    "call calls called calling describe describes described describing term termed dub dubbed"
)
_PARTICLES_AFTER_CALL = _words("on for off up upon out in back away")
_CONTINUATION = frozenset({("went", "on"), ("goes", "on"), ("go", "on"), ("going", "on")})
_PARTICLE_NAME = re.compile(
    r"^(?:al|el|ad|as|ash|bin|ibn|bint|de|del|della|der|di|da|du|dos|van|von|le|la|abu|ben)$"
)

# "who asked not to be named", "speaking on condition of anonymity", "unnamed".
ANONYMITY_RE = re.compile(
    r"\b(?:(?:asked|requested|wished|declined|refused|spoke|speaking|talked|talking|agreed)"
    r"\b[^.;]{0,30}?(?:not\s+to\s+be\s+(?:named|identified)|anonymity|anonymously"
    r"|to\s+be\s+(?:named|identified))|on\s+(?:the\s+)?condition\s+of\s+anonymity"
    r"|not\s+authori[sz]ed\s+to\s+(?:speak|talk|comment)|unnamed|anonymous)\b",
    re.IGNORECASE,
)
# (cheap substring hints checked before ANONYMITY_RE: "anonym", "named", "identified", "authori")
# Quotations: curly doubles (may span sentences), straight doubles within a
# paragraph, curly singles whose closing mark is not an apostrophe. Three
# patterns with literal first characters scan far faster than one alternation.
_QUOTE_PATTERNS = (
    ("“", re.compile(r"“[^“”]*”")),
    ('"', re.compile(r'"[^"\n]*"')),
    ("‘", re.compile(r"(?<![^\W_])‘(?:[^‘’\n]|’(?=[^\W_]))*’(?![^\W_])")),
)
_CLOSING = "”\"’'"
_OPENING = '“"‘'
# An interruption between a source and its cue: ", who asked not to be named, ",
# ", speaking on condition of anonymity, ", "who was at the meeting ".
_INTERRUPTION_RE = re.compile(
    r"(?:,\s*|\s+)(?:who\b|[a-z]+ing\b)[^,;:“”\"]{0,90}?,?\s*$", re.IGNORECASE
)
# What may follow a cue when the content came before it ("he said on Thursday.").
_TRIVIAL_REST = re.compile(
    r"\s*(?:(?:on|in|at|during|late|early|last|this|yesterday|today|tonight|earlier|later"
    r"|after|before|from|via|to|through)\b[^,;:“”\"‘]{0,60})?[\s.!?…”\"’]*$"
)
_STATEMENT_WORDS = _words("a an statement interview press conference briefing news")
_PARTICIPLE_AFTER = re.compile(r"\s*,\s*[a-z]+ing\b")
_COMMA_LOWER = re.compile(r"\s*,\s*[a-z]")
_COMMA_QUOTE = re.compile(r"\s*,\s*(?=[“\"‘])")
_LEAD_TO_QUOTE = re.compile(
    r"[\s:,]*(?:(?:on|in|at|during|last|this|yesterday|today|earlier|later)\b[^,:;“”\"‘.!?]{0,50})?"
    r"[\s:,]*$"
)
_THAT_BEFORE_QUOTE = re.compile(r"[\s:,]*that[\s,]*$", re.IGNORECASE)
# The words' ``*+`` are possessive (no backtracking into a word): giving a character back
# leaves a word character next, where only "." or " " could continue, so no match is lost,
# and a capitalised word that starts no run (most of them) fails at once, not letter by letter.
_CAP_RUN = re.compile(
    r"[A-ZÀ-ÖØ-Þ][\w'’-]*+(?:(?:(?<=\b[A-Z])\.)?[ ]+(?:(?:al|el|bin|ibn|bint|de|van|von|da|di|du"
    r"|le|la|abu|ben)[ -])?[A-ZÀ-ÖØ-Þ][\w'’-]*+)+"
)
_WORD_RE = re.compile(r"\S+")
_APPOSITION_RE = re.compile(r",\s+(?:the|a|an)\s+([^,.;]+)")
_MAX_SOURCE_TOKENS = 12
_COORDINATORS = _words("and or but then")
# How many sentences back "the prime minister" looks for a person with that role.
_ROLE_LOOKBACK = 8
# Characters around a cue worth tokenising: a 12-word source plus an
# interruption before it, a listener and an inverted source after it.
_WINDOW_BEFORE = 60
_WINDOW_AFTER = 40


# A word is ``analysis.text.tokenize``'s tuple ``(start, end, form)``, ``form`` lower-cased
# with straight apostrophes: the article's own tuples, sliced per sentence, with nothing
# built per word (a named tuple per word cost a fifth of this module's time). Whether a
# word is capitalised is read off the text when a rule asks: ``text[tok[_START]].isupper()``.
_Tok = tuple[int, int, str]
_START, _END, _FORM = 0, 1, 2
_token_start = itemgetter(_START)
_token_end = itemgetter(_END)
_token_form = itemgetter(_FORM)
_by_start_then_cue = attrgetter("start", "cue_start")


@dataclass(slots=True)
class _Spoken:
    """A source already attributed in this article, for pronoun linking."""

    start: int
    speaker: str
    kind: str  # person | name | org | plural | document | other
    anonymous: bool


@dataclass(slots=True)
class _Mention:
    start: int
    name: str
    roles: frozenset[str]


class _Widen(Exception):
    """A phrase ran into the edge of the tokenising window: retry on the whole sentence."""


class _Article:
    """Per-call state: the text, its folded twin, quotations, tokens and speakers so far."""

    def __init__(
        self,
        text: str,
        folded: str,
        sentences: list[tuple[int, int]],
        tokens: list[tuple[int, int, str]] | None = None,
        folded_is_lower: bool | None = None,
        token_starts: list[int] | None = None,
    ):
        self.text = text
        self.folded = folded
        # ``folded`` is ``text.lower()`` but for quotes and newlines (no character
        # lower-cased to two): its slices can stand for lower-cased slices of ``text``.
        if folded_is_lower is None:
            folded_is_lower = folded.isascii() or len(text.lower()) == len(text)
        self.folded_is_lower = folded_is_lower
        self.sentences = sentences
        # The article's word tokens (``analysis.text.tokenize``, whose forms equal
        # ``folded``'s slices), or None: then each sentence is tokenised on its own.
        self.tokens = tokens
        # The tokens' starts, when the caller has them: bisecting a list of offsets is
        # faster than bisecting the tuples with a key (one tuple visited per probe).
        self._token_starts = token_starts
        self._sentence_toks: dict[int, list[_Tok]] = {}
        self.quotes = sorted(
            (m.start(), m.end())
            for mark, pattern in _QUOTE_PATTERNS
            if mark in text
            for m in pattern.finditer(text)
        )
        self.quote_starts = [q[0] for q in self.quotes]
        self.spoken: list[_Spoken] = []
        self.clipped_start = self.clipped_end = False
        self._mentions: dict[int, list[_Mention]] = {}
        self._sentence_starts = [a for a, _ in sentences]
        self._sentence_ends = [b for _, b in sentences]

    def lowered(self, start: int, end: int) -> str:
        """``text[start:end].lower()`` for a search for ASCII letters (quotes and newlines
        may differ): a slice of ``folded``, which spares lower-casing on the Unicode path."""
        if self.folded_is_lower:
            return self.folded[start:end]
        return self.text[start:end].lower()

    def sentence_of(self, pos: int) -> int:
        """``sentence_index(self.sentences, pos)``, bisecting in C: the first sentence ending
        after ``pos`` holds it if it starts at or before it; -1 if none does."""
        i = bisect_right(self._sentence_ends, pos)
        return i if i < len(self.sentences) and self._sentence_starts[i] <= pos else -1

    def window(self, index: int, cue_start: int, cue_end: int, whole: bool) -> list[_Tok]:
        """Tokens of sentence ``index`` near a cue (all of them if ``whole``).

        Sets ``clipped_start``/``clipped_end`` when the window cut the sentence, so that a phrase
        running into its edge asks for the whole sentence (:class:`_Widen`).

        The same tokens as ``TOKEN_RE.finditer(text, lo, hi)``: the sentence's tokens
        that lie inside the window, plus the pieces of the at most two words the
        window's edges cut, scanned with that regex.
        """
        start, end = self.sentences[index]
        # (Comparisons rather than max() and min() here and in ``_evidence``: in CPython 3.11
        # those builtins cost about 1,000 instructions a call, 2% of this module's time.)
        if whole:
            lo, hi = start, end
        else:
            lo = cue_start - _WINDOW_BEFORE if cue_start - _WINDOW_BEFORE > start else start
            hi = cue_end + _WINDOW_AFTER if cue_end + _WINDOW_AFTER < end else end
        self.clipped_start = lo > start
        self.clipped_end = hi < end
        sent_toks = self._sentence_tokens(index)
        a = bisect_left(sent_toks, lo, key=_token_start)  # first token starting inside
        b = bisect_right(sent_toks, hi, key=_token_end)  # tokens ending inside the window
        if a >= b:
            toks = self._scan(lo, hi)
        else:
            toks = sent_toks[a:b]
            text = self.text
            # A word cut by the window's start: its piece is scanned, unless the cut fell
            # between two letters, where the piece is a word cut in half, dropped below.
            if (
                a > 0
                and sent_toks[a - 1][_END] > lo
                and not (text[lo].isalnum() and text[lo - 1].isalnum())
            ):
                toks[:0] = self._scan(lo, sent_toks[a][_START])
            if b < len(sent_toks) and sent_toks[b][_START] < hi:  # a word cut by its end
                toks += self._scan(sent_toks[b - 1][_END], hi)
        text = self.text
        if self.clipped_start and toks and toks[0][_START] == lo and text[lo - 1].isalnum():
            toks.pop(0)  # a word cut in half by the window
        return toks

    def _scan(self, lo: int, hi: int) -> list[_Tok]:
        folded = self.folded
        return [(a, b, folded[a:b]) for a, b in map(_SPAN, TOKEN_RE.finditer(self.text, lo, hi))]

    def _sentence_tokens(self, index: int) -> list[_Tok]:
        """Tokens of sentence ``index`` (``TOKEN_RE.finditer(text, start, end)``), memoised."""
        cached = self._sentence_toks.get(index)
        if cached is not None:
            return cached
        start, end = self.sentences[index]
        tokens = self.tokens
        toks = None
        if tokens is not None:
            starts = self._token_starts
            if starts is not None:
                i = bisect_left(starts, start)
                j = bisect_left(starts, end, i)
            else:  # on the tuples (``key`` runs in C on the ~10 tokens probed)
                i = bisect_left(tokens, start, key=_token_start)
                j = bisect_left(tokens, end, i, key=_token_start)
            # The article's tokens are the sentence's unless a word crosses an edge.
            if i < j and (i == 0 or tokens[i - 1][_END] <= start) and tokens[j - 1][_END] <= end:
                toks = tokens[i:j]
        if toks is None:
            toks = self._scan(start, end)
        self._sentence_toks[index] = toks
        return toks

    def quote_holding(self, pos: int) -> tuple[int, int] | None:
        i = bisect_right(self.quote_starts, pos) - 1
        if i >= 0 and self.quotes[i][0] < pos < self.quotes[i][1]:
            return self.quotes[i]
        return None

    def quote_ending_at(self, end: int) -> tuple[int, int] | None:
        i = bisect_right(self.quote_starts, end) - 1
        while i >= 0:
            q = self.quotes[i]
            if q[1] == end:
                return q
            if q[1] < end:
                return None
            i -= 1
        return None

    def quotes_starting_in(self, start: int, end: int) -> list[tuple[int, int]]:
        i = bisect_right(self.quote_starts, start - 1)
        out = []
        while i < len(self.quotes) and self.quotes[i][0] < end:
            out.append(self.quotes[i])
            i += 1
        return out

    def sentence_end_of(self, pos: int) -> int:
        i = self.sentence_of(pos)
        return self.sentences[i][1] if i >= 0 else pos

    def mentions_back(self, pos: int, sentences: int = 1_000_000):
        """Person mentions (capitalised runs minus titles) before ``pos``, nearest first,
        from at most ``sentences`` sentences back (the one holding ``pos`` included)."""
        index = self._sentence_at_or_before(pos)
        for i in range(index, max(-1, index - sentences), -1):
            for mention in reversed(self._mentions_in(i)):
                if mention.start < pos:
                    yield mention

    def _sentence_at_or_before(self, pos: int) -> int:
        index = self.sentence_of(pos)
        if index < 0:
            index = bisect_right(self._sentence_starts, pos) - 1
        return index

    def full_name_before(self, surname: str, pos: int) -> str | None:
        """The first of ``mentions_back(pos)`` whose name has two words or more and ends
        with ``surname``, or None.

        Such a name lies inside its sentence and holds " " + surname, so only the
        sentences holding that string are scanned for mentions, latest first: each found
        by one C-level ``str.rfind`` back from the last one.
        """
        key = " " + surname
        text, sentences = self.text, self.sentences
        index = self._sentence_at_or_before(pos)
        if index < 0:
            return None
        limit = sentences[index][1]
        while (found := text.rfind(key, 0, limit)) >= 0:
            i = bisect_right(self._sentence_starts, found) - 1
            if i < 0 or found + len(key) > sentences[i][1]:
                limit = found + len(key) - 1  # across a sentence break: look further back
                continue
            for mention in reversed(self._mentions_in(i)):
                if (
                    mention.start < pos
                    and " " in mention.name
                    and mention.name.rsplit(" ", 1)[-1] == surname
                ):
                    return mention.name
            limit = sentences[i][0]
        return None

    def _mentions_in(self, index: int) -> list[_Mention]:
        found = self._mentions.get(index)
        if found is None:
            start, end = self.sentences[index]
            found = [
                m
                for run in _CAP_RUN.finditer(self.text, start, end)
                if not (run.start() and self.text[run.start() - 1].isalnum())
                and not self.quote_holding(run.start())
                and (m := _person_mention(self.text, run)) is not None
            ]
            self._mentions[index] = found
        return found


def _person_mention(text: str, run: re.Match) -> _Mention | None:
    words = [(m.start(), m.group()) for m in _WORD_RE.finditer(run.group())]
    while words and words[0][1].lower() in _CAP_FUNCTION:
        words.pop(0)
    forms = [w.lower().rstrip(".") for _, w in words]
    if not words or not ORG_WORDS.isdisjoint(forms) or not _MONTHS_DAYS.isdisjoint(forms):
        return None
    if any(w.isupper() and len(w) > 1 for _, w in words):
        return None
    cut = 0
    for i, f in enumerate(forms):
        if f in TITLE_WORDS:
            cut = i + 1
    name_words = words[cut:]
    if not name_words or (len(name_words) < 2 and cut == 0):
        return None
    roles = set(forms[:cut])
    after = text[run.end() : run.end() + 80]
    apposition = _APPOSITION_RE.match(after)
    if apposition:
        roles.update(apposition.group(1).lower().split())
    start = run.start() + name_words[0][0]
    end = run.start() + name_words[-1][0] + len(name_words[-1][1])
    return _Mention(start, text[start:end], frozenset(roles))


_FOLD_PAIRS = (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\n", " "))


def _fold(text: str) -> str:
    """Lower-cased, quote-folded, newline-free copy of ``text`` with the same offsets."""
    # Quotes first, then lower(): most articles are ASCII but for their curly quotes, and
    # once those are straight the string is stored as ASCII and lower() takes CPython's
    # ASCII path (a fifth of the cost of the Unicode one). The order does not change the
    # result: quotes and newlines have no case and are the same kind of neighbour for a
    # final sigma (’ and ' are both case-ignorable, “ ” " newline and space are not).
    # Chained replace: str.translate with a dict costs a Python lookup per character.
    quote_folded = text
    for curly, straight in _FOLD_PAIRS:
        if curly in quote_folded:
            quote_folded = quote_folded.replace(curly, straight)
    folded = quote_folded.lower()
    if len(folded) != len(text):  # a few characters lower-case to two ("İ")
        folded = "".join(c if len(c.lower()) != 1 else c.lower() for c in quote_folded)
    return folded


def _joinable(text: str, left: _Tok, right: _Tok) -> bool:
    """True when nothing but space (or a possessive, an abbreviation dot) separates two words."""
    gap = text[left[_END] : right[_START]]
    if gap == " ":  # by far the most common gap
        return True
    g = gap.strip()
    if not g:
        return True
    if g in ("’", "'") and left[_FORM].endswith("s"):
        return True
    if g == "." and (
        left[_FORM] in ABBREVIATIONS or (len(left[_FORM]) == 1 and left[_FORM].isalpha())
    ):
        return True
    return g == "&"


class AttributionFinder:
    """Finds attributions (source, cue, content) with a cue lexicon compiled once.

    >>> finder = AttributionFinder({"said": "neutral"})
    >>> text = "“We agreed,” he said."
    >>> [(e.source, e.cue, e.quote_type) for e in finder.find(text, [(0, len(text))], "a1")]
    [('he', 'said', 'direct')]
    """

    def __init__(self, cues: dict[str, str]):
        self._automaton = ahocorasick.Automaton()
        self._first_words: set[str] = set()
        # Each phrase's words, split once here rather than once per occurrence.
        self._cue_words: dict[str, tuple[str, ...]] = {}
        for phrase, cue_class in cues.items():
            key = " ".join(phrase.lower().translate(QUOTE_FOLD).split())
            if key:
                first = key.split()[0]
                # (phrase, class, length, is a sourcing phrase such as "in a statement")
                self._automaton.add_word(key, (key, cue_class, len(key), first in _NOUN_USE_BEFORE))
                self._first_words.add(first)
                self._cue_words[key] = tuple(key.split())
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    # --- public -------------------------------------------------------------

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
        folded = _fold(text)
        hits = self._cue_hits(folded, sentences)
        if not hits:
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
        hit_starts = {h[0] for h in hits}
        found: list[Evidence] = []
        for hit in hits:
            if art.quote_holding(hit[0]):
                continue
            evidence = self._attribution(art, hit, hit_starts, article_id, field)
            if evidence is not None:
                found.append(evidence)
        found.sort(key=_by_start_then_cue)
        return found

    # --- cue occurrences ----------------------------------------------------

    def _cue_hits(self, folded: str, sentences) -> list[tuple[int, int, str, str, int]]:
        """Longest non-overlapping lexicon matches aligned to word tokens, with their sentence."""
        raw = []
        for end_index, (phrase, cue_class, length, sourcing) in self._automaton.iter(folded):
            start = end_index - length + 1
            if start > 0 and (folded[start - 1].isalnum() or folded[start - 1] in "-'"):
                continue
            after = folded[end_index + 1 : end_index + 2]
            if after and (after.isalnum() or after in "-" or after == "'"):
                continue
            raw.append((start, -end_index - 1, phrase, cue_class, sourcing))
        raw.sort()  # by start, the longest first (the phrase breaks no tie: same span, same phrase)
        sentence_ends = [end for _, end in sentences]
        n_sentences = len(sentences)
        hits = []
        sourcing_hits = []
        verb_sentences = set()
        last_end = -1
        for start, neg_end, phrase, cue_class, sourcing in raw:
            if start < last_end:
                continue
            # sentence_index(sentences, start), by bisection over the sentence ends
            s = bisect_right(sentence_ends, start)
            if s >= n_sentences or sentences[s][0] > start:
                continue
            hit = (start, -neg_end, phrase, cue_class, s)
            hits.append(hit)
            if sourcing:
                sourcing_hits.append(hit)
            else:
                verb_sentences.add(s)
            last_end = -neg_end
        # A sourcing phrase ("in a statement") yields to a verb cue in its sentence.
        if sourcing_hits and verb_sentences:
            dropped = {h for h in sourcing_hits if h[4] in verb_sentences}
            if dropped:
                return [h for h in hits if h not in dropped]
        return hits

    # --- one attribution ----------------------------------------------------

    def _attribution(self, art, hit, hit_starts, article_id, field) -> Evidence | None:
        try:
            return self._attribution_in(art, hit, hit_starts, article_id, field, whole=False)
        except _Widen:
            return self._attribution_in(art, hit, hit_starts, article_id, field, whole=True)

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
        nxt = (
            toks[j1 + 1] if j1 + 1 < len(toks) and _joinable(text, toks[j1], toks[j1 + 1]) else None
        )
        if not self._cue_usable(text, toks, i0, j1, words, nxt, hit_starts):
            return None
        sent_start, sent_end = art.sentences[s_idx]

        if words[0] == "according":
            return self._according(art, hit, toks, j1, article_id, field)

        k = self._skip_back(toks, i0, text, len(words) == 1)
        if k is None:
            return None
        source = self._source_before(art, toks, k, hit_starts, sent_start, cue_start)
        inverted = False
        if source is None and words[-1] not in _TELL:
            # Inverted order ("..., said X"); never after "told", whose object is the listener.
            source = self._source_after(art, toks, i0, j1, sent_start)
            inverted = True
        if source is None:
            return None
        src_start, src_end, src_toks, anon_hint = source
        if not self._valid_source(src_toks, words, nxt, text):
            return None
        if nxt is not None and nxt[_FORM] in _OBJECT_NOT_SPEECH:
            return None

        content = self._content(
            art, toks, j1, src_start, src_end, cue_start, cue_end, inverted, s_idx, words
        )
        if content is None:
            return None
        c_start, c_end, quote_type = content
        if words[-1] in _NEEDS_QUOTE and quote_type == "indirect":
            return None
        return self._evidence(
            art,
            article_id,
            field,
            phrase,
            cue_class,
            cue_start,
            cue_end,
            src_start,
            src_end,
            src_toks,
            anon_hint,
            c_start,
            c_end,
            quote_type,
        )

    def _cue_usable(self, text, toks, i0, j1, words, nxt, hit_starts) -> bool:
        """Reject noun uses, passives, infinitives and negations of the cue."""
        prev = toks[i0 - 1] if i0 > 0 and _joinable(text, toks[i0 - 1], toks[i0]) else None
        if words[0] != "according" and prev is not None and prev[_FORM] in _NOUN_USE_BEFORE:
            return False
        if words[-1] in _TELL and nxt is not None and nxt[_FORM] == "to":
            return False  # "told to leave"
        if words[-1] in _NEEDS_QUOTE and nxt is not None and nxt[_FORM] in _PARTICLES_AFTER_CALL:
            return False  # "called on", "called for": not naming a quotation
        if words in _CONTINUATION:  # "went on to say ..."
            return nxt is not None and nxt[_FORM] == "to"
        if words[-1] in _NOUN_HOMOGRAPHS and len(words) == 1:
            # "insurance claims rose": a verb cue is followed by its clause.
            if nxt is None:
                gap = text[toks[j1][_END] : toks[j1][_END] + 3]
                return bool(gap.strip()[:1] in (":", "“", '"', ".", ","))
            if not (nxt[_FORM] in _CLAUSE_OPENERS or text[nxt[_START]].isupper()):
                return False
        return True

    def _skip_back(self, toks, i0, text, single_word: bool) -> int | None:
        """Index of the token ending the source, past auxiliaries, adverbs and time words.

        None when the cue is passive ("it is said"), an infinitive ("declined to
        say") or negated ("did not say").
        """
        k = i0 - 1
        # "quoted as saying" is passive by nature; "has been saying" is active.
        passive_check = single_word and not toks[i0][_FORM].endswith("ing")
        seen_be = False
        while k >= 0 and _joinable(text, toks[k], toks[k + 1]):
            f = toks[k][_FORM]
            if f in _BE:
                seen_be = True
                k -= 1
                continue
            if f in _NEGATION or f.endswith("n't"):
                return None
            if f == "to":
                return None
            if f in _AUX or f in _ADVERBS or (f.endswith("ly") and self._ly_adverb(toks, k, text)):
                k -= 1
                continue
            if f in _TIME_WORDS or (f.isdigit() and k > 0 and toks[k - 1][_FORM] in _TIME_WORDS):
                k -= 1
                while (
                    k >= 0
                    and toks[k][_FORM] in _TIME_PREPS
                    and _joinable(text, toks[k], toks[k + 1])
                ):
                    k -= 1
                continue
            break
        if seen_be and passive_check:
            return None
        if k >= 0 and toks[k][_FORM] == "it's" and passive_check:
            return None
        return k

    @staticmethod
    def _ly_adverb(toks, k, text) -> bool:
        t = toks[k]
        if not t[_FORM].endswith("ly") or text[t[_START]].isupper() or t[_FORM] in _LY_NOUNS:
            return False
        return (
            k > 0
            and toks[k - 1][_FORM] not in DETERMINERS
            and not toks[k - 1][_FORM].endswith("'s")
        )

    # --- sources ------------------------------------------------------------

    def _source_before(self, art, toks, k, hit_starts, sent_start, cue_start):
        """The noun phrase ending at token ``k`` (subject-verb order), or None."""
        text = art.text
        anon_hint = False
        if k < 0 or not _joinable(text, toks[k], toks[k + 1]):
            # Something sits between the subject and the cue: an interruption or an apposition.
            limit = toks[k + 1][_START] if k + 1 < len(toks) else cue_start
            pre = text[sent_start:limit]
            lowered = art.lowered(sent_start, limit)
            # The regex needs "who" or an "-ing" word: most prefixes have neither.
            interruption = ("who" in lowered or "ing" in lowered) and _INTERRUPTION_RE.search(pre)
            if interruption and interruption.start() > 0:
                anon_hint = _mentions_anonymity(interruption.group())
                cut = sent_start + interruption.start()
                k = bisect_right(toks, cut, key=_token_start) - 1
                if k < 0 or toks[k][_END] > cut:
                    return None
                found = self._np_back(art, toks, k, hit_starts)
                if found is None:
                    return None
                return (*found, anon_hint)
            return self._apposition_before(art, toks, k, hit_starts, sent_start)
        # "a senior diplomat who asked not to be named said"
        pre_end = toks[k][_END]
        pre = text[sent_start:pre_end]
        # Only a "who ..." interruption counts here: without "who" the regex cannot say yes.
        has_who = "who" in art.lowered(sent_start, pre_end)
        interruption = has_who and _INTERRUPTION_RE.search(pre + " ")
        if interruption and interruption.group().lstrip(", ").lower().startswith("who"):
            anon_hint = _mentions_anonymity(interruption.group())
            cut = sent_start + interruption.start()
            k = bisect_right(toks, cut, key=_token_start) - 1
            while k >= 0 and toks[k][_END] > cut:
                k -= 1
            if k < 0:
                return None
        found = self._np_back(art, toks, k, hit_starts)
        if found is None:
            return None
        return (*found, anon_hint)

    def _np_back(self, art, toks, k, hit_starts):
        text = art.text
        last = toks[k]
        if last[_FORM] in _COORDINATORS:
            return None  # "arrived and said": the subject is a clause away
        if last[_FORM] in PRONOUNS:
            return last[_START], last[_END], [last]
        if last[_FORM] in _CONTRACTED:
            end = last[_START] + _CONTRACTED[last[_FORM]]
            return last[_START], end, [(last[_START], end, last[_FORM][: end - last[_START]])]
        if last[_FORM] in _NP_STOP:
            return None  # (the loop below would stop at once: nothing before the cue)
        m = k - 1
        after = last[_FORM]  # the form of toks[m + 1]
        while m >= 0:
            t = toks[m]
            if not _joinable(text, t, toks[m + 1]):
                break
            f = t[_FORM]
            if f in _NP_STOP or t[_START] in hit_starts or f in PRONOUNS:
                break
            if f in ("and", "or") and (after in DETERMINERS or after in PRONOUNS):
                break
            if after == "to" and f not in _TO_ALLOWED_AFTER:
                break
            after = f
            m -= 1
        if m < 0 and art.clipped_start:
            raise _Widen
        first = m + 1
        while first <= k and (
            toks[first][_FORM] in _LEADING_TRIM or toks[first][_FORM] in ("and", "or")
        ):
            first += 1
        if first > k or k - first + 1 > _MAX_SOURCE_TOKENS:
            return None
        if DETERMINERS.issuperset(map(_token_form, toks[first : k + 1])):  # all(), in C
            return None
        return toks[first][_START], toks[k][_END], toks[first : k + 1]

    def _apposition_before(self, art, toks, k, hit_starts, sent_start):
        """``Jens Stoltenberg, NATO's chief, said``: a name, then a comma-bounded role."""
        text = art.text
        if k < 0 or text[toks[k][_END] : toks[k + 1][_START]].strip() != ",":
            return None
        role = self._np_back(art, toks, k, hit_starts)
        if role is None:
            return None
        role_first = toks.index(role[2][0])
        if not (
            role[2][0][_FORM] in DETERMINERS
            or role[2][0][_FORM].endswith("'s")
            or text[role[2][0][_START]].isupper()
        ):
            return None
        n = role_first - 1
        if n < 0 or text[toks[n][_END] : toks[role_first][_START]].strip() != ",":
            return None
        name = self._np_back(art, toks, n, hit_starts)
        if name is None or not any(text[t[_START]].isupper() for t in name[2]):
            return None
        name_first = toks.index(name[2][0])
        before = text[sent_start : toks[name_first][_START]].rstrip()
        # Nothing before the name, a comma, or a quotation ending in a comma ("...,” X, a
        # spokesman, said).
        if before and not before.rstrip("”\"’'").endswith(","):
            return None
        return name[0], role[1], name[2] + [None] + role[2], False

    def _source_after(self, art, toks, i0, j1, sent_start):
        """Inverted order: ``..., said Tomas Ekwall, the alliance's secretary general.``"""
        text = art.text
        before = text[sent_start : toks[i0][_START]].rstrip()
        if not before or before[-1] not in "," + _CLOSING:
            return None
        np = self._np_forward(art, toks, j1 + 1)
        if np is None:
            return None
        first, last, stopped_on_clause = np
        if stopped_on_clause:
            return None
        src = toks[first : last + 1]
        end = toks[last][_END]
        # An apposition running to the end of the sentence belongs to the source.
        if last + 1 < len(toks) and text[end : toks[last + 1][_START]].strip() == ",":
            head = toks[last + 1]
            if (
                head[_FORM] in DETERMINERS
                or head[_FORM].endswith("'s")
                or text[head[_START]].isupper()
            ):
                appo = self._np_forward(art, toks, last + 1, after_comma=True)
                if appo is not None and not appo[2]:
                    a_last = appo[1]
                    tail = text[toks[a_last][_END] : art.sentences[art.sentence_of(end)][1]]
                    if _TRIVIAL_REST.match(tail):
                        src = src + [None] + toks[last + 1 : a_last + 1]
                        end = toks[a_last][_END]
        return toks[first][_START], end, src, False

    def _np_forward(self, art, toks, first, after_comma=False):
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
            if f in _NP_STOP:
                stopped = True
                break
            if f in _PREP_STOP and not (
                f == "to" and m > first and toks[m - 1][_FORM] in _TO_ALLOWED_AFTER
            ):
                break
            m += 1
        if m == len(toks) and art.clipped_end:
            raise _Widen
        last = m - 1
        if last < first or last - first + 1 > _MAX_SOURCE_TOKENS:
            return None
        return first, last, stopped

    def _valid_source(self, src_toks, words, nxt, text) -> bool:
        chunk = _first_chunk(src_toks)
        head = _head(chunk, text)
        if head[_FORM] in NON_SPEAKERS:
            return False
        if words[-1] in _NOUN_HOMOGRAPHS and len(words) == 1:
            # "Insurance claims": the subject must look like a speaker.
            only_initial_cap = len(chunk) == 1 and text[chunk[0][_START]].isupper()
            if only_initial_cap and not (
                head[_FORM] in PRONOUNS or head[_FORM] in ORG_NOUNS or head[_FORM] in ANON_PLURAL
            ):
                return text[chunk[0][_START] - 2 : chunk[0][_START]].strip() not in ("", ".")
        return True

    # --- content ------------------------------------------------------------

    def _content(
        self, art, toks, j1, src_start, src_end, cue_start, cue_end, inverted, s_idx, words
    ):
        """``(start, end, quote_type)`` of what was said, or None."""
        text = art.text
        sent_start, sent_end = art.sentences[s_idx]
        if inverted:
            back = self._content_before(art, sent_start, cue_start)
            if back is None:
                return None
            return self._maybe_interrupted(art, back, src_end)
        after = cue_end
        if words[-1] in _TELL:
            after = self._skip_recipient(art, toks, j1)
        rest = text[after:sent_end]
        pre = text[sent_start:src_start].rstrip()
        if (
            pre
            and pre[-1] in "," + _CLOSING + "—–"
            and (_TRIVIAL_REST.match(rest) or rest.lstrip().startswith(","))
        ):
            back = self._content_before(art, sent_start, src_start)
            if back is None:
                return None
            if _COMMA_QUOTE.match(rest):
                return self._maybe_interrupted(art, back, after)
            if _COMMA_LOWER.match(rest) and not _PARTICIPLE_AFTER.match(rest):
                return back[0], sent_end, _mixed_or(art, back[0], sent_end, "indirect")
            return back
        if _only_time_words(rest):
            return None
        return self._content_after(art, after, sent_end)

    def _skip_recipient(self, art, toks, j1) -> int:
        """End of the listener after a tell-verb ("told reporters", "told the BBC")."""
        text = art.text
        m = j1 + 1
        if m >= len(toks) or not _joinable(text, toks[j1], toks[m]):
            return toks[j1][_END]
        t = toks[m]
        if t[_FORM] in _RECIPIENTS:
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
                and toks[last + 1][_FORM] not in _NP_STOP
                and toks[last + 1][_FORM] not in DETERMINERS
                and toks[last + 1][_FORM] not in PRONOUNS
            ):
                last += 1
            return toks[last][_END]
        return toks[j1][_END]

    def _content_after(self, art, pos, sent_end):
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

    def _content_before(self, art, sent_start, limit):
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

    def _maybe_interrupted(self, art, back, pos):
        """Extend ``“Part one,” he said, “part two.”`` to the second part."""
        m = _COMMA_QUOTE.match(art.text, pos)
        if m:
            quotes = art.quotes_starting_in(m.end(), m.end() + 1)
            if quotes:
                kind = "direct" if back[2] == "direct" else "mixed"
                return back[0], quotes[0][1], kind
        return back

    def _according(self, art, hit, toks, j1, article_id, field):
        cue_start, cue_end, phrase, cue_class, s_idx = hit
        text = art.text
        np = self._np_forward(art, toks, j1 + 1)
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
            content = self._content_after(art, src_end, sent_end)
        else:
            content = self._content_before(art, sent_start, cue_start)
            if content is not None:
                content = (content[0], max(content[1], src_end), content[2])
                tail_end = sent_end
                content = (content[0], tail_end, content[2])
        if content is None:
            return None
        return self._evidence(
            art,
            article_id,
            field,
            phrase,
            cue_class,
            cue_start,
            cue_end,
            src[0][_START],
            src_end,
            src,
            False,
            content[0],
            content[1],
            content[2],
        )

    # --- speaker, anonymity, evidence ---------------------------------------

    def _evidence(
        self,
        art,
        article_id,
        field,
        phrase,
        cue_class,
        cue_start,
        cue_end,
        src_start,
        src_end,
        src_toks,
        anon_hint,
        c_start,
        c_end,
        quote_type,
    ) -> Evidence:
        text = art.text
        speaker, kind, anonymous = self._speaker(art, src_toks, src_start)
        is_pronoun = src_toks[0] is not None and src_toks[0][_FORM] in PRONOUNS
        # The source and 80 characters after it or after the cue, whichever ends later.
        window_end = (src_end if src_end > cue_start else cue_start) + 80
        if window_end > len(text):
            window_end = len(text)
        if anon_hint or (
            not is_pronoun
            and _mentions_anonymity(text[src_start:window_end], art.lowered(src_start, window_end))
        ):
            anonymous = True
        if speaker:
            art.spoken.append(_Spoken(src_start, speaker, kind, anonymous))
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
            art.sentence_of(start),  # sentence
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
        )

    def _speaker(self, art, src_toks, src_start) -> tuple[str, str, bool]:
        """``(speaker, kind, anonymous)`` for a source phrase."""
        text = art.text
        chunk = _first_chunk(src_toks)
        head = _head(chunk, text)
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
        if text[head[_START]].isupper() and not (
            head is chunk[0] and head[_FORM] in _COMMON_HEAD_NOUNS
        ):
            return _strip_the(phrase, chunk), "org", False
        if head[_FORM] in ORG_NOUNS or head[_FORM] in _ON_RECORD:
            return _strip_the(phrase, chunk, lower_initial=True), "org", False
        # (Names and organisations, the common sources, returned above without these.)
        plain = _strip_the(phrase, chunk).lower()
        det = chunk[0][_FORM] if chunk[0][_FORM] in DETERMINERS else ""
        if head[_FORM] in DOC_NOUNS:
            plural = head[_FORM].endswith("s") and head[_FORM] not in ("analysis", "data")
            return plain, "document", plural and not det
        if head[_FORM] in PERSON_ROLES or head[_FORM] in _GENERIC_PERSON:
            linked = _link_description(art, chunk, head, src_start)
            if linked is not None:
                return linked, "person", False
            return plain, "person", det in _INDEFINITE
        if det in _INDEFINITE:
            return plain, "person", True
        if not det and head[_FORM].endswith("s") and not head[_FORM].endswith("ss"):
            return plain, "plural", True
        return plain, "other", False


def _first_chunk(src_toks: list) -> list[_Tok]:
    """The source up to an apposition marker (``None``)."""
    if None in src_toks:
        return src_toks[: src_toks.index(None)]
    return src_toks


def _head(chunk: list[_Tok], text: str) -> _Tok:
    for i in range(1, len(chunk)):
        t = chunk[i]
        if t[_FORM] in _HEAD_BREAK:
            # "of" between capitalised words belongs to a name ("Concord of Nations
            # official", "Minister of Foreign Affairs Yaros Dallin"): keep looking.
            if (
                t[_FORM] == "of"
                and text[chunk[i - 1][_START]].isupper()
                and i + 1 < len(chunk)
                and text[chunk[i + 1][_START]].isupper()
            ):
                continue
            return chunk[i - 1]
    return chunk[-1]


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
        and last[_FORM] not in _CAP_FUNCTION
        or _PARTICLE_NAME.match(last[_FORM].split("-")[0])
    ):
        return None  # the name must end the phrase, and its last word cannot join one
    run: list[_Tok] = []
    for t in toks:
        if (
            text[t[_START]].isupper()
            and t[_FORM] not in DETERMINERS
            and t[_FORM] not in _CAP_FUNCTION
            or run
            and _PARTICLE_NAME.match(t[_FORM].split("-")[0])
        ):
            run.append(t)
        else:
            run = []
    if not run or run[-1] is not toks[-1]:
        return None
    forms = [t[_FORM].rstrip(".") for t in run]
    if not ORG_WORDS.isdisjoint(forms) or not _MONTHS_DAYS.isdisjoint(forms):
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
    best = None
    for spoken in art.spoken:
        if (
            spoken.start < before
            and spoken.kind == "person"
            and spoken.speaker.rsplit(" ", 1)[-1] == surname
            and " " in spoken.speaker
        ):
            best = spoken.speaker
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
        head[_FORM] in _GENERIC_PERSON
        or forms & _DESCRIPTORS
        or any(_AGE_RE.fullmatch(f) for f in forms)
    )
    if descriptive and nearest is not None:
        gap = art.sentence_of(before) - art.sentence_of(nearest.start)
        if gap <= 2:
            return nearest.name
    return None


def _resolve_pronoun(art: _Article, pronoun: str, before: int) -> tuple[str, str, bool]:
    """he/she -> nearest person; they -> nearest group; it -> nearest organisation."""
    if pronoun in _PERSON_PRONOUNS:
        best: tuple[int, str, bool] | None = None
        for spoken in art.spoken:
            if spoken.start < before and spoken.kind in ("person", "name"):
                best = (spoken.start, spoken.speaker, spoken.anonymous)
        mention = next(art.mentions_back(before), None)
        if mention is not None and (best is None or mention.start > best[0]):
            best = (mention.start, mention.name, False)
        if best is not None:
            # A later bare-surname mention of the same person is still that person.
            # In order of appearance (not a set): with two names sharing a surname, the
            # choice must not depend on the process's hash seed.
            candidates = dict.fromkeys(
                s.speaker
                for s in art.spoken
                if s.kind == "person" and not s.anonymous and " " in s.speaker
            )
            for name in candidates:
                pos = art.text.rfind(name.split()[-1], best[0] + 1, before)
                if pos > best[0] and not art.quote_holding(pos):
                    best = (pos, name, False)
            return best[1], "person", best[2]
        return "", "other", False
    wanted = {"they": ("org", "plural"), "it": ("org", "document", "name")}.get(pronoun)
    if wanted:
        for spoken in reversed(art.spoken):
            if spoken.start < before and spoken.kind in wanted:
                return spoken.speaker, spoken.kind, spoken.anonymous
    return "", "other", False


def _mentions_anonymity(text: str, lowered: str | None = None) -> bool:
    """True if ``text`` says the source is unnamed (cheap substring test before the regex).

    ``lowered`` is ``text.lower()``, or a stand-in for it from :meth:`_Article.lowered`.
    """
    if lowered is None:
        lowered = text.lower()
    return (
        "anonym" in lowered or "named" in lowered or "identified" in lowered or "authori" in lowered
    ) and bool(ANONYMITY_RE.search(text))


def _only_time_words(rest: str) -> bool:
    """True for "." or "on Thursday." or "in a statement." after a cue: no content there."""
    # Most cues are followed by a clause: its first word settles it without splitting the rest.
    head = rest.split(None, 1)
    if head:
        first = head[0].lower().strip('.,!?;:…”"’')
        if first and not (
            first in _TIME_WORDS
            or first in _TIME_PREPS
            or first in _STATEMENT_WORDS
            or first.isdigit()
        ):
            return False
    return all(
        f in _TIME_WORDS or f in _TIME_PREPS or f in _STATEMENT_WORDS or f.isdigit()
        for f in rest.lower().split()
        for f in [f.strip('.,!?;:…”"’')]
        if f
    )


def _mixed_or(art: _Article, start: int, end: int, default: str) -> str:
    return "mixed" if art.quotes_starting_in(start, end) else default
