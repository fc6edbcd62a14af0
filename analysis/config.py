"""Where Slant finds its files, and the defaults the command line shows before any work starts.

Lexicons and the boilerplate table are data users edit: in a source checkout they are
read from ``data/`` (``data/lexicons/`` is the editable source); an installed wheel
carries the same files inside the package as ``analysis/package_data/`` (see
``pyproject.toml``). Nothing here imports more than the standard library, so
``slant --help`` can read these defaults without loading the stages that use them.
"""

from __future__ import annotations

from pathlib import Path

_CHECKOUT_DATA = Path(__file__).resolve().parents[1] / "data"
_PACKAGED_DATA = Path(__file__).resolve().parent / "package_data"

#: The folder holding ``lexicons/`` and ``boilerplate.csv``: the checkout's, else the wheel's.
DATA_DIR = _CHECKOUT_DATA if (_CHECKOUT_DATA / "lexicons").is_dir() else _PACKAGED_DATA
#: The lexicons every analysis uses unless ``--lexicons`` or ``--lexicon`` says otherwise.
LEXICON_DIR = DATA_DIR / "lexicons"
#: Site boilerplate dropped from ``.txt`` articles (see ``analysis.ingest.textfile``).
BOILERPLATE_FILE = DATA_DIR / "boilerplate.csv"
#: Well-known news sites and the name each goes by (``analysis.ingest.outlets``).
OUTLETS_FILE = DATA_DIR / "outlets.csv"

#: The store the commands use unless ``--db`` names another (relative to the working folder).
DEFAULT_DB = Path("data") / "slant.duckdb"

#: Same-story grouping: mean TF-IDF similarity that joins two groups, and the widest gap
#: in days between two articles that may be compared (``analysis.compare.stories``).
STORY_THRESHOLD = 0.12
STORY_WINDOW_DAYS = 3.0

#: Web fetching: the most entries read from one feed (a 30,000-entry feed is not a
#: news feed), and the environment variable ``slant dashboard --allow-private-addresses``
#: sets so the dashboard may fetch from loopback and private networks.
MAX_FEED_ENTRIES = 1_000
ALLOW_PRIVATE_ENV = "SLANT_ALLOW_PRIVATE_ADDRESSES"
