"""Fixtures shared by the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = ROOT / "data" / "sample"

# An article in the shape of the seed (a page as a reader copies it from a site),
# written for the tests: breadcrumb with non-breaking spaces, headline, photo credit,
# curly quotes and apostrophes, and trailing site boilerplate.
SEED_SHAPED_ARTICLE = (
    "News\u00a0 /\u00a0 Kestria\n\n"
    "Alliance says it will expand training mission in Kestria\n\n"
    "Meridian Alliance Secretary-General Tomas Ekwall (Photo by Staff)\n\n"
    "Meridian Alliance Secretary General Tomas Ekwall says the alliance has decided to "
    "expand its mission in Kestria by training border guards.\n\n"
    "\u201cWe agreed to expand our mission in Kestria,\u201d he said.\n\n"
    "A member of the Assembly\u2019s defence committee has strongly condemned the move as a "
    "breach of the small country\u2019s sovereignty.\u00a0\n\n"
    "Press TV\u2019s website can also be accessed at the following alternate addresses:\n\n"
    "Press TV News Roku\n"
)


@pytest.fixture
def seed_shaped_file(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    path = folder / "alliance-mission.txt"
    path.write_text(SEED_SHAPED_ARTICLE, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def lexicons():
    from analysis.text.lexicons import load_lexicons

    return load_lexicons()


@pytest.fixture(scope="session")
def analyzer(lexicons):
    from analysis.pipeline import Analyzer

    return Analyzer(lexicons)


@pytest.fixture(scope="session")
def sample_articles():
    from analysis.ingest import load_paths
    from analysis.records import Article

    items = list(load_paths([SAMPLE_DIR]))
    return [a for a in items if isinstance(a, Article)]


WEB_FIXTURES = ROOT / "tests" / "fixtures" / "web"


@pytest.fixture
def site():
    """A local web site on 127.0.0.1 serving tests/fixtures/web (see its server.py)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("web_fixture_server", WEB_FIXTURES / "server.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    server = module.FixtureSite()
    yield server
    server.stop()
