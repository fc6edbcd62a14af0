"""Data: load articles into the store, choose a framing lexicon and re-score, export CSVs.

Loading goes through the same scoring run as ``slant ingest``
(analysis.runs.scoring.ingest_into_store: one transaction); uploads are written to
a temporary folder first. Web pages are fetched by a background job
(dashboard/web_fetch_job.py: the same polite, cached fetcher as ``slant ingest URL``)
whose progress the page polls, with a Cancel button.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import streamlit as st

from analysis import store
from analysis.compare import outlet_comparisons, queries
from analysis.compare.queries import Filters
from analysis.report import export
from dashboard import cache, classroom, components, sidebar, web_fetch_job
from dashboard.web_fetch_job import MAX_WEB_ADDRESSES, MAX_WEB_FEED_ENTRIES

UPLOAD_TYPES = ["csv", "tsv", "jsonl", "ndjson", "json", "parquet", "txt"]


# --------------------------------------------------------------------------- lexicons


def _lexicon_dir() -> Path:
    from analysis.text.lexicons import DEFAULT_DIR

    return DEFAULT_DIR


def _framing_choice() -> Path | None:
    """The user's framing lexicon for this session (None = the bundled one)."""
    chosen = st.session_state.get("framing_lexicon")
    return Path(chosen) if chosen and Path(chosen).exists() else None


def _targets_choice() -> Path | None:
    """The user's targets list for this session (None = the bundled targets.csv)."""
    chosen = st.session_state.get("targets_lexicon")
    return Path(chosen) if chosen and Path(chosen).exists() else None


def _load_lexicons():
    from analysis.text.lexicons import load_lexicons

    return load_lexicons(_lexicon_dir(), framing=_framing_choice(), targets=_targets_choice())


# --------------------------------------------------------------------------- errors

STORE_BUSY_NOTHING_WRITTEN = (
    "The store is being updated by another program, so nothing was written; "
    "try again when it is done."
)


def stopped(what: str, error: Exception) -> None:
    """Say that ``what`` stopped, in plain text: the error's message may quote a user's file
    (markdown must not render) and name this server's folders or a process id."""
    from analysis.errors import StoreBusy

    if isinstance(error, StoreBusy):
        st.warning(STORE_BUSY_NOTHING_WRITTEN)
        return
    message = str(error).replace(f"{cache.store_path().parent}{os.sep}", "")
    st.error(f"{what} stopped and nothing was written.")
    st.code(message, language=None, wrap_lines=True)


# --------------------------------------------------------------------------- writing


def _write(db: Path, articles_in, lexicons, progress) -> tuple[int, int, int]:
    """Add new articles and re-score stale ones in one transaction (the same run as
    ``slant ingest``). Returns (added, duplicates, rescored)."""
    from analysis.runs.scoring import ingest_into_store

    def report(run) -> None:
        if run.rescored:
            progress(f"Re-scored {run.rescored:,} of {run.stale:,} stored articles")
        else:
            progress(f"Scored {run.added:,} new articles")

    # One worker: the dashboard process serves other users while it scores.
    run = ingest_into_store(db, articles_in, lexicons, workers=1, progress=report)
    return run.added, run.duplicates, run.rescored


def ingest_uploads(files, outlet: str | None) -> None:
    from analysis.ingest import load_paths
    from analysis.records import Rejected

    db = cache.store_path()
    lexicons = _load_lexicons()
    with tempfile.TemporaryDirectory(prefix="slant-upload-") as tmp:
        folder = Path(tmp)
        for i, upload in enumerate(files):
            name = Path(upload.name).name or f"upload-{i}"
            target = folder / name
            if target.exists():
                target = folder / f"{i}-{name}"
            target.write_bytes(upload.getvalue())
        articles, rejected = [], []
        for item in load_paths([folder], outlet=outlet or None):
            (rejected if isinstance(item, Rejected) else articles).append(item)
        with st.status("Loading articles...", expanded=True) as status:
            added, duplicates, rescored = _write(
                db, articles, lexicons, lambda message: status.update(label=message)
            )
            status.update(label="Done", state="complete", expanded=False)
    st.session_state["ingest_report"] = {
        "added": added,
        "duplicates": duplicates,
        "rescored": rescored,
        "rejected": [
            {
                "file": Path(r.source_file).name if r.source_file else "",
                # A CSV record may span lines (text cells with line breaks): both are shown.
                "record": r.row,
                "line": r.line,
                "problem": r.problem.replace(tmp, "upload"),
            }
            for r in rejected
        ],
    }


