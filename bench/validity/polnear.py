"""Attribution validity on PolNeAR: Slant's attributions against PARC-style gold annotations.

Run: ``.venv/bin/python bench/validity/polnear.py --data /work/data/polnear --split dev``

``--data`` is a PolNeAR checkout (or its ``data`` folder): the script reads
``<split>/text/*.txt`` and ``<split>/attributions/*.ann`` (brat standoff) itself, with
the standard library only, and runs the project's ``Analyzer`` on every article's whole
text, as ``slant analyze`` does. Only the ``train`` and ``dev`` splits are accepted:
``test`` is held out (PolNeAR's authors and this project ask that it is not viewed).
PolNeAR (Newell, Margolin & Ruths, LREC 2018) has no licence: fetch it yourself from
github.com/networkdynamics/PolNeAR; none of it is in this repository.

Matching rules (PARC style, as in Pareti 2016 and the CofeNet evaluation):

- Spans are compared as sets of word tokens (runs of ``\\w``): whitespace and
  punctuation are ignored, so ``“We agreed,”`` and ``We agreed`` are the same span.
  A discontinuous gold span (brat fragments) is the union of its fragments.
- exact: a predicted span matches a gold span with the same token set.
  overlap: a predicted span matches a gold span sharing at least one token.
  Matching is one-to-one within an article (largest overlap first), per component.
- cue, source and content are scored separately over all cue / source / content spans
  of the split. P = matched predicted / predicted, R = matched gold / gold,
  F1 = 2PR / (P + R). Slant does not store a content span: its content is the
  attribution's span minus its source and cue tokens.
- attribution level: a predicted attribution matches a gold one when their cues overlap
  and their sources overlap (a gold attribution without a source, PolNeAR's
  "Attribution-no-source", needs only the cue to overlap); one-to-one.
- recall per gold cue kind: the attribution-level recall of gold attributions grouped
  by their cue's words: say/said; according to; belief/intention (believe, think, want,
  hope, fear, expect, plan, intend, ...); evidence (a poll, study, data or document as
  source with show/find/suggest/indicate/reveal); other communication verbs (told,
  added, wrote, reported, announced, asked, ...); other.
- an article annotated by several annotators (the agreement articles) is scored against
  the annotation file whose annotator id sorts first.

``--sample-paragraphs N`` scores N paragraphs drawn at random (``--seed``) instead of the
whole articles, each paragraph analysed on its own, with the gold attributions lying
wholly inside it (how the issue's first figures were taken, on 300 dev paragraphs).
``--misses KIND`` prints missed gold attributions of one kind, with their sentence, for
rule work on the train split (it prints corpus text: never paste it into the repository).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

_WORD = re.compile(r"\w+")
_SPLITS = ("train", "dev")
KINDS = ("say", "communication", "according", "belief", "evidence", "other")
KIND_LABELS = {
    "say": "say/said",
    "communication": "other communication verbs",
    "according": "according to",
    "belief": "belief/intention",
    "evidence": "evidence (polls, studies, data)",
    "other": "other",
}
_SAY = frozenset("say says said saying".split())
_BELIEF_STEMS = (
    "believ",
    "think",
    "thought",
    "want",
    "hope",
    "hoping",
    "fear",
    "expect",
    "plan",
    "intend",
    "feel",
    "felt",
    "know",
    "knew",
    "worr",
    "wonder",
    "doubt",
    "suspect",
    "consider",
    "assum",
    "wish",
    "seek",
    "sought",
    "aim",
    "prefer",
    "trust",
    "understand",
    "understood",
    "realiz",
    "realis",
    "recogni",
    "remember",
    "convinc",
    "confident",
    "concern",
    "afraid",
    "skeptic",
    "determin",
    "eager",
    "decid",
    "see",
    "saw",
    "view",
    "regard",
    "imagin",
    "envision",
    "anticipat",
    "predict",
    "guess",
    "sure",
    "certain",
    "opinion",
    "belief",
    "goal",
    "intent",
)
_EVIDENCE_VERBS = (
    "show",
    "found",
    "find",
    "indicat",
    "reveal",
    "suggest",
    "confirm",
    "estimat",
    "project",
    "conclud",
    "put",
    "gave",
    "give",
    "has",
    "had",
)
_EVIDENCE_NOUNS = frozenset(
    """poll polls polling survey surveys study studies data report reports analysis research
    records record documents document figures numbers filing filings estimate estimates
    census results review audit investigation statistics tally count forecast model
    models average averages returns emails transcript""".split()
)
_COMMUNICATION_STEMS = (
    "tell",
    "told",
    "add",
    "writ",
    "wrote",
    "report",
    "announc",
    "call",
    "suggest",
    "promis",
    "ask",
    "attack",
    "question",
    "claim",
    "argu",
    "insist",
    "note",
    "explain",
    "stat",
    "declar",
    "tweet",
    "post",
    "deni",
    "deny",
    "acknowledg",
    "admit",
    "warn",
    "accus",
    "critici",
    "prais",
    "urg",
    "respond",
    "repl",
    "comment",
    "remark",
    "mention",
    "describ",
    "recall",
    "quot",
    "echo",
    "repeat",
    "speak",
    "spoke",
    "talk",
    "pledg",
    "vow",
    "threat",
    "charg",
    "blam",
    "slam",
    "blast",
    "rip",
    "mock",
    "joke",
    "quip",
    "boast",
    "brag",
    "confess",
    "conced",
    "assert",
    "maintain",
    "contend",
    "point",
    "observ",
    "predict",
    "recommend",
    "demand",
    "propos",
    "pitch",
    "argu",
    "counter",
    "defend",
    "dismiss",
    "reject",
    "condemn",
    "denounc",
    "applaud",
    "thank",
    "apologiz",
    "insult",
    "interview",
    "statement",
    "letter",
    "wrote",
    "testif",
    "confirm",
    "disclos",
    "reveal",
    "emphasi",
    "stress",
    "shout",
    "yell",
    "chant",
    "whisper",
    "cri",
    "invit",
    "encourag",
    "advis",
    "order",
    "instruct",
    "direct",
    "agre",
    "object",
    "complain",
    "protest",
    "predict",
    "endors",
    "cit",
    "refer",
    "messag",
    "releas",
    "campaign",
    "accord",
    "noting",
    "reiterat",
    "assur",
    "remind",
    "express",
    "decri",
    "lament",
    "alleg",
    "answer",
    "email",
    "retweet",
    "discuss",
    "highlight",
    "tout",
    "assail",
    "challeng",
    "welcom",
    "invok",
    "impli",
    "signal",
    "hint",
    "shot",
    "fired",
    "read",
    "publish",
)
_COMMUNICATION_PHRASES = ("made it clear", "made clear", "put it", "shot back")


@dataclass
class Attribution:
    cue: frozenset[int]
    source: frozenset[int]
    content: frozenset[int]
    kind: str = "other"
    sentence: str = ""


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    matched_predicted: int = 0
    matched_gold: int = 0

    def add(self, predicted: int, gold: int, matched: int) -> None:
        self.predicted += predicted
        self.gold += gold
        self.matched_predicted += matched
        self.matched_gold += matched

    def prf(self) -> tuple[float, float, float]:
        p = self.matched_predicted / self.predicted if self.predicted else 0.0
        r = self.matched_gold / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return 100 * p, 100 * r, 100 * f


@dataclass
class Scores:
    components: dict[tuple[str, str], Counts] = field(default_factory=lambda: defaultdict(Counts))
    attribution: Counts = field(default_factory=Counts)
    kind_gold: Counter = field(default_factory=Counter)
    kind_found: Counter = field(default_factory=Counter)
    texts: int = 0
    misses: list[Attribution] = field(default_factory=list)


def parse_ann(path: Path) -> list[tuple[list, list, list]]:
    """Gold attributions of one brat file: ``(cue, source, content)`` character spans each."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"T\d+\t", line):
            ident, info = line.split("\t")[:2]
            _, _, offsets = info.partition(" ")
            spans[ident] = [
                (int(a), int(b)) for a, b in (piece.split() for piece in offsets.split(";"))
            ]
        elif re.match(r"E\d+\t", line):
            events.append(line.split("\t")[1].split())
    out = []
    for args in events:
        roles = defaultdict(list)
        for arg in args:
            role, _, ident = arg.partition(":")
            if ident in spans:
                roles[re.sub(r"\d+$", "", role)].extend(spans[ident])
        if roles["Cue"]:
            out.append((roles["Cue"], roles["Source"], roles["Content"]))
    return out


