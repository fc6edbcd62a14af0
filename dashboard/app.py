"""Slant dashboard entry point: page navigation, the shared sidebar and the store check.

Run with ``streamlit run dashboard/app.py`` (store: ``$SLANT_DB`` or data/slant.duckdb).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `streamlit run dashboard/app.py` from a checkout
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from analysis.errors import StoreBusy, StoreUnavailable  # noqa: E402
from dashboard import cache, components, sidebar  # noqa: E402

# Not "pages/": a folder of that name beside the entry file switches Streamlit into its
# legacy multipage mode on a fresh session, which runs a deep-linked page without the
# frame (sidebar, filters) and reports other URLs as "Page not found".
PAGES = Path(__file__).resolve().parent / "views"

# (section, file, title, icon, url path); files that do not exist yet are skipped.
PAGE_TABLE = [
    ("Measures", "overview.py", "Overview", ":material/dashboard:", "overview"),
    ("Measures", "sentiment.py", "Sentiment", ":material/mood:", "sentiment"),
    ("Measures", "framing.py", "Framing", ":material/format_quote:", "framing"),
    ("Measures", "bias_types.py", "Bias types", ":material/category:", "bias-types"),
    ("Measures", "attribution.py", "Attribution", ":material/record_voice_over:", "attribution"),
    ("Measures", "over_time.py", "Over time", ":material/timeline:", "over-time"),
    ("Compare", "compare.py", "Compare outlets", ":material/compare_arrows:", "compare"),
    ("Compare", "terms.py", "Distinctive terms", ":material/text_fields:", "terms"),
    ("Compare", "word_choice.py", "Word choice", ":material/spellcheck:", "word-choice"),
    ("Compare", "stories.py", "Stories", ":material/newspaper:", "stories"),
    ("Articles", "reader.py", "Article reader", ":material/article:", "reader"),
    (
        "Articles",
        "compare_articles.py",
        "Compare two articles",
        ":material/difference:",
        "compare-articles",
    ),
    ("Validity", "validate.py", "Validate", ":material/fact_check:", "validate"),
    ("Validity", "methods.py", "Methods", ":material/menu_book:", "methods"),
    ("Data", "data.py", "Data and exports", ":material/database:", "data"),
]

#: Pages that work without any article in the store.
WORKS_WITHOUT_DATA = {"data", "methods"}


#: The browser tab's icon (scales of justice).
FAVICON = "\u2696\ufe0f"

#: The page served at the app's root; its own URL path works too (see build_pages).
DEFAULT_PAGE = "overview"


def build_pages() -> dict[str, list]:
    sections: dict[str, list] = {}
    for section, file, title, icon, url_path in PAGE_TABLE:
        path = PAGES / file
        if not path.exists():
            continue
        if url_path == DEFAULT_PAGE:
            # Streamlit serves the default page at "/" only, so a pasted /overview would
            # open under "Page not found": the same file again, hidden from the menu,
            # answers that address.
            sections.setdefault(section, []).append(
                st.Page(path, title=title, icon=icon, url_path=f"{url_path}-home", default=True)
            )
            page = st.Page(path, title=title, icon=icon, url_path=url_path, visibility="hidden")
        else:
            page = st.Page(path, title=title, icon=icon, url_path=url_path)
        sections.setdefault(section, []).append(page)
    return sections


def no_data_page(status: str) -> None:
    """A friendly page instead of a traceback when there is nothing to show."""
    path = cache.store_path()
    st.title("Slant")
    if status == "unavailable":
        st.error(
            "The store could not be opened. Another program may be writing to it (wait for "
            "`slant ingest` to finish), or the file is not a Slant store."
        )
    elif status == "outdated":
        components.store_outdated()
        return
    elif status == "missing":
        st.info("There is no Slant store here yet, so there is nothing to show.")
    else:
        st.info("The store has no articles yet, so there is nothing to show.")
    st.markdown("**Store file**")
    st.code(str(path), language=None)
    st.markdown("**Load articles** from a terminal (CSV, JSONL, Parquet or a folder of .txt):")
    st.code(f"slant ingest FILES --db {path}", language="bash")
    st.markdown(
        "or upload files on the Data page. To use another store, start the dashboard "
        "with the `SLANT_DB` environment variable set to its path."
    )
    st.page_link(str(PAGES / "data.py"), label="Go to the Data page", icon=":material/upload:")


def main() -> None:
    # An emoji favicon is drawn in the browser; a ":material/..." one is fetched from
    # fonts.gstatic.com, which a classroom behind a firewall or offline cannot reach.
    st.set_page_config(page_title="Slant", page_icon=FAVICON, layout="wide")
    page = st.navigation(build_pages())
    status = cache.store_status()
    if status == "ready":
        sidebar.sidebar_filters()
    elif status == "busy":
        st.sidebar.caption("Filters appear once the store has been updated.")
    else:
        st.sidebar.caption("Filters appear once the store holds articles.")
    if status == "busy" and page.url_path not in WORKS_WITHOUT_DATA:
        st.title(page.title)
        components.store_busy()
        return
    if status != "ready" and page.url_path not in WORKS_WITHOUT_DATA:
        no_data_page(status)
        return
    try:
        page.run()
    except StoreBusy:  # an ingest started after the store check above
        components.store_busy()
    except StoreUnavailable:
        no_data_page("unavailable")


if __name__ == "__main__":  # run by `streamlit run`
    main()