def start_web_fetch(inputs: list[str], outlet: str | None) -> None:
    """Start fetching pasted URLs / feeds into the store as a background job."""
    from analysis.config import ALLOW_PRIVATE_ENV

    # Only the person who started the server may open its network (slant dashboard
    # --allow-private-addresses); a page visitor never can.
    allow_private = os.environ.get(ALLOW_PRIVATE_ENV) == "1"
    web_fetch_job.start(
        cache.store_path(),
        inputs,
        outlet=outlet,
        lexicons=_load_lexicons(),
        allow_private=allow_private,
    )


#: How often the page looks at a running fetch (seconds).
WEB_PROGRESS_SECONDS = 1.0


@st.fragment(run_every=WEB_PROGRESS_SECONDS)
def web_fetch_progress() -> None:
    """The running fetch's progress and a Cancel button; the whole page runs again when it
    ends (its report, the store summary)."""
    job = web_fetch_job.latest(cache.store_path())
    if job is None or not job.running:
        st.rerun()
    now = job.progress()
    if now["state"] == "scoring":
        text = f"Scoring and storing {now['articles']:,} articles ({now['scored']:,} scored)"
        fraction = now["scored"] / max(now["articles"], 1)
    else:
        text = (
            f"Fetching address {min(now['addresses_done'] + 1, now['addresses']):,} of "
            f"{now['addresses']:,}: {now['pages']:,} pages fetched, {now['articles']:,} "
            f"articles extracted, {now['failed_pages']:,} pages failed"
        )
        fraction = now["addresses_done"] / max(now["addresses"], 1)
    st.progress(min(fraction, 1.0), text=text)
    if now["cancelling"]:
        st.caption("Cancelling at the next page...")
    elif st.button("Cancel", key="cancel_fetch", icon=":material/cancel:"):
        job.cancel()
        st.caption("Cancelling at the next page...")


def web_fetch_report(job: web_fetch_job.WebFetchJob) -> None:
    done = job.progress()
    if done["finished"]:
        st.caption(f"The last fetch into this store ended {done['finished']:%Y-%m-%d %H:%M} UTC.")
    if done["state"] == "done":
        st.success(
            f"Added {done['added']:,} articles from the web "
            f"({done['duplicates']:,} already stored, "
            f"{len(done['failures']):,} addresses failed)."
        )
    else:
        st.warning(done["message"])
    if done["failures"]:
        st.warning("These addresses gave no article; each line says why.")
        components.table(pd.DataFrame(done["failures"]))


def rescore() -> None:
    lexicons = _load_lexicons()
    with st.status("Re-scoring...", expanded=True) as status:
        _, _, rescored = _write(
            cache.store_path(), [], lexicons, lambda message: status.update(label=message)
        )
        status.update(label="Done", state="complete", expanded=False)
    st.session_state["rescore_report"] = (rescored, lexicons.hash)


# --------------------------------------------------------------------------- exports


def _export_frame(db: str, kind: str, filters: Filters, labels: dict) -> pd.DataFrame:
    """The rows of one export, straight from the store (runs on click, outside the session)."""

    con = store.connect(db, read_only=True)
    try:
        if kind == "article_scores":
            frame = queries.article_scores(con, filters)
        elif kind == "evidence":
            frame = queries.evidence_rows(con, filters)
        elif kind == "target_sentiment":
            frame = queries.target_sentiment_rows(con, filters)
        else:
            frame = outlet_comparisons.key_measures_by_outlet(con, filters)
    finally:
        con.close()
    if labels and "outlet" in frame:
        frame["outlet"] = frame["outlet"].map(lambda o: labels.get(o, o))
    return frame