def token_index(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _WORD.finditer(text)]


def tokens_in(tokens: list[tuple[int, int]], spans) -> frozenset[int]:
    """Indices of the word tokens lying inside the character spans."""
    starts = [s for s, _ in tokens]
    out = set()
    for a, b in spans:
        i = bisect_left(starts, a)
        while i < len(tokens) and tokens[i][1] <= b:
            out.add(i)
            i += 1
    return frozenset(out)


def cue_kind(cue_words: list[str], source_words: list[str]) -> str:
    words = [w.lower() for w in cue_words]
    joined = " ".join(words)
    if "according" in words:
        return "according"
    if _SAY.intersection(words):
        return "say"
    if _EVIDENCE_NOUNS.intersection(w.lower() for w in source_words) and any(
        w.startswith(_EVIDENCE_VERBS) for w in words
    ):
        return "evidence"
    if any(w.startswith(_BELIEF_STEMS) for w in words) or "expected" in joined:
        return "belief"
    if any(w.startswith(_COMMUNICATION_STEMS) for w in words) or any(
        phrase in joined for phrase in _COMMUNICATION_PHRASES
    ):
        return "communication"
    return "other"


def match(predicted: list[frozenset], gold: list[frozenset], exact: bool) -> int:
    """Size of a one-to-one matching, largest overlap first."""
    pairs = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            if exact:
                if p and p == g:
                    pairs.append((len(p), i, j))
            else:
                shared = len(p & g)
                if shared:
                    pairs.append((shared, i, j))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_p, used_g = set(), set()
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def match_attributions(predicted: list[Attribution], gold: list[Attribution]) -> set[int]:
    """Indices of the gold attributions matched one-to-one (cue and source overlap)."""
    pairs = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            cue = len(p.cue & g.cue)
            if not cue:
                continue
            if g.source:
                source = len(p.source & g.source)
                if not source:
                    continue
            else:
                source = 0
            pairs.append((cue + source, i, j))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_p, used_g = set(), set()
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return used_g


