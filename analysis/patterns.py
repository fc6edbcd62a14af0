"""The lexicon pattern engine: one pass over a text's tokens for hundreds of patterns.

Syntax (DESIGN.md): words separated by spaces, case-insensitive, on word
boundaries; a lone ``*`` is a gap of zero to four words; a word ending in ``*``
matches any ending (``assassinat*``). A short ALL-CAPS word (``US``, ``UN``)
matches only in capitals, so the pronoun "us" is not the United States.

Why not regexes: one regex per pattern costs about 20x VADER's time and one
giant alternation 4-35x (DESIGN.md "Speed"). Here every token is looked up
once in an index of pattern first words (memoised per distinct token form),
and only the few candidate patterns are checked from there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from analysis.text import QUOTE_FOLD, TOKEN_RE

MAX_GAP = 4
_CACHE_LIMIT = 200_000


class PatternError(ValueError):
    """A lexicon pattern that cannot be compiled."""


@dataclass(frozen=True, slots=True)
class Step:
    """One element of a compiled pattern."""

    kind: str  # "word" (exact form), "prefix" (trailing *), "gap" (lone *)
    form: str = ""
    case_sensitive: bool = False  # compare the token as written, not lower-cased


class Match(NamedTuple):
    """A pattern hit: token indices ``[first, last]`` and character span ``[start, end)``."""

    pattern_id: int
    first: int
    last: int
    start: int
    end: int


def compile_pattern(pattern: str) -> tuple[Step, ...]:
    """Parse a pattern into steps.

    >>> [(s.kind, s.form) for s in compile_pattern("breach* of * sovereignty")]
    [('prefix', 'breach'), ('word', 'of'), ('gap', ''), ('word', 'sovereignty')]
    """
    steps: list[Step] = []
    for part in pattern.split():
        if part == "*":
            if steps and steps[-1].kind == "gap":
                raise PatternError(f"'{pattern}': two gaps in a row; one * already spans 0-4 words")
            steps.append(Step("gap"))
            continue
        prefix = part.endswith("*")
        stem = part.rstrip("*")
        if "*" in stem:
            raise PatternError(f"'{pattern}': * may only end a word or stand alone")
        words = TOKEN_RE.findall(stem.translate(QUOTE_FOLD))
        if not words:
            raise PatternError(f"'{pattern}': '{part}' holds no letters or digits")
        for index, word in enumerate(words):
            is_last = index == len(words) - 1
            case_sensitive = word.isupper() and len(word) <= 3 and word.isalpha()
            form = word if case_sensitive else word.lower()
            steps.append(Step("prefix" if prefix and is_last else "word", form, case_sensitive))
    if not steps or steps[0].kind == "gap" or steps[-1].kind == "gap":
        raise PatternError(f"'{pattern}': a pattern must start and end with a word, not *")
    return tuple(steps)


class PatternSet:
    """Many patterns compiled once; :meth:`find` returns their longest non-overlapping hits.

    Token lists come from :func:`analysis.text.tokenize` (lower-cased folded
    forms) plus the original text for case-sensitive steps, and an optional
    sentence index per token: a match never crosses a sentence boundary.
    """

    def __init__(self, patterns: Sequence[str]):
        self.patterns = list(patterns)
        self.steps = [compile_pattern(p) for p in self.patterns]
        self._exact: dict[str, list[int]] = {}
        self._prefixes: dict[int, dict[str, list[int]]] = {}
        for pattern_id, steps in enumerate(self.steps):
            first = steps[0]
            key = first.form.lower()
            if first.kind == "word":
                self._exact.setdefault(key, []).append(pattern_id)
            else:
                self._prefixes.setdefault(len(key), {}).setdefault(key, []).append(pattern_id)
        self._candidates: dict[str, tuple[int, ...]] = {}
        self._plans: dict[str, tuple | None] = {}
        self._planned: set[str] = set()  # forms in _plans
        self._starters: set[str] = set()  # forms in _plans with a plan (not None)
        # Starters whose every pattern needs a given second word ("the Front", "in cold
        # blood"): form -> those second words, so most such tokens are passed over in C.
        self._next_only: dict[str, frozenset[str]] = {}

    def candidates(self, form: str) -> tuple[int, ...]:
        """Ids of the patterns whose first step can match a token of this (lower-case) form."""
        hit = self._candidates.get(form)
        if hit is None:
            found = list(self._exact.get(form, ()))
            for length, table in self._prefixes.items():
                if len(form) >= length:
                    found.extend(table.get(form[:length], ()))
            hit = tuple(found)
            if len(self._candidates) > _CACHE_LIMIT:
                self._candidates.clear()
            self._candidates[form] = hit
        return hit

    def _plan(self, form: str) -> tuple | None:
        """How to try the candidates of ``form`` (memoised), or None when there are none.

        ``(singles, by_next, others)``: one-word patterns (a hit as they stand, unless
        case-sensitive); patterns whose second step is a plain word, keyed by that word,
        so "in cold blood" is tried only where "in" is followed by "cold", not at every
        "in"; and the rest, tried step by step.
        """
        plans = self._plans
        if form in plans:
            return plans[form]
        singles: list[int] = []
        by_next: dict[str, list[int]] = {}
        others: list[int] = []
        for pattern_id in self.candidates(form):
            steps = self.steps[pattern_id]
            if len(steps) == 1:
                singles.append(pattern_id)
            elif steps[1].kind == "word" and not steps[1].case_sensitive:
                by_next.setdefault(steps[1].form, []).append(pattern_id)
            else:
                others.append(pattern_id)
        plan = (tuple(singles), by_next, tuple(others)) if singles or by_next or others else None
        plans[form] = plan
        self._planned.add(form)
        if plan is not None:
            self._starters.add(form)
            if not singles and not others:
                self._next_only[form] = frozenset(by_next)
        return plan

    def find(
        self,
        tokens: Sequence[tuple[int, int, str]],
        text: str,
        sentence_of_token: Sequence[int] | None = None,
        forms: Sequence[str] | None = None,
    ) -> list[Match]:
        """Longest non-overlapping matches in text order.

        ``forms`` (the tokens' forms, ``[t[2] for t in tokens]``) may be passed when
        several pattern sets search the same tokens, to build that list once.
        """
        return resolve_overlaps(self._collect(tokens, text, sentence_of_token, forms))

    def _collect(self, tokens, text, sentence_of_token, forms) -> list[Match]:
        """Every pattern's match from every token, overlaps not yet resolved."""
        if forms is None:
            forms = [t[2] for t in tokens]
        # Set algebra in C instead of a dictionary lookup per token: the article's
        # distinct forms, minus those already planned, are planned once; the ones
        # that can start a pattern are then located in one comprehension.
        distinct = set(forms)
        unplanned = distinct - self._planned
        if unplanned:
            if len(self._plans) + len(unplanned) > _CACHE_LIMIT:
                # Bound the memory of a long run; cleared before, never while, planning.
                self._plans.clear()
                self._planned.clear()
                self._starters.clear()
                self._next_only.clear()
                unplanned = distinct
            for form in unplanned:
                self._plan(form)
        starting = distinct & self._starters
        if not starting:
            return []
        plan_of = self._plans
        found: list[Match] = []
        steps_of = self.steps
        n = len(tokens)
        next_only = self._next_only
        final = n - 1
        for index in [
            i
            for i, form in enumerate(forms)
            if form in starting
            and (form not in next_only or (i < final and forms[i + 1] in next_only[form]))
        ]:
            singles, by_next, others = plan_of[forms[index]]
            start, end, _ = tokens[index]
            for pattern_id in singles:
                step = steps_of[pattern_id][0]
                # The candidate index already matched the form; only the case is left.
                if not step.case_sensitive or text[start:end] == step.form:
                    found.append(Match(pattern_id, index, index, start, end))
            tried = by_next.get(forms[index + 1], ()) if by_next and index + 1 < n else ()
            for group in (tried, others):
                for pattern_id in group:
                    last = self._match_from(
                        steps_of[pattern_id], tokens, text, index, sentence_of_token
                    )
                    if last is not None:
                        found.append(Match(pattern_id, index, last, start, tokens[last][1]))
        return found

    def _match_from(self, steps, tokens, text, index, sentence_of_token) -> int | None:
        """Index of the last token of a match of ``steps`` starting at ``index``, or None."""
        sentence = sentence_of_token[index] if sentence_of_token is not None else None
        best: int | None = None
        # Depth-first over gap lengths; keep the nearest completion, so a gap never
        # swallows the pattern's next occurrence ("war crimes and war on crime").
        stack = [(0, index)]
        while stack:
            step_no, position = stack.pop()
            if step_no == len(steps):
                if best is None or position - 1 < best:
                    best = position - 1
                continue
            step = steps[step_no]
            if step.kind == "gap":
                for skip in range(MAX_GAP, -1, -1):
                    stack.append((step_no + 1, position + skip))
                continue
            if position >= len(tokens):
                continue
            if sentence is not None and sentence_of_token[position] != sentence:
                continue
            if self._step_matches(step, tokens[position], text):
                stack.append((step_no + 1, position + 1))
        return best

    @staticmethod
    def _step_matches(step: Step, token: tuple[int, int, str], text: str) -> bool:
        start, end, form = token
        if step.case_sensitive:
            return text[start:end] == step.form
        if step.kind == "word":
            return form == step.form
        return form.startswith(step.form)


class PatternGroups:
    """Several pattern lists (lexicons) searched in one pass over the tokens.

    ``find`` returns, for each list, exactly what ``PatternSet(that_list).find`` returns
    (pattern ids index that list): every pattern's hits depend only on the pattern and
    the tokens, and overlaps are resolved within each list, never across lists.

    >>> groups = PatternGroups([["war", "war crimes"], ["crimes"]])
    >>> from analysis.text import tokenize
    >>> text = "war crimes"
    >>> [[(m.pattern_id, m.start, m.end) for m in g] for g in groups.find(tokenize(text), text)]
    [[(1, 0, 10)], [(0, 4, 10)]]
    """

    def __init__(self, groups: Sequence[Sequence[str]]):
        self.groups = [list(g) for g in groups]
        self._set = PatternSet([p for g in self.groups for p in g])
        self._where = [
            (g, local) for g, group in enumerate(self.groups) for local in range(len(group))
        ]

    def find(
        self,
        tokens: Sequence[tuple[int, int, str]],
        text: str,
        sentence_of_token: Sequence[int] | None = None,
        forms: Sequence[str] | None = None,
    ) -> list[list[Match]]:
        """Per pattern list: its longest non-overlapping matches in text order."""
        per: list[list[Match]] = [[] for _ in self.groups]
        where = self._where
        for m in self._set._collect(tokens, text, sentence_of_token, forms):
            group, local = where[m.pattern_id]
            per[group].append(Match(local, m.first, m.last, m.start, m.end))
        return [resolve_overlaps(found) for found in per]


def resolve_overlaps(matches: list[Match]) -> list[Match]:
    """Keep the longest of overlapping matches (then the earliest), in text order.

    >>> m = [Match(0, 0, 0, 0, 6), Match(1, 0, 3, 0, 30), Match(2, 5, 5, 40, 45)]
    >>> [x.pattern_id for x in resolve_overlaps(m)]
    [1, 2]
    """
    if len(matches) < 2:
        return matches
    chosen: list[Match] = []
    taken: set[int] = set()
    for match in sorted(matches, key=lambda m: (-(m.end - m.start), m.start, m.pattern_id)):
        span = range(match.first, match.last + 1)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        chosen.append(match)
    chosen.sort(key=lambda m: m.start)
    return chosen