def _export_meta(db: str, kind: str, filters: Filters) -> dict:
    con = store.connect(db, read_only=True)
    try:
        stamps = queries.score_stamps(con, filters)
    finally:
        con.close()
    return export.metadata(
        kind,
        filters=filters.as_dict(),
        lexicon_hash=sorted(stamps["lexicon_hash"].dropna().unique().tolist()),
        analysis_version=sorted(stamps["analysis_version"].dropna().unique().tolist()),
        exported_at=datetime.now(UTC),
    )


def _csv_maker(db, kind, filters, labels):
    return lambda: export.to_csv(_export_frame(db, kind, filters, labels))


def _json_maker(db, kind, filters, labels):
    def make():
        meta = _export_meta(db, kind, filters)
        meta["rows"] = len(_export_frame(db, kind, filters, labels))
        meta["file"] = f"{kind}.csv"
        meta["outlet_names_hidden"] = bool(labels)
        return export.metadata_json(meta)

    return make


# --------------------------------------------------------------------------- page

st.title("Data and exports")
db = cache.store_path()
status = cache.store_status()

st.subheader("The store")
st.code(str(db), language=None)
if status == "ready":
    summary = cache.run(queries.corpus_summary, Filters())
    stamps = cache.run(queries.score_stamps, Filters())
    st.write(
        f"{summary['articles']:,} articles from {summary['outlets']:,} outlets, "
        f"{summary['scored']:,} scored."
    )
    components.table(
        stamps.rename(
            columns={
                "lexicon_hash": "Lexicon hash",
                "analysis_version": "Analysis version",
                "articles": "Articles scored",
            }
        )
    )
elif status == "busy":
    components.store_busy()
elif status == "unavailable":
    st.error("The store is busy or unreadable; try again when `slant ingest` has finished.")
elif status == "outdated":
    components.store_outdated()
else:
    st.info("No articles yet. Upload files below or run `slant ingest FILES` in a terminal.")

st.subheader("Load articles")
st.caption(
    "CSV, TSV, JSONL, Parquet (columns: outlet, text, and optionally title, published, url, "
    "section, author) or plain .txt articles. Several files at once; duplicates are skipped."
)
# A new uploader key after each load empties the uploader.
upload_key = f"uploads_{st.session_state.get('upload_round', 0)}"
uploads = st.file_uploader("Files", type=UPLOAD_TYPES, accept_multiple_files=True, key=upload_key)
outlet = st.text_input(
    "Outlet for every article (optional)",
    key="upload_outlet",
    help="Needed for .txt files and tables without an outlet column.",
)
if st.button("Load and score", type="primary", key="load"):
    if not uploads:
        st.warning("Choose at least one file first.")
    else:
        try:
            ingest_uploads(uploads, outlet.strip())
        except Exception as error:  # a user's file must never crash the page
            stopped("Loading", error)
        else:
            st.session_state["upload_round"] = st.session_state.get("upload_round", 0) + 1
            st.rerun()
report = st.session_state.get("ingest_report")
if report:
    st.success(
        f"Added {report['added']:,} articles ({report['duplicates']:,} duplicates skipped"
        + (f", {report['rescored']:,} stored articles re-scored" if report["rescored"] else "")
        + f", {len(report['rejected']):,} rejected)."
    )
    if report["rejected"]:
        st.warning(
            "Some rows were rejected; each line names the file, the record (and the line it "
            "starts on) and the fix."
        )
        components.table(pd.DataFrame(report["rejected"]))

