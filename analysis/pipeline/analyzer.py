"""Analyze: a pure function of one article plus the lexicons.

:class:`Analyzer` compiles the lexicons once; :meth:`Analyzer.analyze` reads
nothing but its article, so it runs the same in a test, in a process pool
(:mod:`analysis.pipeline.pool`) or on a Dask cluster.

Rates are per 1,000 words of the body; the headline is scored apart (its
sentiment is ``headline_sentiment``, its framing and target mentions are
evidence rows with ``field == "title"``, not part of the body rates)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from itertools import repeat
from operator import attrgetter, itemgetter, truth

from analysis.measures.attribution.finder import AttributionFinder
from analysis.measures.sentiment.sentences import SentenceScorer, summarize
from analysis.measures.sentiment.toward_target import TargetSentiment, model_hash
from analysis.records import (
    AnalysisResult,
    Article,
    Evidence,
    SentenceScore,
    TargetScore,
)
from analysis.text import (
    fold_quotes,
    sentence_index,
    split_sentences,
    tokenize_columns,
    tokenize_each,
)
from analysis.text.lexicons import Lexicons
from analysis.text.patterns import Match, PatternGroups
from analysis.text.tokens import prepare_tokenizer

#: Bump when any analyzer changes behaviour: stored scores of another version are stale.
#: 1.1: framing rows carry their voice (own | attributed); 1.2: target-scoped sentiment;
#: 1.3: unattributed-claim rows; 1.4: attribution rules tuned on PolNeAR train (asides,
#: party brackets, negated and nominal cues); 1.5: conclusions by people ("found that"),
#: "called X a Y" without a quotation; 1.6: passive cues with their agent, "whose"/"which"
#: clauses, contracted auxiliaries in the cue; 1.7: refusals ("declined to comment"),
#: "In a poll, ...", fronted participles, more appositions and adverbs; 1.8: "what" ends a
#: source, two-apostrophe quotations before a name, "plans" after a verb. The target sentiment model's hash is part of
#: it, so a retrained model re-scores too.
ANALYSIS_VERSION = f"1.8+target-model.{model_hash()}"

QUOTE_TYPES = ("direct", "indirect", "mixed")
_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


def _per_1k(count: int, words: int) -> float | None:
    return count * 1000.0 / words if words else None


def _share(count: int, total: int) -> float | None:
    return count / total if total else None


def _sentence_of_tokens(tokens, spans, starts: list[int] | None = None) -> list[int]:
    """Sentence index of every token: the first sentence ending after the token's start
    (the last sentence for tokens after it; 0 when there is no sentence).

    One binary search per sentence boundary instead of a Python step per token.
    ``starts`` may pass the tokens' start offsets when the caller has them.
    """
    n = len(spans)
    if n <= 1:
        return [0] * len(tokens)
    if starts is None:
        starts = [*map(_token_start, tokens)]
    result: list[int] = []
    done = 0
    for sentence, (_, end) in enumerate(spans[:-1]):
        upto = bisect_left(starts, end, done)
        result += [sentence] * (upto - done)
        done = upto
    result += [n - 1] * (len(tokens) - done)
    return result


_token_start = itemgetter(0)
_quote_type = attrgetter("quote_type")
_cue_class = attrgetter("cue_class")
_label = attrgetter("label")
_anonymous = attrgetter("anonymous")


def _inner_hyphens(text: str) -> list[int]:
    """Offsets of the hyphens between two word characters (``_HYPHEN``'s matches).

    Found with ``str.find`` and checked with ``_HYPHEN.match`` there: a pattern that opens
    with a look-behind is tried at every character of the text (~0.1 ms an article),
    where an article holds two or three hyphens."""
    found = []
    at = text.find("-")
    while at != -1:
        if _HYPHEN.match(text, at):
            found.append(at)
        at = text.find("-", at + 1)
    return found


_UNSEEN = object()
#: How many parts of hyphenated words the analyzer remembers (then it starts again).
_PART_MEMO_LIMIT = 50_000


#: Voices of a framing row: the outlet's own words, or a source's words it reports.
OWN, ATTRIBUTED = "own", "attributed"


_QUOTE_MARKS = re.compile('["\u201c\u201d]')

#: A quotation: straight or curly double quotes around at most 600 characters without a
#: line break (a missing closing mark must not turn the rest of the article into a quote).
_QUOTATION = re.compile(r'["\u201c][^"\u201c\u201d\n]{1,600}["\u201d]')


def _mark_voice(text: str, framing: list[Evidence], attributions: list[Evidence]) -> None:
    """Set each body framing row's ``voice``: ``attributed`` when it lies inside an
    attribution's span and outside its source and cue (so in the quoted or paraphrased
    content), or inside quotation marks the attribution rules did not assign to a
    speaker; else ``own``. The source and the cue verb are the outlet's words: "the
    regime said" labels the speaker in the outlet's voice; "slammed" is its verb. Scare
    quotes count as attributed too: the outlet marks the word as not its own."""
    spans = [
        (a.start, a.end, a.source_start, a.source_end, a.cue_start, a.cue_end) for a in attributions
    ]
    if '"' in text or "\u201c" in text:
        spans += [(m.start(), m.end(), None, None, None, None) for m in _QUOTATION.finditer(text)]
    for row in framing:
        row.voice = OWN
        start, end = row.start, row.end
        for a_start, a_end, s_start, s_end, c_start, c_end in spans:
            if (
                a_start <= start
                and end <= a_end
                and not (s_start is not None and start < s_end and s_start < end)
                and not (c_start is not None and start < c_end and c_start < end)
            ):
                row.voice = ATTRIBUTED
                break


class Analyzer:
    """Scores articles for sentiment, framing, attribution, hedges and targets."""

    def __init__(self, lexicons: Lexicons):
        self.lexicons = lexicons
        self.framing_terms = lexicons.framing
        self.hedge_terms = lexicons.hedges
        self.claim_terms = lexicons.claims
        self.target_of_alias: list[str] = []
        self.target_aliases: list[str] = []
        for target in lexicons.targets:
            for alias in target.aliases:
                self.target_aliases.append(alias)
                self.target_of_alias.append(target.name)
        # Framing, hedges and targets in one pass over the tokens, overlaps resolved per
        # lexicon: the same matches as one PatternSet per lexicon, for a third of the scans.
        self.lexicon_patterns = PatternGroups(
            [
                [t.pattern for t in lexicons.framing],
                [t.pattern for t in lexicons.hedges],
                self.target_aliases,
                [t.pattern for t in lexicons.claims],
            ]
        )
        self.attribution = AttributionFinder(lexicons.cues)
        self.scorer = SentenceScorer()
        prepare_tokenizer()
        # One-word aliases also found inside hyphenated words ("anti-Morsi", "pro-Iraqi"),
        # which the tokenizer keeps whole: exact (ALL-CAPS ones case-sensitively) or, for a
        # trailing "*", by prefix.
        self._hyphen_exact: dict[str, int] = {}
        self._hyphen_prefix: list[tuple[str, bool, int]] = []
        # part of a hyphenated word -> its alias's pattern id or None (_part_alias)
        self._alias_of_part: dict[str, int | None] = {}
        for pattern_id, alias in enumerate(self.target_aliases):
            if " " in alias or "-" in alias:
                continue
            if alias.endswith("*"):
                stem_ = alias[:-1]
                self._hyphen_prefix.append(
                    (stem_ if stem_.isupper() else stem_.lower(), stem_.isupper(), pattern_id)
                )
            else:
                self._hyphen_exact.setdefault(
                    alias if alias.isupper() else alias.lower(), pattern_id
                )
        self.toward_target = TargetSentiment(
            self.scorer.analyzer,
            speech_verbs=frozenset(cue for cue in lexicons.cues if " " not in cue),
        )

    def analyze(self, article: Article) -> AnalysisResult:
        """Scores and evidence of one article.

        Every evidence row satisfies ``getattr(article, row.field)[row.start:row.end] == row.text``.
        """
        spans = split_sentences(article.text)
        # Each sentence's tokens and sentiments, reused by the target stage.
        split: list = []
        compounds = self.scorer.compounds(article.text, spans, split)
        targets: list = []
        result = self._analyze(
            article,
            spans,
            compounds,
            split,
            self._headline(article.title),
            tokenize_columns(article.text),
            targets,
        )
        result.targets = self._target_scores_batch(targets)[0]
        return result

    def analyze_batch(self, articles: Sequence[Article]) -> list[AnalysisResult]:
        """``[self.analyze(a) for a in articles]``, the same results, faster: the sentence
        split, the sentence sentiment and the headlines' work (:meth:`_headline`) run over
        the whole batch before the other stages, and the bodies' tokens are found for the
        whole batch at once (``tokenize_each``: one NumPy pass, each body's token lists
        built when its turn comes).

        Each stage's tables (VADER's per-token caches above all) then stay in the CPU's
        caches from one article to the next, where the other stages evict them between
        articles: the sentence sentiment costs ~0.13 ms an article run this way against
        ~0.21 ms between the other stages, a headline's ~12 us against ~3 us (bench/README.md,
        issue 16).
        """
        spans = [split_sentences(a.text) for a in articles]
        splits: list[list] = [[] for _ in articles]
        compounds = [
            self.scorer.compounds(a.text, s, split)
            for a, s, split in zip(articles, spans, splits, strict=True)
        ]
        headlines = [self._headline(a.title) for a in articles]
        columns = tokenize_each([a.text for a in articles])
        targets: list = []
        results = [
            self._analyze(*args, targets)
            for args in zip(articles, spans, compounds, splits, headlines, columns, strict=True)
        ]
        # All the batch's target mentions scored at once.
        for result, scores in zip(results, self._target_scores_batch(targets), strict=True):
            result.targets = scores
        return results

    def _headline(self, title: str) -> tuple | None:
        """A headline's compound score, its tokens' sentence (0) and its framing and target
        matches (hyphenated aliases included), or None for an empty title."""
        if not title:
            return None
        tokens, starts, forms = tokenize_columns(title)
        sentence_of = [0] * len(tokens)
        framing, _, target_matches, _ = self.lexicon_patterns.find(
            tokens, title, sentence_of, forms
        )
        return (
            self.scorer.compound(title),
            sentence_of,
            framing,
            self._with_hyphenated(target_matches, tokens, title, starts),
        )

    def _analyze(
        self, article: Article, spans, compounds, split, headline_work, columns, targets
    ) -> AnalysisResult:
        """The rest of :meth:`analyze`, given the body's sentence spans, their compound scores,
        ``split`` (what ``SentenceScorer.compounds`` put there), what :meth:`_headline`
        found and the body's ``tokenize_columns``, but the targets' scores: what they need
        is appended to ``targets`` (see :meth:`_target_scores_batch`)."""
        aid, text, title = article.article_id, article.text, article.title
        evidence: list[Evidence] = []

        # The starts serve the sentence map and attribution's sentence lookups, the forms
        # the lexicon search.
        tokens, token_starts, forms = columns
        sentence_of = _sentence_of_tokens(tokens, spans, token_starts)
        sentences = [
            SentenceScore("text", i, a, b, c)
            for i, ((a, b), c) in enumerate(zip(spans, compounds, strict=True))
        ]

        framing_hits, hedge_hits, target_matches, claim_hits = self.lexicon_patterns.find(
            tokens, text, sentence_of, forms
        )
        framing = self._lexicon_evidence(
            "framing", framing_hits, self.framing_terms, aid, "text", text, sentence_of
        )
        hedges = self._lexicon_evidence(
            "hedge", hedge_hits, self.hedge_terms, aid, "text", text, sentence_of
        )
        attributions = self.attribution.find(text, spans, aid, "text", tokens, token_starts)
        target_hits = self._target_evidence(
            self._with_hyphenated(target_matches, tokens, text, token_starts),
            aid,
            "text",
            text,
            sentence_of,
            compounds,
        )
        _mark_voice(text, framing, attributions)
        claims = self._unattributed_claims(
            claim_hits, aid, text, spans, sentence_of, attributions, hedges
        )
        evidence += framing + hedges + attributions + target_hits + claims

        headline = None
        title_hits: list[Evidence] = []
        if headline_work is not None:
            headline, title_sentence, title_framing, title_targets = headline_work
            sentences.append(SentenceScore("title", 0, 0, len(title), headline))
            title_rows = self._lexicon_evidence(
                "framing", title_framing, self.framing_terms, aid, "title", title, title_sentence
            )
            for row in title_rows:  # a headline is the outlet's own voice
                row.voice = OWN
            evidence += title_rows
            title_hits = self._target_evidence(
                title_targets,
                aid,
                "title",
                title,
                title_sentence,
                [headline],
            )
            evidence += title_hits

        words = len(tokens)
        mean, negative, positive = summarize(compounds)
        n_attr = len(attributions)
        quote_types = [*map(_quote_type, attributions)]
        # The (family, category) keys in the order they are first met, counted in C.
        keys = []
        own = 0
        for row in framing:
            keys.append(("framing", row.label))
            if row.voice == OWN:
                keys.append(("framing_own", row.label))
                own += 1
        if attributions:
            keys += zip(repeat("cue_class"), map(_cue_class, attributions))
        if claims:
            keys += zip(repeat("claim"), map(_label, claims))
        scores = {
            "words": words,
            "sentences": len(spans),
            "sentiment": mean,
            "headline_sentiment": headline,
            "negative_share": negative,
            "positive_share": positive,
            "framing_count": len(framing),
            "framing_per_1k": _per_1k(len(framing), words),
            "framing_own_per_1k": _per_1k(own, words),
            "framing_attributed_per_1k": _per_1k(len(framing) - own, words),
            "attributions": n_attr,
            **{f"{q}_share": _share(quote_types.count(q), n_attr) for q in QUOTE_TYPES},
            "anonymous_share": _share(sum(map(truth, map(_anonymous, attributions))), n_attr),
            "hedges": len(hedges),
            "hedges_per_1k": _per_1k(len(hedges), words),
            "unattributed_claims": len(claims),
            "unattributed_claims_per_1k": _per_1k(len(claims), words),
        }
        targets.append((text, spans, target_hits, title, title_hits, compounds, split))
        return AnalysisResult(
            article_id=aid,
            scores=scores,
            category_counts=dict(Counter(keys)),
            evidence=evidence,
            sentences=sentences,
            analysis_version=ANALYSIS_VERSION,
            lexicon_hash=self.lexicons.hash,
        )

    def _unattributed_claims(self, matches, aid, text, spans, sentence_of, attributions, hedges):
        """One ``claim`` row per body sentence that asserts in the outlet's own voice: it
        holds a claim cue (``claims.csv``: factive or evaluative), no attribution touches
        it, it has no quotation mark and no hedge. The row spans the sentence's first cue.
        """
        if not matches:
            return []
        excluded = {h.sentence for h in hedges}
        for a in attributions:
            first, last = sentence_index(spans, a.start), sentence_index(spans, a.end - 1)
            excluded.update(range(first, last + 1))
        rows, seen = [], set()
        for pattern_id, first, _, start, end in matches:
            sentence = sentence_of[first]
            if sentence in excluded or sentence in seen:
                continue
            if sentence < len(spans):
                a, b = spans[sentence]
                if _QUOTE_MARKS.search(text, a, b):
                    continue
            seen.add(sentence)
            term = self.claim_terms[pattern_id]
            rows.append(
                Evidence(
                    aid,
                    "text",
                    "claim",
                    term.category,
                    start,
                    end,
                    text[start:end],
                    sentence,
                    term.pattern,
                )
            )
        return rows

    @staticmethod
    def _lexicon_evidence(kind, matches, terms, aid, field, text, sentence_of):
        # Evidence's fields by position (a slots dataclass's __init__ takes keywords at
        # about half the speed) and each Match unpacked once, not read field by field.
        return [
            Evidence(
                aid,
                field,
                kind,
                (term := terms[pattern_id]).category,
                start,
                end,
                text[start:end],
                sentence_of[first],
                term.pattern,
            )
            for pattern_id, first, _, start, end in matches
        ]

    def _with_hyphenated(self, matches, tokens, text, starts=None):
        """``matches`` plus one-word target aliases inside hyphenated tokens no match covers
        ("anti-Morsi" -> "Morsi"), in text order. ``starts`` may pass the tokens' start
        offsets when the caller has them (building them costs ~15 us an article)."""
        if "-" not in text:
            return matches
        # Only the tokens holding a hyphen: each hyphen's token by bisection, not a scan.
        if starts is None:
            starts = [*map(_token_start, tokens)]
        hyphenated = sorted({bisect_right(starts, at) - 1 for at in _inner_hyphens(text)})
        if not hyphenated:
            return matches
        covered = {i for m in matches for i in range(m[1], m[2] + 1)}
        alias_of_part = self._alias_of_part
        extra = []
        for i in hyphenated:
            if i < 0 or i in covered:
                continue
            start, end, _form = tokens[i]
            word = text[start:end]
            if "-" not in word:
                continue
            at = start
            for part in word.split("-"):
                found = alias_of_part.get(part, _UNSEEN)
                if found is _UNSEEN:
                    found = self._part_alias(part)
                if found is not None:
                    extra.append(Match(found, i, i, at, at + len(part)))
                at += len(part) + 1
        if not extra:
            return matches
        return sorted([*matches, *extra], key=lambda m: m[3])

    def _part_alias(self, part: str) -> int | None:
        """The one-word target alias (its pattern id) that a part of a hyphenated word is,
        or None; remembered per part (a few hundred distinct parts in a corpus)."""
        found = None
        if part:
            lower = part.lower()
            # ALL-CAPS aliases are keyed as written, the others lower-cased.
            found = self._hyphen_exact.get(part)
            if found is None:
                found = self._hyphen_exact.get(lower)
            if found is None:
                for prefix, cased, pattern_id in self._hyphen_prefix:
                    if (part if cased else lower).startswith(prefix):
                        found = pattern_id
                        break
        if len(self._alias_of_part) >= _PART_MEMO_LIMIT:
            self._alias_of_part.clear()
        self._alias_of_part[part] = found
        return found

    def _target_evidence(self, matches, aid, field, text, sentence_of, compounds):
        label_of, alias_of, scored = self.target_of_alias, self.target_aliases, len(compounds)
        return [
            Evidence(
                aid,
                field,
                "target",
                label_of[pattern_id],
                start,
                end,
                text[start:end],
                (sentence := sentence_of[first]),
                alias_of[pattern_id],
                compounds[sentence] if sentence < scored else None,
            )
            for pattern_id, first, _, start, end in matches
        ]

    def _target_scores_batch(self, articles: list[tuple]) -> list[list[TargetScore]]:
        """Per article of ``articles`` (each ``(text, spans, hits, title, title_hits,
        compounds, split)``, ``split`` each sentence's tokens and sentiments from the sentence
        stage, if kept), per target: the mean compound over the distinct sentences (body
        and headline) mentioning it, and the mean target-scoped score over its mentions
        with the reasons of that mean (each feature's push summed over the mentions).

        The mentions of all the articles are scored at once
        (``TargetSentiment.score_batch``); a target's further mentions in one body
        sentence share its first one's score."""
        # The sentences holding a mention to score, and per mention its sentence's place
        # in them and its offsets.
        to_score: list[tuple] = []
        of_sentence: list[int] = []
        starts: list[int] = []
        ends: list[int] = []
        groups: list[list[int]] = []  # per target, its mentions' places
        plans = []
        for text, spans, hits, title, title_hits, compounds, split in articles:
            by_target: dict[str, dict[int, float]] = {}  # body sentences' compounds, -1: title
            scoped: dict[str, list[int]] = {}
            if hits:
                # The sentence stage's split is of the text with straight quotes; folding
                # moves no offset and no space, so the text itself serves where it is given.
                folded = None
                seen: dict[tuple[str, int], int] = {}
                place_of: dict[int, int] = {}  # a body sentence's place in to_score
                for row in hits:
                    label, s = row.label, row.sentence
                    i = seen.get((label, s))
                    if i is None:
                        i = seen[label, s] = len(of_sentence)
                        place = place_of.get(s)
                        if place is None:
                            place = place_of[s] = len(to_score)
                            a, b = spans[s]
                            given = split[s] if split else None
                            if given is None and folded is None:
                                folded = fold_quotes(text)
                            to_score.append((text if given else folded, a, b, compounds[s], given))
                        of_sentence.append(place)
                        starts.append(row.start)
                        ends.append(row.end)
                    if label in scoped:
                        scoped[label].append(i)
                    else:
                        scoped[label] = [i]
                    if row.score is not None:
                        if label in by_target:
                            by_target[label][s] = row.score
                        else:
                            by_target[label] = {s: row.score}
            if title_hits:
                place = len(to_score)
                # its compound: the headline's, the sentence stage's
                to_score.append((fold_quotes(title), 0, len(title), title_hits[0].score, None))
                for row in title_hits:
                    label = row.label
                    scoped.setdefault(label, []).append(len(of_sentence))
                    of_sentence.append(place)
                    starts.append(row.start)
                    ends.append(row.end)
                    if row.score is not None:
                        by_target.setdefault(label, {})[-1] = row.score
            plan = []
            for target, scored in sorted(by_target.items()):
                values = list(scored.values())
                plan.append((target, len(scoped[target]), len(values), sum(values) / len(values)))
                groups.append(scoped[target])
            plans.append(plan)
        explained = iter(
            self.toward_target.score_sentences(to_score, of_sentence, starts, ends).explain(
                groups, 3
            )
            if groups
            else ()
        )
        out = []
        for plan in plans:
            scores = []
            for target, mentions, sentences, sentiment in plan:
                scoped_mean, because = next(explained)
                scores.append(
                    TargetScore(
                        target, mentions, sentences, sentiment, scoped_mean, "; ".join(because)
                    )
                )
            out.append(scores)
        return out
