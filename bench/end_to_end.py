"""Speed as users run it: the ``slant`` command, as a subprocess, against bare VADER as a subprocess.

Run: ``.venv/bin/python bench/end_to_end.py [--n 2000 20000] [--repeat 2] [--ingest-n 100000]``

For each corpus size ``--n`` (``bench/corpus.py`` articles, read from its JSONL file),
every command below runs in its own fresh process, timed from launch to exit (wall
clock, with the child's CPU seconds and peak RSS from ``wait4``), and the commands take
turns, ``--repeat`` rounds, best of the rounds kept, so the load of a shared machine
hits both sides of each ratio alike:

- the floor: a Python process that imports vaderSentiment and runs
  ``polarity_scores`` on every sentence of every article (the body split by
  ``analysis.text.split_sentences`` after ingest's cleaning, and the headline),
  read from a JSON file the bench writes beforehand (untimed);
- ``slant analyze IN.jsonl --out DIR --workers W`` into a new folder, W = 1 and 2;
- ``slant ingest IN.jsonl --db NEW.duckdb --workers W`` into a new store, W = 1 and 2.

Each command is launched by a small wrapper process (:data:`MEASURE`), which reports the
command's wall time, CPU seconds and peak RSS from ``wait4``: a child of the bench itself
would report the bench's own peak (Linux carries the parent's RSS high-water mark into a
child at fork and exec), so ``peak MB`` is the largest single process of the command
(its parent or one worker), not their sum.

Each line gives wall seconds, articles/s, CPU seconds (the command and its workers),
``x floor`` = floor wall seconds / command wall seconds (above 1.0: the command is
faster than bare VADER alone), and ``x floor CPU`` = floor CPU / command CPU, the
same ratio in CPU time, which other jobs on a shared machine move less than wall time.
``--before DIR`` adds ``slant analyze`` run from another source tree (e.g. ``git
archive`` of an older commit), ``python -m analysis.cli.main`` with that tree first on
``PYTHONPATH`` and as the working folder (``python -m`` puts the working folder first on
``sys.path``), for a before/after in the same run; ``--before-n`` limits it to the
smaller sizes. Then start-up alone: ``python -c pass``, the floor's imports,
``slant --help`` and ``slant analyze`` on one article (the commands taking turns, best
wall and best CPU seconds of ``--startup-repeat`` each; with ``--before``, that tree's
``--help`` and one article too, and this tree's through ``python -m`` as the before
tree is run).
``--ingest-n 100000`` adds one round of ``slant ingest --workers 2`` of that many
articles against its floor (``--ingest-repeat`` rounds). ``--without-targets`` adds
``slant analyze`` with an empty targets file (no target mentions, so no target-scoped
sentiment), to tell that stage's share from the rest; ``--ingest-max-n`` leaves
``slant ingest`` out of the larger sizes. Outputs go to a temporary folder under ``bench/out/``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import corpus  # noqa: E402

BIN = Path(sys.executable).parent
SLANT = str(BIN / "slant")

#: The floor's whole program: read the sentences, score each with bare vaderSentiment.
FLOOR = """
import json, sys
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
polarity = SentimentIntensityAnalyzer().polarity_scores
with open(sys.argv[1], encoding="utf-8") as handle:
    for line in handle:
        for sentence in json.loads(line):
            polarity(sentence)