st.subheader("Fetch from the web")
st.caption(
    "Paste article addresses (one per line) or the address of an RSS or Atom feed. Pages "
    "are fetched politely (robots.txt respected, a pause between requests to one site) and "
    "kept in a cache beside the store, so fetching them again costs nothing. Navigation, "
    "comments and related links are left out; a page without an article body is listed "
    "as a failure, never stored half-extracted. At most "
    f"{MAX_WEB_ADDRESSES} addresses and {MAX_WEB_FEED_ENTRIES} entries per feed at once; "
    "addresses on this server's own or private network are not fetched."
)
web_job = web_fetch_job.latest(db)
fetching = web_job is not None and web_job.running
# Not disabled while a fetch runs: a widget whose parameters change loses its value.
web_inputs = st.text_area(
    "Addresses", key="web_inputs", height=110, placeholder="https://example.org/feed.rss"
)
web_outlet = st.text_input(
    "Outlet for every page (optional; default: the site's own name)", key="web_outlet"
)
if st.button("Fetch and score", key="fetch", disabled=fetching):
    wanted = [line.strip() for line in web_inputs.splitlines() if line.strip()]
    if not wanted:
        st.warning("Paste at least one address first.")
    else:
        try:
            start_web_fetch(wanted, web_outlet.strip() or None)
        except web_fetch_job.JobRunning as error:
            st.warning(str(error))
        except Exception as error:  # a lexicon problem must never crash the page
            st.error(f"Fetching did not start: {components.escape_md(error)}")
        else:
            st.rerun()  # drawn again with the fields locked and the job's progress
if fetching:
    web_fetch_progress()
elif web_job is not None:
    web_fetch_report(web_job)

st.subheader("Framing lexicon")
try:
    lexicons = _load_lexicons()
except Exception as error:
    st.error(f"The lexicon could not be loaded: {error}")
    lexicons = None
choice = _framing_choice()
st.write(
    "In use: " + ("your uploaded framing lexicon" if choice else "the bundled framing lexicon")
)
if lexicons is not None:
    cols = st.columns(3)
    cols[0].metric("Lexicon hash", lexicons.hash)
    cols[1].metric("Framing terms", f"{len(lexicons.framing):,}")
    cols[2].metric("Categories", f"{len(lexicons.framing_categories):,}")
    with st.expander("The framing terms"):
        framing_file = Path(lexicons.files["framing"])
        try:
            components.table(pd.read_csv(framing_file, dtype=str, nrows=5000), height=300)
        except Exception as error:
            st.error(f"{framing_file.name}: cannot show it ({error})")


def use_uploaded_lexicon(upload, role: str, state_key: str) -> None:
    """Keep an uploaded ``role`` lexicon ("framing" or "targets") beside the store, named by
    its content, and use it from now on if it loads with the other lexicons in use; a file
    that does not load is removed again and its problem shown as plain text."""
    raw = upload.getvalue()
    name = Path(upload.name).name
    saved = db.parent / "lexicons" / f"{role}-{hashlib.sha256(raw).hexdigest()[:12]}.csv"
    saved.parent.mkdir(parents=True, exist_ok=True)
    kept_before = saved.exists()
    saved.write_bytes(raw)
    from analysis.text.lexicons import load_lexicons

    chosen = {"framing": _framing_choice(), "targets": _targets_choice(), role: saved}
    try:
        load_lexicons(_lexicon_dir(), framing=chosen["framing"], targets=chosen["targets"])
    except Exception as error:
        if not kept_before:
            saved.unlink(missing_ok=True)
        # The message quotes the file's rows: shown as code, never rendered as markdown
        # (an image link would make the browser fetch it); no folder of this server in it.
        message = str(error).replace(str(saved), name)
        for folder in (saved.parent, db.parent, _lexicon_dir()):
            message = message.replace(f"{folder}{os.sep}", "")
        st.error(f"{components.escape_md(name)} was not used: it does not load.")
        st.code(message, language=None, wrap_lines=True)
    else:
        st.session_state[state_key] = str(saved)
        st.rerun()


