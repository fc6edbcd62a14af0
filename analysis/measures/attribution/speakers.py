"""Who a source is: a canonical speaker name, its kind and whether it is anonymous.

Names are capitalised runs minus titles, surnames expanded to the full name seen before,
"the prime minister" linked to the person named with that role, he/she/they/it resolved to
the nearest fitting source; anonymity from the source's head noun or a phrase such as
"who asked not to be named".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from functools import partial

from analysis.measures.attribution.article import (
    _AGE_RE,
    _END,
    _FORM,
    _START,
    _Article,
    _first_chunk,
    _head,
    _Tok,
    quotation_holding,
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
from analysis.text import TOKEN_RE

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


# The words' ``*+`` are possessive (no backtracking into a word): giving a character back
# leaves a word character next, where only "." or " " could continue, so no match is lost,
# and a capitalised word that starts no run (most of them) fails at once, not letter by letter.
_CAP_RUN = re.compile(
    r"[A-ZÀ-ÖØ-Þ][\w'’-]*+(?:(?:(?<=\b[A-Z])\.)?[ ]+(?:(?:al|el|bin|ibn|bint|de|van|von|da|di|du"
    r"|le|la|abu|ben)[ -])?[A-ZÀ-ÖØ-Þ][\w'’-]*+)+"
)
_WORD_RE = re.compile(r"\S+")
_APPOSITION_RE = re.compile(r",\s+(?:the|a|an)\s+([^,.;]+)")
# How many distinct surnames an article's speakers may have before their places in the
# text are read off an index of its capitalised words rather than found one by one.
_FIND_SURNAMES = 24


@dataclass(slots=True)
class _Spoken:
    """A source already attributed in this article, for pronoun linking."""

    start: int
    speaker: str
    kind: str  # person | name | org | plural | document | other
    anonymous: bool
    source_type: str = ""


@dataclass(slots=True)
class _Mention:
    start: int
    name: str
    roles: frozenset[str]


class _Speakers:
    """Per article, beside its ``_Article``: the sources attributed so far and the people
    mentioned in the text, for linking pronouns, bare surnames and roles to a person."""

    def __init__(self, art: _Article):
        self.text = art.text
        self.sentences = art.sentences
        self._sentence_starts = art._sentence_starts
        # The article's data, not its methods: the article keeps this object, and a
        # method of it kept here would make a reference cycle, which leaves every article of
        # a batch for the cycle collector the command pauses (tests/analysis/pipeline/
        # test_memory.py).
        self.quote_holding = partial(quotation_holding, art.quotes, art.quote_starts)
        self.spoken: list[_Spoken] = []
        # Indexes over ``spoken`` (see ``add_spoken``), so that a speaker lookup costs about
        # the same with 5 sources in an article as with 5,000.
        self._spoken_by_kind: dict[str, list[int]] = {}
        self._full_names_by_surname: dict[str, list[int]] = {}
        self._latest_type: dict[str, str] = {}
        # Named people who may be referred to by their surname alone, in order of first
        # appearance, by surname; and where those surnames occur in the text, sorted.
        self._names_by_surname: dict[str, list[str]] = {}
        self._named: set[str] = set()
        self._surname_places: list[int] = []
        self._surname_at: dict[int, str] = {}
        # Surnames not yet in ``_surname_places``, with how to find them (``_places_of``).
        self._unplaced: list[tuple[str, bool]] = []
        self._capitalised: dict[str, list[int]] | None = None
        self._mentions: dict[int, list[_Mention]] = {}
        # Where ``ANONYMITY_HINTS`` occur in ``folded``: (starts, ends), on first need.
        self.anonymity_hints: tuple[list[int], list[int]] | None = None

    def add_spoken(self, spoken: _Spoken) -> None:
        """Record an attributed source (for pronouns and surnames later in the article)."""
        index = len(self.spoken)
        self.spoken.append(spoken)
        self._spoken_by_kind.setdefault(spoken.kind, []).append(index)
        self._latest_type[spoken.speaker] = spoken.source_type
        if spoken.kind != "person" or " " not in spoken.speaker:
            return
        surname = spoken.speaker.rsplit(" ", 1)[-1]
        self._full_names_by_surname.setdefault(surname, []).append(index)
        if spoken.anonymous or spoken.speaker in self._named:
            return
        self._named.add(spoken.speaker)
        names = self._names_by_surname.setdefault(surname, [])
        names.append(spoken.speaker)
        if len(names) == 1:  # a new surname: where it occurs in the text, found on first need
            self._unplaced.append((surname, len(self._names_by_surname) > _FIND_SURNAMES))

    def last_spoken(self, kinds: tuple[str, ...], before: int) -> _Spoken | None:
        """The latest recorded source of one of ``kinds`` starting before ``before``."""
        best = -1
        for kind in kinds:
            indices = self._spoken_by_kind.get(kind, ())
            for i in range(len(indices) - 1, -1, -1):
                if indices[i] <= best:
                    break
                if self.spoken[indices[i]].start < before:
                    best = indices[i]
                    break
        return self.spoken[best] if best >= 0 else None

    def full_name_spoken(self, surname: str, before: int) -> str | None:
        """The latest recorded person with a full name ending in ``surname``, before ``before``."""
        for i in reversed(self._full_names_by_surname.get(surname, ())):
            if self.spoken[i].start < before:
                return self.spoken[i].speaker
        return None

    def latest_type(self, speaker: str) -> str | None:
        """The source type the latest attribution to ``speaker`` got, or None."""
        return self._latest_type.get(speaker)

    def latest_surname(self, after: int, before: int) -> tuple[int, str] | None:
        """``(place, name)``: the latest place between ``after`` and ``before``, outside
        quotations, where a recorded person's surname occurs alone (each surname judged
        by its last occurrence there); with two people sharing it, the first named."""
        if self._unplaced:
            self._place_surnames()
        places = self._surname_places
        i = bisect_left(places, before) - 1
        judged = set()
        while i >= 0 and places[i] > after:
            surname = self._surname_at[places[i]]
            if surname not in judged:
                judged.add(surname)
                if not self.quote_holding(places[i]):
                    return places[i], self._names_by_surname[surname][0]
            i -= 1
        return None

    def _place_surnames(self) -> None:
        """Index the places of the surnames recorded since the last call, in their order.

        Deferred from ``add_spoken`` to the first ``latest_surname`` that needs them (most
        articles have no pronoun that asks): a pass over the text per surname saved.
        """
        for surname, indexed in self._unplaced:
            for place in self._places_of(surname, indexed):
                insort(self._surname_places, place)
                self._surname_at[place] = surname
        self._unplaced.clear()

    def _places_of(self, surname: str, indexed: bool) -> list[int]:
        """Where ``surname`` occurs as a word of its own (or with a possessive "'s").

        A few surnames are found with ``str.find`` (C speed, no index to build); past
        ``_FIND_SURNAMES`` of them (``indexed``: when the surname was recorded) an index
        of the text's capitalised words is built once, so that an article naming
        thousands of people costs a pass, not a pass per name.
        """
        if indexed:
            return self._capitalised_words().get(surname, [])
        text = self.text
        places = []
        start = text.find(surname)
        size = len(surname)
        while start >= 0:
            before = text[start - 1 : start] if start else ""
            after = text[start + size : start + size + 1]
            word_starts = not (before.isalnum() or before in ("-", "'", "’"))
            word_ends = not (after.isalnum() or after == "-") and (
                after not in ("'", "’") or text[start + size + 1 : start + size + 2] == "s"
            )
            if word_starts and word_ends:  # "Lee" and "Lee's", not "Leeds" or "Holt-Lee"
                places.append(start)
            start = text.find(surname, start + 1)
        return places

    def _capitalised_words(self) -> dict[str, list[int]]:
        """Every capitalised word of the text by its spelling (a possessive also by its
        stem: "Lee's" -> "Lee"), with its places; built once, on first need."""
        if self._capitalised is None:
            words: dict[str, list[int]] = {}
            text = self.text
            for match in TOKEN_RE.finditer(text):
                word = match.group()
                if word[0].isupper():
                    if word.endswith(("'s", "’s")):
                        word = word[:-2]
                    words.setdefault(word, []).append(match.start())
            self._capitalised = words
        return self._capitalised

    def mentions_back(self, pos: int, sentences: int = 1_000_000):
        """Person mentions (capitalised runs minus titles) before ``pos``, nearest first,
        from at most ``sentences`` sentences back (the one holding ``pos`` included)."""
        index = self._sentence_at_or_before(pos)
        for i in range(index, max(-1, index - sentences), -1):
            for mention in reversed(self._mentions_in(i)):
                if mention.start < pos:
                    yield mention

    def _sentence_at_or_before(self, pos: int) -> int:
        return bisect_right(self._sentence_starts, pos) - 1

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
            if not _may_join_a_run(text, found, sentences[i][0]):
                limit = found  # ("said Maren": no name ends here; its sentence is not read)
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


_RUN_CAPITALS = re.compile(r"[A-ZÀ-ÖØ-Þ]")  # what starts a word of ``_CAP_RUN``
_RUN_PARTICLES = frozenset(
    "al el bin ibn bint de van von da di du le la abu ben".split()
)  # ``_CAP_RUN``'s lower-case name particles


def _may_join_a_run(text: str, space: int, start: int) -> bool:
    """Whether the word after the space at ``space`` can continue a ``_CAP_RUN`` run (a
    name): what precedes the spaces must be a word holding a capital (the run's previous
    word), a name particle ("van"), or a full stop (an initial, "J."). False only when no
    run can reach across (as after "said" or "in"); ``start``: where the sentence starts."""
    j = space
    while j > start and text[j - 1] == " ":
        j -= 1
    if j > start and text[j - 1] == ".":
        return True
    w = j
    while w > start and (text[w - 1].isalnum() or text[w - 1] in "_'’-"):
        w -= 1
    word = text[w:j]
    return word in _RUN_PARTICLES or _RUN_CAPITALS.search(word) is not None


def _person_mention(text: str, run: re.Match) -> _Mention | None:
    words = [(m.start(), m.group()) for m in _WORD_RE.finditer(run.group())]
    while words and words[0][1].lower() in CAP_FUNCTION:
        words.pop(0)
    forms = [w.lower().rstrip(".") for _, w in words]
    if not words or not ORG_WORDS.isdisjoint(forms) or not TIME_WORDS.isdisjoint(forms):
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
    best = art.speakers.full_name_spoken(surname, before)
    if best is None:
        return art.speakers.full_name_before(surname, before)
    return best


def _link_description(art: _Article, chunk: list[_Tok], head: _Tok, before: int) -> str | None:
    """Link "the 78-year-old politician" / "the prime minister" to a person named earlier."""
    if chunk[0][_FORM] != "the":
        return None
    nearest = None
    for mention in art.speakers.mentions_back(before, _ROLE_LOOKBACK):
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
        spoken = art.speakers.last_spoken(
            ("person", "name"), before
        )  # the last one named before it
        if spoken is not None:
            best = (spoken.start, spoken.speaker, spoken.anonymous)
        mention = next(art.speakers.mentions_back(before, _PRONOUN_LOOKBACK), None)
        if mention is not None and (best is None or mention.start > best[0]):
            best = (mention.start, mention.name, False)
        if best is not None:
            # A later bare-surname mention of the same person is still that person.
            later = art.speakers.latest_surname(best[0], before)
            if later is not None:
                best = (later[0], later[1], False)
            return best[1], "person", best[2]
        return "", "other", False
    wanted = {"they": ("org", "plural"), "it": ("org", "document", "name")}.get(pronoun)
    if wanted:
        spoken = art.speakers.last_spoken(wanted, before)
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
    places = art.speakers.anonymity_hints
    if places is None:
        folded = art.folded
        spans = []
        for hint in ANONYMITY_HINTS:
            at = folded.find(hint)
            while at >= 0:
                spans.append((at, at + len(hint)))
                at = folded.find(hint, at + 1)
        spans.sort()
        places = art.speakers.anonymity_hints = ([a for a, _ in spans], [b for _, b in spans])
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
