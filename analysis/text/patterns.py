"""The lexicon pattern engine: one pass over a text's tokens for hundreds of patterns.

Syntax (docs/ARCHITECTURE.md, "Lexicon pattern syntax"): words separated by spaces, case-insensitive, on word
boundaries; a lone ``*`` is a gap of zero to four words; a word ending in ``*``
matches any ending (``assassinat*``). A short ALL-CAPS word (``US``, ``UN``)
matches only in capitals, so the pronoun "us" is not the United States.

Why not regexes: one regex per pattern costs about 20x VADER's time and one
giant alternation 4-35x (docs/ARCHITECTURE.md, "Speed budget"). Here every token is looked up
once in an index of pattern first words (memoised per distinct token form),
and only the few candidate patterns are checked from there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from itertools import compress, count, repeat
from operator import is_, itemgetter
from typing import NamedTuple

from analysis.errors import InputError
from analysis.text import TOKEN_RE, fold_quotes

MAX_GAP = 4
#: The most gaps one pattern may hold (each multiplies the ways a match can run).
MAX_GAPS = 3
_CACHE_LIMIT = 200_000


class PatternError(InputError):
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
        words = TOKEN_RE.findall(fold_quotes(stem))
        if not words:
            raise PatternError(f"'{pattern}': '{part}' holds no letters or digits")
        for index, word in enumerate(words):
            is_last = index == len(words) - 1
            case_sensitive = word.isupper() and len(word) <= 3 and word.isalpha()
            form = word if case_sensitive else word.lower()
            steps.append(Step("prefix" if prefix and is_last else "word", form, case_sensitive))
    if sum(step.kind == "gap" for step in steps) > MAX_GAPS:
        raise PatternError(
            f"'{pattern}': more than {MAX_GAPS} gaps (*); split it into shorter patterns"
        )
    if not steps or steps[0].kind == "gap" or steps[-1].kind == "gap":
        raise PatternError(f"'{pattern}': a pattern must start and end with a word, not *")
    return tuple(steps)


# A Match built in C (``Match(...)`` goes through a Python-level ``__new__``).
_new_match = partial(tuple.__new__, Match)
_FORM = itemgetter(2)
_START = itemgetter(3)


def _overlap_order(match: Match) -> tuple[int, int, int]:
    # Longest first (in characters), then the earliest, then the lowest pattern id.
    return (match[3] - match[4], match[3], match[0])


class _SecondWords(frozenset):
    """The second words a plan's patterns need, as a set whose ``in`` also accepts a form
    beginning with one of ``prefixes`` (the patterns' ``word*`` second steps).

    >>> "jumpers" in _SecondWords({"crisis"}, ("jumper",)), "jump" in _SecondWords({"crisis"}, ("jumper",))
    (True, False)
    """

    __slots__ = ("prefixes",)

    def __new__(cls, words, prefixes: tuple[str, ...]):
        second_words = super().__new__(cls, words)
        second_words.prefixes = prefixes
        return second_words

    def __contains__(self, form: object) -> bool:
        return frozenset.__contains__(self, form) or (
            isinstance(form, str) and form.startswith(self.prefixes)
        )

    def __reduce__(self):
        # frozenset's own would rebuild it from the words alone (analyzers are pickled
        # for pool and Dask workers, their memoised plans with them).
        return (_SecondWords, (frozenset(self), self.prefixes))


class PatternSet:
    """Many patterns compiled once; :meth:`find` returns their longest non-overlapping hits.

    Token lists come from :func:`analysis.text.tokenize` (lower-cased folded
    forms) plus the original text for case-sensitive steps, and an optional
    sentence index per token: a match never crosses a sentence boundary.
    """

    def __init__(self, patterns: Sequence[str]):
        self.patterns = list(patterns)
        self.steps = [compile_pattern(p) for p in self.patterns]
        exact: dict[str, list[int]] = {}
        prefixes: dict[int, dict[str, list[int]]] = {}
        for pattern_id, steps in enumerate(self.steps):
            first = steps[0]
            key = first.form.lower()
            if first.kind == "word":
                exact.setdefault(key, []).append(pattern_id)
            else:
                prefixes.setdefault(len(key), {}).setdefault(key, []).append(pattern_id)
        # As tuples: what :meth:`candidates` returns, without a copy.
        self._exact = {key: tuple(ids) for key, ids in exact.items()}
        self._prefixes = {
            length: {key: tuple(ids) for key, ids in table.items()}
            for length, table in prefixes.items()
        }
        # Prefix lengths worth trying for a form, by its first letters (as many as the
        # shortest prefix has): a new word tries the one or two lengths of the prefixes
        # sharing its start, not every length (fifteen in the default lexicons).
        self._head = min(self._prefixes, default=1)
        self._prefix_lengths: dict[str, tuple[int, ...]] = {}
        for length, table in self._prefixes.items():
            for key in table:
                lengths = self._prefix_lengths.get(key[: self._head], ())
                if length not in lengths:
                    self._prefix_lengths[key[: self._head]] = (*lengths, length)
        # Where each pattern's matches go: (output list, id in that list). One list here;
        # PatternGroups routes each lexicon's patterns to its own list (_route).
        self._where: list[tuple[int, int]] = [(0, i) for i in range(len(self.steps))]
        self._outputs = 1
        self._reset_plans()

    def _route(self, where: list[tuple[int, int]], outputs: int) -> None:
        self._where = where
        self._outputs = outputs
        self._reset_plans()

    def _reset_plans(self) -> None:
        # form -> its plan (:meth:`_plan`), or () for a form that starts no pattern.
        self._plans: dict[str, tuple] = {}

    def candidates(self, form: str) -> tuple[int, ...]:
        """Ids of the patterns whose first step can match a token of this (lower-case) form.

        Not memoised: its one caller, :meth:`_plan`, memoises the plan it builds from them
        (a second memo of the same forms cost a third of a new form's time)."""
        found = self._exact.get(form, ())
        lengths = self._prefix_lengths.get(form[: self._head])
        if lengths is not None:
            for length in lengths:
                if len(form) >= length:
                    more = self._prefixes[length].get(form[:length])
                    if more is not None:
                        found = (*found, *more)
        return found

    def _plan(self, form: str) -> tuple:
        """How to try the candidates of ``form`` (memoised), or ``()`` when there are none.

        ``(singles, trie, rest, seconds)``, each pattern as its ``(output, id)``
        (:meth:`_route`):

        - ``singles``: one-word patterns, a hit as they stand (the candidate lookup has
          matched the form);
        - ``trie``: patterns of plain words after the first (no gap, prefix or capitals),
          as nested ``{word: [ends, trie or None]}``, so "it is said", "it is thought", ...
          cost one dictionary lookup per following word, not one check per pattern;
        - ``rest`` (None when empty): ``(case-sensitive singles, linear, others)``:
          gapless patterns with a prefix step as ``(out, id, ((form, is_prefix), ...))``
          for the steps after the first, checked in order; the rest (gaps, capitals) as
          ``(out, id, steps, second word or None)``, searched by :meth:`_match_from`
          when their plain second word (if any) follows;
        - ``seconds``: when every pattern needs one of a few second words ("the Front",
          "in cold blood") or word beginnings ("border jumper*"), those (a
          :class:`_SecondWords` when there are beginnings), so most tokens of such a form
          ("the": ~50 an article) are passed over at the cost of one ``in`` test; else None.
        """
        plans = self._plans
        if form in plans:
            return plans[form]
        candidates = self.candidates(form)
        if not candidates:  # most new words (names, numbers): nothing to build
            plans[form] = ()
            return ()
        singles: list[tuple[int, int]] = []
        trie: dict = {}
        case_singles: list[tuple[int, int, str]] = []
        linear: list[tuple] = []
        others: list[tuple] = []
        # Second words (and beginnings of second words) every multi-word pattern needs;
        # None once a pattern needs none.
        seconds: set[str] | None = set()
        second_prefixes: list[str] = []
        for pattern_id in candidates:
            steps = self.steps[pattern_id]
            out, local = self._where[pattern_id]
            second = steps[1] if len(steps) > 1 else None
            if second is None or second.kind == "gap" or second.case_sensitive:
                seconds = None
            elif seconds is not None:
                if second.kind == "prefix":
                    second_prefixes.append(second.form)
                else:
                    seconds.add(second.form)
            if second is None:
                if steps[0].case_sensitive:
                    case_singles.append((out, local, steps[0].form))
                else:
                    singles.append((out, local))
            elif any(s.kind == "gap" or s.case_sensitive for s in steps):
                word = second.form if second.kind == "word" and not second.case_sensitive else None
                others.append((out, local, steps, word))
            elif all(s.kind == "word" for s in steps[1:]):
                node = trie
                for step in steps[1:-1]:
                    entry = node.setdefault(step.form, [(), None])
                    if entry[1] is None:
                        entry[1] = {}
                    node = entry[1]
                entry = node.setdefault(steps[-1].form, [(), None])
                entry[0] = (*entry[0], (out, local))
            else:
                linear.append((out, local, tuple((s.form, s.kind == "prefix") for s in steps[1:])))
        rest = (
            (tuple(case_singles), tuple(linear), tuple(others))
            if case_singles or linear or others
            else None
        )
        if seconds is None or not (seconds or second_prefixes):
            needed = None
        elif second_prefixes:
            needed = _SecondWords(seconds, tuple(second_prefixes))
        else:
            needed = frozenset(seconds)
        plan = (tuple(singles), trie or None, rest, needed) if singles or trie or rest else ()
        plans[form] = plan
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
        found: list[list[Match]] = [[] for _ in range(self._outputs)]
        self._collect(tokens, text, sentence_of_token, forms, found)
        return resolve_overlaps([m for out in found for m in out])

    def _collect(self, tokens, text, sentence_of_token, forms, found) -> None:
        """Every pattern's match from every token, overlaps not yet resolved, appended to
        ``found[output]`` (:meth:`_route`) in token order."""
        if forms is None:
            forms = [*map(_FORM, tokens)]
        # Each token's plan in one C pass over the memo (None: a form not seen before,
        # (): a form that starts no pattern); new forms are planned, then looked up again.
        plan_of = self._plans
        plans = [*map(plan_of.get, forms)]
        if None in plans:
            missing = [*compress(count(), map(is_, plans, repeat(None)))]
            unplanned = {forms[i] for i in missing}
            if len(plan_of) + len(unplanned) > _CACHE_LIMIT:
                # Bound the memory of a long run; cleared before, never while, planning
                # (the plans already in ``plans`` stay valid: a plan depends on its form only).
                self._reset_plans()
            for form in unplanned:
                self._plan(form)
            plan_of = self._plans
            for i in missing:
                plans[i] = plan_of[forms[i]]
        n = len(tokens)
        final = n - 1
        # Without a sentence map every token is in one sentence.
        sentence_of = [0] * n if sentence_of_token is None else sentence_of_token
        # The tokens that start some pattern (a non-empty plan), found in C.
        for index in compress(count(), plans):
            singles, trie, rest, seconds = plans[index]
            if seconds is not None and (index == final or forms[index + 1] not in seconds):
                continue
            start, end, _ = tokens[index]
            for out, local in singles:
                found[out].append(_new_match((local, index, index, start, end)))
            if trie is not None:
                sentence = sentence_of[index]
                k = index + 1
                while k < n and sentence_of[k] == sentence:
                    entry = trie.get(forms[k])
                    if entry is None:
                        break
                    ends, trie = entry
                    if ends:
                        stop = tokens[k][1]
                        for out, local in ends:
                            found[out].append(_new_match((local, index, k, start, stop)))
                    if trie is None:
                        break
                    k += 1
            if rest is not None:
                self._collect_rest(rest, tokens, text, sentence_of, forms, index, found)

    def _collect_rest(self, rest, tokens, text, sentence_of, forms, index, found) -> None:
        case_singles, linear, others = rest
        start, end, _ = tokens[index]
        for out, local, written in case_singles:
            if text[start:end] == written:
                found[out].append(_new_match((local, index, index, start, end)))
        n = len(tokens)
        sentence = sentence_of[index]
        for out, local, tail in linear:
            k = index
            for want, is_prefix in tail:
                k += 1
                if k >= n or sentence_of[k] != sentence:
                    break
                form = forms[k]
                if not (form.startswith(want) if is_prefix else form == want):
                    break
            else:
                found[out].append(_new_match((local, index, k, start, tokens[k][1])))
        for out, local, steps, second in others:
            if second is not None and (index + 1 >= n or forms[index + 1] != second):
                continue
            last = self._match_from(steps, tokens, text, index, sentence_of)
            if last is not None:
                found[out].append(_new_match((local, index, last, start, tokens[last][1])))

    def _match_from(self, steps, tokens, text, index, sentence_of_token) -> int | None:
        """Index of the last token of a match of ``steps`` starting at ``index``, or None."""
        sentence = sentence_of_token[index] if sentence_of_token is not None else None
        best: int | None = None
        # Depth-first over gap lengths; keep the nearest completion, so a gap never
        # swallows the pattern's next occurrence ("war crimes and war on crime").
        # A state met twice ends the same ways: visiting it once keeps the search to
        # steps x reachable positions, where repeated words made it exponential in gaps.
        stack = [(0, index)]
        seen = set()
        while stack:
            state = stack.pop()
            if state in seen:
                continue
            seen.add(state)
            step_no, position = state
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
        # Each match is built once, with its list's own pattern id, straight into its list.
        self._set._route(self._where, len(self.groups))

    def find(
        self,
        tokens: Sequence[tuple[int, int, str]],
        text: str,
        sentence_of_token: Sequence[int] | None = None,
        forms: Sequence[str] | None = None,
    ) -> list[list[Match]]:
        """Per pattern list: its longest non-overlapping matches in text order."""
        per: list[list[Match]] = [[] for _ in self.groups]
        self._set._collect(tokens, text, sentence_of_token, forms, per)
        return [*map(resolve_overlaps, per)]


def resolve_overlaps(matches: list[Match]) -> list[Match]:
    """Keep the longest of overlapping matches (then the earliest), in text order.

    >>> m = [Match(0, 0, 0, 0, 6), Match(1, 0, 3, 0, 30), Match(2, 5, 5, 40, 45)]
    >>> [x.pattern_id for x in resolve_overlaps(m)]
    [1, 2]
    """
    if len(matches) < 2:
        return matches
    # The usual case: already in token order, no two sharing a token; then every
    # match is kept and the list is its own answer.
    last = -1
    for match in matches:
        if match[1] <= last:
            break
        last = match[2]
    else:
        return matches
    # Matches in token order (as _collect appends them) fall into runs that share
    # tokens (a match joins the run when it starts within the run's reach); a run's
    # choice does not depend on the others (they share no token), so each is resolved
    # on its own: one match stays, two ("Kestria", "Kestria*") keep the better one.
    chosen: list[Match] = []
    begin = 0
    reach = -1
    for index, match in enumerate(matches):
        first = match[1]
        if first > reach:
            if index - begin == 1:
                chosen.append(matches[begin])
            elif index - begin == 2:
                chosen.append(_better(matches[begin], matches[begin + 1]))
            elif index > begin:
                chosen += _resolve(matches[begin:index])
            begin = index
            reach = match[2]
        else:
            if first < matches[index - 1][1]:  # not in token order: all at once
                return _resolve(matches)
            if match[2] > reach:
                reach = match[2]
    left = len(matches) - begin
    if left == 1:
        chosen.append(matches[begin])
    elif left == 2:
        chosen.append(_better(matches[begin], matches[begin + 1]))
    else:
        chosen += _resolve(matches[begin:])
    return chosen


def _better(one: Match, other: Match) -> Match:
    """Of two overlapping matches, the one :func:`_resolve` keeps."""
    return one if _overlap_order(one) <= _overlap_order(other) else other


def _resolve(matches: list[Match]) -> list[Match]:
    """Longest first (then the earliest, then the lowest pattern id), each kept if it
    shares no token with one kept before; in text order."""
    chosen: list[Match] = []
    taken: set[int] = set()
    for match in sorted(matches, key=_overlap_order):
        span = range(match[1], match[2] + 1)
        if taken.isdisjoint(span):
            taken.update(span)
            chosen.append(match)
    chosen.sort(key=_START)
    return chosen