def upload_controls(
    label: str, upload_key: str, buttons: tuple[str, str], role: str, state_key: str, in_use: bool
):
    """An uploader with "use this file" and "back to the bundled one" buttons; returns the
    row of three columns, the third free for the caller."""
    upload = st.file_uploader(label, type=["csv"], key=upload_key)
    cols = st.columns(3)
    use_label, back_label = buttons
    if upload is not None and cols[0].button(use_label):
        use_uploaded_lexicon(upload, role, state_key)
    if in_use and cols[1].button(back_label):
        st.session_state.pop(state_key, None)
        st.rerun()
    return cols


cols = upload_controls(
    "Upload a framing lexicon (CSV with pattern, category and note columns)",
    "lexicon_upload",
    ("Use this lexicon", "Back to the bundled lexicon"),
    "framing",
    "framing_lexicon",
    in_use=bool(choice),
)
if status == "ready" and lexicons is not None:
    if cols[2].button(
        "Re-score the store with this lexicon",
        help="Only articles scored with another lexicon or analysis version are re-scored.",
    ):
        try:
            rescore()
        except Exception as error:
            stopped("Re-scoring", error)
    done = st.session_state.get("rescore_report")
    if done:
        st.success(f"Re-scored {done[0]:,} articles with lexicon {done[1]}.")

st.subheader("Targets")
st.caption(
    "Sentiment toward a target is measured for the people and organisations in the targets "
    "list (CSV: target, aliases separated by |, note). `slant targets suggest --db FILE "
    "--out targets.csv` lists the most mentioned names of your corpus as such a file."
)
targets_choice = _targets_choice()
st.write("In use: " + ("your uploaded targets" if targets_choice else "the bundled targets"))
if lexicons is not None:
    with st.expander(f"The targets ({len(lexicons.targets):,})"):
        components.table(
            pd.DataFrame(
                {
                    "target": [t.name for t in lexicons.targets],
                    "aliases": [" | ".join(t.aliases[1:]) for t in lexicons.targets],
                }
            ),
            height=300,
        )
upload_controls(
    "Upload a targets list (CSV with target, aliases and note columns)",
    "targets_upload",
    ("Use these targets", "Back to the bundled targets"),
    "targets",
    "targets_lexicon",
    in_use=bool(targets_choice),
)
if targets_choice:
    st.info("Re-score the store (button under Framing lexicon) to apply the new targets.")

st.subheader("Export centre")
if status != "ready":
    st.info("Exports appear once the store holds articles.")
    st.stop()
filters = sidebar.filters()
current = cache.run(queries.corpus_summary, filters)
st.caption(
    f"Exports follow the sidebar filters ({current['articles']:,} articles). Each CSV has a "
    "JSON companion stating the filters, lexicon hash, analysis version and time of export. "
    "Text cells that a spreadsheet would run as a formula are prefixed with '."
)
labels = classroom.outlet_labels() if classroom.names_hidden() else {}
exports = [
    ("article_scores", "Article scores", "Every score of every article"),
    ("evidence", "Evidence rows", "Every matched span behind the scores"),
    ("outlet_report", "Per-outlet report", "Key measures per outlet with 95% intervals"),
    ("target_sentiment", "Target sentiment", "Sentiment toward each target per article"),
]
for kind, title, note in exports:
    cols = st.columns([2, 1, 1])
    cols[0].markdown(f"**{title}**  \n{note}")
    with cols[1]:
        st.download_button(
            "CSV",
            data=_csv_maker(str(db), kind, filters, labels),
            file_name=f"{kind}.csv",
            mime="text/csv",
            key=f"export_csv_{kind}",
            icon=":material/download:",
            on_click="ignore",
        )
    with cols[2]:
        st.download_button(
            "JSON",
            data=_json_maker(str(db), kind, filters, labels),
            file_name=f"{kind}.json",
            mime="application/json",
            key=f"export_json_{kind}",
            icon=":material/description:",
            on_click="ignore",
        )