def predicted_attributions(analyzer, text: str, tokens) -> list[Attribution]:
    from analysis.records import Article

    result = analyzer.analyze(Article(article_id="polnear", outlet="polnear", text=text))
    out = []
    for row in result.evidence:
        if row.kind != "attribution":
            continue
        cue = tokens_in(tokens, [(row.cue_start, row.cue_end)])
        source = tokens_in(tokens, [(row.source_start, row.source_end)])
        content = tokens_in(tokens, [(row.start, row.end)]) - cue - source
        out.append(Attribution(cue, source, content, row.cue_class))
    return out


def gold_attributions(text: str, tokens, ann: Path) -> list[Attribution]:
    out = []
    for cue, source, content in parse_ann(ann):
        cue_words = [text[a:b] for a, b in cue]
        source_words = [w for a, b in source for w in _WORD.findall(text[a:b])]
        kind = cue_kind([w for piece in cue_words for w in _WORD.findall(piece)], source_words)
        lo = min(a for a, _ in cue + source + content)
        hi = max(b for _, b in cue + source + content)
        out.append(
            Attribution(
                tokens_in(tokens, cue),
                tokens_in(tokens, source),
                tokens_in(tokens, content),
                kind,
                text[lo:hi].replace("\n", " "),
            )
        )
    return out