"""


#: The wrapper that launches one command and reports it: wall and CPU seconds, peak RSS.
MEASURE = """
import json, os, subprocess, sys, time
started = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
err = child.stderr.read()
_, status, usage = os.wait4(child.pid, 0)
wall = time.perf_counter() - started
sys.stderr.buffer.write(err[-2000:])
print(json.dumps({"code": os.waitstatus_to_exitcode(status), "wall": wall,
                  "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}))
"""


@dataclass
class Timing:
    wall: float
    cpu: float
    peak_mb: float


def run(command: list[str]) -> Timing:
    """Launch ``command`` through :data:`MEASURE`; its wall time, CPU (with its reaped
    children, i.e. workers), peak RSS of its largest process."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True
    )
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    if measured["code"] != 0:
        raise SystemExit(f"{' '.join(command)} exited {measured['code']}:\n{done.stderr}")
    return Timing(measured["wall"], measured["cpu"], measured["peak_mb"])


def floor_file(jsonl: Path, out: Path) -> tuple[Path, int, int]:
    """One JSON list of sentences per article (headline last), as the floor reads them."""
    from analysis.ingest import load_paths
    from analysis.text import split_sentences

    path = out / f"{jsonl.stem}-sentences.jsonl"
    articles = sentences = 0
    with path.open("w", encoding="utf-8") as handle:
        for article in load_paths([jsonl]):
            if hasattr(article, "problem"):
                continue
            chunk = [article.text[x:y] for x, y in split_sentences(article.text)]
            if article.title:
                chunk.append(article.title)
            handle.write(json.dumps(chunk, ensure_ascii=False) + "\n")
            articles += 1
            sentences += len(chunk)
    return path, articles, sentences


def commands(
    jsonl: Path,
    sentences: Path,
    scratch: Path,
    workers: list[int],
    before: Path | None = None,
    no_targets: Path | None = None,
    ingest: bool = True,
) -> dict:
    """name -> a function making a fresh command line (a new output folder or store each time)."""

    def fresh(name: str) -> Path:
        path = Path(tempfile.mkdtemp(prefix=name + "-", dir=scratch))
        return path

    made = {"floor: vaderSentiment": lambda: [sys.executable, "-c", FLOOR, str(sentences)]}
    for w in workers:
        made[f"slant analyze --workers {w}"] = lambda w=w: [
            SLANT, "analyze", str(jsonl), "--out", str(fresh("analyze")), "--workers", str(w),
        ]  # fmt: skip
    if no_targets is not None:
        for w in workers:
            made[f"  without targets, --workers {w}"] = lambda w=w: [
                SLANT, "analyze", str(jsonl), "--out", str(fresh("analyze")), "--workers", str(w),
                "--targets", str(no_targets),
            ]  # fmt: skip
    if before is not None:
        for w in workers:
            made[f"before: analyze --workers {w}"] = lambda w=w: [
                "env", "-C", str(before), f"PYTHONPATH={before}", sys.executable, "-m",
                "analysis.cli.main", "analyze", str(jsonl), "--out", str(fresh("before")),
                "--workers", str(w),
            ]  # fmt: skip
    for w in workers if ingest else []:
        made[f"slant ingest --workers {w}"] = lambda w=w: [
            SLANT, "ingest", str(jsonl), "--db", str(fresh("ingest") / "new.duckdb"),
            "--workers", str(w),
        ]  # fmt: skip
    return made


def interleaved(made: dict, repeat: int, scratch: Path) -> dict[str, Timing]:
    """Best wall time of each command over ``repeat`` rounds, the commands taking turns."""
    best: dict[str, Timing] = {}
    names = list(made)
    for round_ in range(repeat):
        # Rotate the order each round, so no command always runs right after the same one.
        order = names[round_ % len(names) :] + names[: round_ % len(names)]
        for name in order:
            timing = run(made[name]())
            if name not in best or timing.wall < best[name].wall:
                best[name] = timing
        for leftover in scratch.iterdir():
            shutil.rmtree(leftover, ignore_errors=True)
    return best


def report(n: int, best: dict[str, Timing]) -> dict[str, float]:
    floor = best["floor: vaderSentiment"]
    print(
        f"  {'command':<30} {'wall s':>8} {'articles/s':>11} {'CPU s':>7} {'peak MB':>8} "
        f"{'x floor':>8} {'x floor CPU':>12}"
    )
    ratios = {}
    for name, t in best.items():
        ratios[name] = floor.wall / t.wall
        print(
            f"  {name:<30} {t.wall:8.2f} {n / t.wall:11.0f} {t.cpu:7.2f} {t.peak_mb:8.0f} "
            f"{floor.wall / t.wall:7.2f}x {floor.cpu / t.cpu:11.2f}x"
        )
    return ratios


def startup(repeat: int, scratch: Path, before: Path | None = None) -> dict[str, float]:
    one = scratch / "one-article.jsonl"
    first = corpus.write(2000)["jsonl"].open(encoding="utf-8").readline()
    one.write_text(first, encoding="utf-8")
    made = {
        "python -c pass": lambda: [sys.executable, "-c", "pass"],
        "import vaderSentiment (floor's start)": lambda: [
            sys.executable,
            "-c",
            "from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer as S; S()",
        ],  # fmt: skip
        "slant --help": lambda: [SLANT, "--help"],
        "slant analyze (1 article)": lambda: [
            SLANT,
            "analyze",
            str(one),
            "--out",
            tempfile.mkdtemp(dir=scratch),
            "--workers",
            "1",
        ],  # fmt: skip
    }
    if before is not None:
        made["before: slant --help"] = lambda: [
            "env", "-C", str(before), f"PYTHONPATH={before}", sys.executable, "-m",
            "analysis.cli.main", "--help",
        ]  # fmt: skip
        made["slant --help (python -m, as before)"] = lambda: [
            sys.executable, "-m", "analysis.cli.main", "--help"
        ]  # fmt: skip
        made["before: slant analyze (1 article)"] = lambda: [
            "env", "-C", str(before), f"PYTHONPATH={before}", sys.executable, "-m",
            "analysis.cli.main", "analyze", str(one), "--out", tempfile.mkdtemp(dir=scratch),
            "--workers", "1",
        ]  # fmt: skip
        made["slant analyze (1 article, python -m)"] = lambda: [
            sys.executable, "-m", "analysis.cli.main", "analyze", str(one), "--out",
            tempfile.mkdtemp(dir=scratch), "--workers", "1",
        ]  # fmt: skip
    # The commands take turns (as in interleaved), so load moves every one of them alike.
    timings: dict[str, list[Timing]] = {name: [] for name in made}
    for _ in range(repeat):
        for name, make in made.items():
            timings[name].append(run(make()))
    best = {name: min(t.wall for t in runs) for name, runs in timings.items()}
    print(f"  {'':<40} {'wall s':>7} {'CPU s':>7}   (best of each)")
    for name, runs in timings.items():
        print(f"  {name:<40} {best[name]:7.3f} {min(t.cpu for t in runs):7.3f}")
    return best


def machine() -> str:
    model = "?"
    with open("/proc/cpuinfo", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    from importlib.metadata import version

    versions = ", ".join(
        f"{name} {version(name)}"
        for name in ("duckdb", "pyarrow", "pandas", "vaderSentiment", "scikit-learn")
    )
    return (
        f"{datetime.now(UTC):%d %b %Y %H:%M} UTC; nproc {os.cpu_count()}, {model}, "
        f"{memory:.1f} GiB; Python {platform.python_version()}; {versions}"
    )


def load() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[2000, 20_000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument(
        "--repeat",
        type=int,
        nargs="+",
        default=[2],
        help="rounds per size (best kept), one per --n",
    )
    parser.add_argument("--startup-repeat", type=int, default=5)
    parser.add_argument(
        "--ingest-n", type=int, default=0, help="also slant ingest --workers 2 of N (0: skip)"
    )
    parser.add_argument(
        "--before", type=Path, help="a source tree whose slant analyze runs beside (before/after)"
    )
    parser.add_argument("--before-n", type=int, default=2000, help="largest size --before runs on")
    parser.add_argument("--ingest-repeat", type=int, default=1, help="rounds of --ingest-n")
    parser.add_argument(
        "--ingest-max-n",
        type=int,
        help="run slant ingest (1 and 2 workers) only on sizes up to this (default: all)",
    )
    parser.add_argument(
        "--without-targets",
        action="store_true",
        help="also slant analyze with an empty targets file (no target-scoped sentiment)",
    )
    args = parser.parse_args(argv)

    print(machine())
    scratch_root = ROOT / "bench" / "out"
    scratch_root.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="end-to-end-", dir=scratch_root))
    try:
        inputs = scratch / "inputs"
        runs = scratch / "runs"
        inputs.mkdir()
        runs.mkdir()
        no_targets = None
        if args.without_targets:
            no_targets = inputs / "no-targets.csv"
            no_targets.write_text("target,aliases,note\n", encoding="utf-8")
        print(f"\nstart-up alone, best of {args.startup_repeat} ({load()}):")
        started = startup(args.startup_repeat, runs, args.before)
        summary = {}
        repeats = args.repeat + [args.repeat[-1]] * (len(args.n) - len(args.repeat))
        for n, repeat in zip(args.n, repeats, strict=True):
            jsonl = corpus.write(n)["jsonl"]
            sentences, articles, count = floor_file(jsonl, inputs)
            print(
                f"\n{n} articles ({jsonl.name}, {jsonl.stat().st_size / 1e6:.1f} MB, "
                f"{count} sentences with headlines); best of {repeat} interleaved rounds "
                f"({load()} before):"
            )
            before = args.before if n <= args.before_n else None
            ingest = args.ingest_max_n is None or n <= args.ingest_max_n
            made = commands(jsonl, sentences, runs, args.workers, before, no_targets, ingest)
            summary[n] = report(n, interleaved(made, repeat, runs))
            print(f"  ({load()} after)")
        if args.ingest_n:
            n = args.ingest_n
            source = corpus.write(n)["jsonl"]
            sentences, articles, count = floor_file(source, inputs)
            rounds = args.ingest_repeat
            print(f"\n{n} articles, best of {rounds} interleaved rounds ({load()} before):")
            made = commands(source, sentences, runs, [2])
            made = {k: made[k] for k in ("floor: vaderSentiment", "slant ingest --workers 2")}
            summary[f"ingest {n}"] = report(n, interleaved(made, rounds, runs))
            print(f"  ({load()} after)")
        largest = max(args.n)
        ratios = summary[largest]
        print("\ntargets:")
        help_s = started["slant --help"]
        print(f"  slant --help: {help_s:.3f} s (< 0.3 s: {'met' if help_s < 0.3 else 'missed'})")
        for name, target in (
            ("slant analyze --workers 1", 0.8),
            ("slant analyze --workers 2", 1.5),
        ):
            if name in ratios:
                verdict = "met" if ratios[name] >= target else "missed"
                print(f"  {name} on {largest}: {ratios[name]:.2f}x floor (>= {target}x: {verdict})")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
