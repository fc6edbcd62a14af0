"""Candidate targets from a corpus: the most mentioned people and organisations.

A researcher picks targets from their own corpus instead of guessing: this lists
capitalised name runs ("Jens Stoltenberg", "NATO", "Prime Minister Maren") by the
number of articles mentioning them, with aliases merged:

- a run that is the last word(s) of a longer, more frequent run is the same name
  ("Stoltenberg" -> "Jens Stoltenberg"), and a title before a name is folded in
  ("Prime Minister Maren" -> "Ilsa Maren" when "Maren" is hers);
- the source phrases the attribution rules linked to a named speaker ("the NATO
  chief" said ... -> speaker "Jens Stoltenberg") become aliases of that name;
- a demonym or adjective of a place the corpus also names is an alias of the place
  ("Kestrian", "Kestrians" -> "Kestria"; "Iraqi" -> "Iraq"), by the regular English
  endings (:func:`adjective_forms`; irregular ones such as "French" are not found).

A word capitalised only where sentences start ("Critics say ...", "Relations between
...") is no name, however often it is written: see :data:`SENTENCE_START_ONLY_MIN`.

The output is a targets CSV (``target,aliases,note``) for ``--targets FILE``. It is a
starting list: read it, drop what is not an actor, merge what the rules missed.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

# A run of capitalised words (with inner hyphens/apostrophes and initials) or acronyms,
# joined by single spaces (never a newline or a sentence's full stop), and by "of"/"for"
# and name particles ("Concord of Nations", "Ursula von der Leyen"); a possessive ends it.
_WORD = r"(?:[A-Z][a-z]+(?:[-'\u2019][A-Za-z]+)*(?<!['\u2019]s)|[A-Z]\.|[A-Z]{2,6}s?)"
# Words join across a space, or a plural's possessive apostrophe and a space ("the
# Farmers' League": an organisation's name, where a singular's "'s" ends the run).
_JOIN = r"(?:(?<=s)['\u2019])? "
_NAME_RUN = re.compile(
    r"\b"
    + _WORD
    + r"(?:"
    + _JOIN
    + r"(?:of the|of|for|von der|van der|de la|de|van|von|al|bin|la|du))?(?:"
    + _JOIN
    + _WORD
    + r")+|\b"
    + _WORD
)
# A capitalised word after a lower-case letter, a digit or clause punctuation and a
# space: its capital is not a sentence's opening one.
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z0-9,;:] )[A-Z][a-z]+\b")
#: A word capitalised at least this often and never but at a sentence's start is a common
#: word ("Critics say ...", "Relations between ..."), not a name: a name starts a sentence
#: now and then, not every time it is written.
SENTENCE_START_ONLY_MIN = 5
_PLAIN_WORD = re.compile(r"\b[A-Za-z][a-z]+\b")
_POSSESSIVE = re.compile(r"['\u2019]s$")
# Capitalised words that start sentences or name no actor.
_NOT_NAMES = frozenset(
    """a an the this that these those there then than their they he she it its his her we
    our you your i in on at of for from to by with as and but or nor so yet if when while
    after before since until because although though however meanwhile also still even
    not no yes all some many most more much other others another each every both few one
    two three four five six seven eight nine ten first second third last next new former
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december today yesterday tomorrow
    mr mrs ms dr sen rep gov gen president prime minister secretary general chief officials
    according asked said says told what who why how where which whose here now earlier
    later photo read more tonight""".split()
)
_TITLES = frozenset(
    """mr mrs ms dr sen rep gov gen col maj capt lt adm president prime minister secretary
    general chancellor foreign defence defense interior finance spokesman spokeswoman
    spokesperson ambassador envoy chief leader senator representative governor judge
    justice king queen prince pope sheikh commander deputy vice""".split()
)


@dataclass
class Candidate:
    """A suggested target: its name, how many articles and mentions, and its aliases."""

    name: str
    articles: int = 0
    mentions: int = 0
    aliases: Counter = field(default_factory=Counter)


def _clean(run: str, common: frozenset[str] = frozenset()) -> str | None:
    run = _POSSESSIVE.sub("", run.strip())
    words = run.split()
    # A sentence's first word is capitalised anyway: drop it when it is a function word
    # or a word the corpus mostly writes in lower case ("Tonight Varn" -> "Varn").
    while words and (
        (lower := words[0].lower().rstrip(".")) in common
        or (lower in _NOT_NAMES and lower not in _TITLES)
    ):
        words.pop(0)
    while words and words[-1] in ("of", "for", "the", "de", "van", "von", "al", "la", "du"):
        words.pop()
    if not words:
        return None
    if all(w.lower().rstrip(".") in _NOT_NAMES or w.lower().rstrip(".") in _TITLES for w in words):
        return None
    return " ".join(words)


def _without_title(name: str) -> str:
    """The name after its titles: "Dravenian Foreign Minister Yaros Dallin" -> "Yaros Dallin"."""
    words = name.split()
    for i in range(len(words) - 2, -1, -1):
        if words[i].lower().rstrip(".") in _TITLES:
            return " ".join(words[i + 1 :])
    return name


def adjective_forms(place: str) -> set[str]:
    """The regular demonyms and adjectives of a one-word place name (a superset: only the
    forms a corpus also holds are used).

    >>> "Kestrian" in adjective_forms("Kestria")
    True
    >>> {"Chinese", "Iraqi", "German", "Afghan", "Ukrainian"} <= (
    ...     adjective_forms("China") | adjective_forms("Iraq") | adjective_forms("Germany")
    ...     | adjective_forms("Afghanistan") | adjective_forms("Ukraine"))
    True
    """
    forms = {place + "n", place + "an", place + "ian", place + "i", place + "ese", place + "ish"}
    if place[-1] in "aeoy":  # Syria -> Syrian, China -> Chinese, Mexico -> Mexican
        stem = place[:-1]
        forms |= {stem, stem + "an", stem + "ian", stem + "ese", stem + "i"}
    if place.endswith("istan"):  # Afghanistan -> Afghan
        forms.add(place[:-5])
    return forms - {place}


def _demonyms(mentions: Counter) -> dict[str, str]:
    """One-word names that are a demonym or adjective (or its plural) of another one-word
    name of the corpus -> that place name."""
    single = {name for name in mentions if " " not in name and len(name) > 3}
    out = {}
    for place in single:
        for form in adjective_forms(place):
            for name in (form, form + "s"):
                if name in single and name not in out:
                    out[name] = place
    return out


def name_runs(text: str, common: frozenset[str] = frozenset()) -> list[str]:
    """Capitalised name runs in ``text``, cleaned (possessives, leading function words,
    leading words in ``common``: those the corpus mostly writes in lower case).

    >>> name_runs("Yesterday NATO's chief Jens Stoltenberg met Prime Minister Maren.")
    ['NATO', 'Jens Stoltenberg', 'Prime Minister Maren']
    """
    out = []
    for match in _NAME_RUN.finditer(text):
        name = _clean(match.group(), common)
        if name:
            out.append(name)
    return out


def suggest_targets(
    texts, speaker_sources=(), limit: int = 30, min_articles: int = 2
) -> list[Candidate]:
    """The ``limit`` names mentioned in most of ``texts`` (an iterable of article texts),
    aliases merged; ``speaker_sources`` are ``(speaker, source phrase)`` pairs from the
    attribution evidence, whose phrases become aliases of the speaker."""
    texts = list(texts)
    lower_words: Counter = Counter()
    capital_words: Counter = Counter()
    mid_sentence: Counter = Counter()
    for text in texts:
        for word in _PLAIN_WORD.findall(text):
            (lower_words if word[0].islower() else capital_words)[word.lower()] += 1
        mid_sentence.update(word.lower() for word in _MID_SENTENCE_CAPITAL.findall(text))
    common = frozenset(w for w, n in lower_words.items() if n >= capital_words[w])
    sentence_openers = frozenset(
        w for w, n in capital_words.items() if n >= SENTENCE_START_ONLY_MIN and not mid_sentence[w]
    )
    articles: Counter = Counter()
    mentions: Counter = Counter()
    per_article: list[set[str]] = []
    for text in texts:
        runs = [
            _without_title(r)
            for r in name_runs(text, common)
            if " " in r or r.lower() not in sentence_openers
        ]
        mentions.update(runs)
        per_article.append(set(runs))
        articles.update(per_article[-1])
    # Merge a name into the most mentioned longer name ending with it ("Stoltenberg" ->
    # "Jens Stoltenberg"); single words only, so "New York" does not swallow "York".
    canonical: dict[str, str] = {}
    by_last: dict[str, list[str]] = defaultdict(list)
    for name in mentions:
        words = name.split()
        if len(words) > 1:
            by_last[words[-1]].append(name)
    for name in mentions:
        if " " not in name and name in by_last:
            longer = max(by_last[name], key=lambda n: (mentions[n], n))
            if mentions[longer] * 4 >= mentions[name] or articles[longer] >= 2:
                canonical[name] = longer
    for name, place in _demonyms(mentions).items():
        canonical.setdefault(name, canonical.get(place, place))
    merged: dict[str, Candidate] = {}
    for name, count in mentions.items():
        head = canonical.get(name, name)
        candidate = merged.setdefault(head, Candidate(head))
        candidate.mentions += count
        if name != head:
            candidate.aliases[name] += count
    for names in per_article:
        for head in {canonical.get(name, name) for name in names}:
            merged[head].articles += 1
    for speaker, source in speaker_sources:
        head = canonical.get(_without_title(speaker), _without_title(speaker))
        words = (source or "").split()
        # Descriptions such as "the NATO chief" or "the prime minister", not pronouns
        # ("he") or lists ("Kestria and Aldmark").
        if (
            head in merged
            and 2 <= len(words) <= 5
            and words[0].lower() == "the"
            and "and" not in words
        ):
            merged[head].aliases[source] += 1
    ranked = sorted(merged.values(), key=lambda c: (-c.articles, -c.mentions, c.name))
    return [c for c in ranked if c.articles >= min_articles][:limit]


def suggestions_from_store(con, limit: int = 30, min_articles: int = 2) -> list[Candidate]:
    """:func:`suggest_targets` over every stored article's title and text."""
    texts = (
        f"{title or ''}\n{text or ''}"
        for title, text in con.execute("SELECT title, text FROM articles").fetchall()
    )
    pairs = con.execute(
        """SELECT speaker, source FROM evidence
        WHERE kind = 'attribution' AND speaker <> '' AND source <> '' AND NOT anonymous"""
    ).fetchall()
    return suggest_targets(texts, pairs, limit=limit, min_articles=min_articles)


def distinct_aliases(candidate: Candidate) -> list[str]:
    """A candidate's aliases, most frequent first, one per spelling regardless of case."""
    seen = {candidate.name.lower()}
    out = []
    for alias, _ in candidate.aliases.most_common():
        if alias.lower() not in seen and "|" not in alias:
            seen.add(alias.lower())
            out.append(alias)
    return out


def targets_csv(candidates: list[Candidate]) -> str:
    """The candidates as a targets lexicon (``target,aliases,note``) for ``--targets``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["target", "aliases", "note"])
    for c in candidates:
        aliases = distinct_aliases(c)
        writer.writerow(
            [
                c.name,
                "|".join(aliases),
                f"suggested: {c.articles} articles, {c.mentions} mentions; check before use",
            ]
        )
    return out.getvalue()