def documents(data: Path, split: str) -> list[tuple[str, Path, Path]]:
    """``(name, text file, annotation file)`` per article, the first annotator's file."""
    base = data / "data" if (data / "data" / split).is_dir() else data
    text_dir, ann_dir = base / split / "text", base / split / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise SystemExit(
            f"polnear: no {split}/text and {split}/attributions under {data}: pass --data "
            "a PolNeAR checkout (fetch github.com/networkdynamics/PolNeAR)"
        )
    out = []
    for text_file in sorted(text_dir.glob("*.txt")):
        anns = sorted(ann_dir.glob(text_file.stem + "_*.ann"))
        if anns:
            out.append((text_file.stem, text_file, anns[0]))
    return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def score(analyzer, data: Path, split: str, sample: int, seed: int, misses: str) -> Scores:
    scores = Scores()
    docs = documents(data, split)
    if sample:
        pool = []
        for _, text_file, ann in docs:
            text = text_file.read_text(encoding="utf-8")
            pool += [(text_file, ann, span) for span in paragraphs(text)]
        rng = random.Random(seed)
        chosen = rng.sample(pool, min(sample, len(pool)))
        jobs = [(t, a, span) for t, a, span in chosen]
    else:
        jobs = [(t, a, None) for _, t, a in docs]
    for text_file, ann, span in jobs:
        full = text_file.read_text(encoding="utf-8")
        full_tokens = token_index(full)
        gold = gold_attributions(full, full_tokens, ann)
        if span is not None:
            a, b = span
            text = full[a:b]
            inside = {i for i, (s, e) in enumerate(full_tokens) if s >= a and e <= b}
            gold = [g for g in gold if (g.cue | g.source | g.content) <= inside]
            # renumber gold tokens to the paragraph's own token index
            first = min(inside) if inside else 0
            gold = [
                Attribution(
                    frozenset(i - first for i in g.cue),
                    frozenset(i - first for i in g.source),
                    frozenset(i - first for i in g.content),
                    g.kind,
                    g.sentence,
                )
                for g in gold
            ]
            tokens = token_index(text)
        else:
            text, tokens = full, full_tokens
        predicted = predicted_attributions(analyzer, text, tokens)
        scores.texts += 1
        for component in ("cue", "source", "content"):
            p = [getattr(x, component) for x in predicted]
            g = [getattr(x, component) for x in gold if getattr(x, component)]
            for mode in ("exact", "overlap"):
                scores.components[component, mode].add(len(p), len(g), match(p, g, mode == "exact"))
        found = match_attributions(predicted, gold)
        scores.attribution.add(len(predicted), len(gold), len(found))
        for j, g in enumerate(gold):
            scores.kind_gold[g.kind] += 1
            if j in found:
                scores.kind_found[g.kind] += 1
            elif misses and g.kind == misses:
                scores.misses.append(g)
    return scores


def report(scores: Scores, split: str, sample: int, seed: int) -> str:
    import subprocess
    from datetime import date

    try:
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    unit = f"{sample} random paragraphs (seed {seed})" if sample else "whole articles"
    lines = [
        f"PolNeAR {split} split, {scores.texts} texts ({unit}); "
        f"commit {commit}, {date.today().isoformat()}",
        "Matching: spans as word-token sets (punctuation ignored); exact = same tokens, "
        "overlap = one shared token; one-to-one per article; content = span minus source "
        "and cue; attribution = cue and source overlap (cue only when gold has no source).",
        "",
        f"{'':<28}{'P':>7}{'R':>7}{'F1':>7}{'pred':>7}{'gold':>7}",
    ]
    for component in ("cue", "source", "content"):
        for mode in ("exact", "overlap"):
            c = scores.components[component, mode]
            p, r, f = c.prf()
            lines.append(
                f"{component + ' ' + mode:<28}{p:7.1f}{r:7.1f}{f:7.1f}{c.predicted:7d}{c.gold:7d}"
            )
    p, r, f = scores.attribution.prf()
    a = scores.attribution
    lines.append(f"{'attribution':<28}{p:7.1f}{r:7.1f}{f:7.1f}{a.predicted:7d}{a.gold:7d}")
    lines += ["", "Recall by gold cue kind (attribution level):"]
    for kind in KINDS:
        n = scores.kind_gold[kind]
        hit = scores.kind_found[kind]
        share = 100 * hit / n if n else 0.0
        lines.append(f"  {KIND_LABELS[kind]:<34}{share:6.1f}%  ({hit}/{n})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="PolNeAR checkout or its data/")
    parser.add_argument("--split", choices=_SPLITS, default="dev")
    parser.add_argument("--sample-paragraphs", type=int, default=0, metavar="N")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--misses", choices=KINDS, default="", help="print missed gold (train)")
    args = parser.parse_args(argv)

    from analysis.pipeline import Analyzer
    from analysis.text.lexicons import load_lexicons

    analyzer = Analyzer(load_lexicons())
    scores = score(analyzer, args.data, args.split, args.sample_paragraphs, args.seed, args.misses)
    print(report(scores, args.split, args.sample_paragraphs, args.seed))
    for g in scores.misses:
        print("MISS", g.kind, "|", g.sentence[:300])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
