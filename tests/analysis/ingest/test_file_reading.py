"""Files are read as streams, in the encoding they carry, and every folder is accounted for.

Each case reproduced issue 17 before its fix: a CSV or JSON Lines file was read whole
into memory before its first row (a 100 MB CSV took 921 MB); a UTF-16 file was
rejected with its header as garbled bytes in the message; a folder that could not be
opened was skipped without a word.
"""

from __future__ import annotations

import json
import os

import pytest

from analysis.ingest import articles, load_paths
from analysis.records import Article, Rejected

ROWS = [
    {"outlet": "Valley Post", "title": f"Budget {n}", "text": f"The assembly met {n} times."}
    for n in range(3000)
]


def _split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [
        i for i in items if isinstance(i, Rejected)
    ]


def _write_csv(path, rows, encoding="utf-8"):
    lines = ["outlet,title,text"] + [f"{r['outlet']},{r['title']},{r['text']}" for r in rows]
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))


class _CountingStream:
    """A text stream that tallies the characters handed to its reader."""

    def __init__(self, stream, tally: list[int]):
        self._stream, self._tally = stream, tally

    def __iter__(self):
        return self

    def __next__(self):
        line = next(self._stream)
        self._tally.append(len(line))
        return line

    def read(self, size=-1):
        text = self._stream.read(size)
        self._tally.append(len(text))
        return text

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._stream.close()


@pytest.fixture
def characters_read(monkeypatch) -> list[int]:
    """Characters read from text streams the readers open (binary reads are not counted)."""
    tally: list[int] = []
    real_open = open

    def counting_open(file, mode="r", *args, **kwargs):
        handle = real_open(file, mode, *args, **kwargs)
        return handle if "b" in mode else _CountingStream(handle, tally)

    monkeypatch.setattr(articles, "open", counting_open, raising=False)
    return tally


def test_a_csv_yields_its_first_article_after_reading_only_the_start_of_the_file(
    tmp_path, characters_read
):
    path = tmp_path / "rows.csv"
    _write_csv(path, ROWS)
    first = next(iter(load_paths([path])))
    assert isinstance(first, Article) and first.title == "Budget 0"
    assert 0 < sum(characters_read) < path.stat().st_size / 10


def test_a_jsonl_file_yields_its_first_article_after_reading_only_the_start_of_the_file(
    tmp_path, characters_read
):
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    first = next(iter(load_paths([path])))
    assert isinstance(first, Article) and first.title == "Budget 0"
    assert 0 < sum(characters_read) < path.stat().st_size / 10


def test_a_streamed_csv_keeps_its_line_numbers_and_recovers_after_a_malformed_record(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text(
        "outlet,title,text\n"
        'Valley Post,One,"The first text\nspans two lines."\n'
        "Valley Post,Two\n"
        "Valley Post,Three,The third text.\n"
    )
    articles_read, rejected = _split(load_paths([path]))
    assert [a.title for a in articles_read] == ["One", "Three"]
    assert [r.message() for r in rejected] == [
        f"{path}, record 2 (line 4): row has 2 fields but the header has 3; a text cell "
        "with commas or line breaks must be in double quotes"
    ]


def test_a_file_not_in_utf8_is_still_read_as_windows_1252_with_a_warning(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_bytes(
        "outlet,title,text\nValley Post,Caf\xe9,The caf\xe9 closed.\n".encode("cp1252")
    )
    warnings: list[str] = []
    articles_read, rejected = _split(load_paths([path], warnings=warnings))
    assert [a.title for a in articles_read] == ["Café"] and rejected == []
    assert len(warnings) == 1 and "Windows-1252" in warnings[0]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_a_csv_with_a_utf16_or_utf32_byte_order_mark_is_decoded_and_read(tmp_path, encoding):
    path = tmp_path / "rows.csv"
    rows = [{"outlet": "Le Monde", "title": "Été", "text": "Le café a fermé ses portes."}]
    if encoding == "utf-16-be":  # the codec itself writes no mark: add it
        path.write_bytes(b"\xfe\xff" + _csv_text(rows).encode(encoding))
    else:
        path.write_bytes(_csv_text(rows).encode(encoding))
    articles_read, rejected = _split(load_paths([path]))
    assert rejected == []
    assert [(a.outlet, a.title, a.text) for a in articles_read] == [
        ("Le Monde", "Été", "Le café a fermé ses portes.")
    ]


def _csv_text(rows) -> str:
    return "outlet,title,text\r\n" + "".join(
        f"{r['outlet']},{r['title']},{r['text']}\r\n" for r in rows
    )


def test_jsonl_and_txt_files_with_a_utf16_byte_order_mark_are_read(tmp_path):
    (tmp_path / "rows.jsonl").write_bytes((json.dumps(ROWS[0]) + "\n").encode("utf-16"))
    (tmp_path / "page.txt").write_bytes("Budget passed\n\nThe assembly met.\n".encode("utf-16"))
    articles_read, rejected = _split(load_paths([tmp_path], outlet="Valley Post"))
    assert rejected == []
    assert sorted(a.title for a in articles_read) == ["Budget 0", "Budget passed"]


def test_utf16_without_a_byte_order_mark_is_rejected_in_plain_words(tmp_path):
    path = tmp_path / "rows.csv"
    _write_csv(path, ROWS[:2], encoding="utf-16-le")
    articles_read, rejected = _split(load_paths([path]))
    assert articles_read == []
    assert [r.message() for r in rejected] == [
        f"{path}: the file looks like UTF-16 or UTF-32 text without a byte-order mark; "
        "save it as UTF-8 (in Excel: Save As, CSV UTF-8) and ingest it again"
    ]


def test_a_damaged_utf16_file_keeps_every_row_and_warns_before_the_first(tmp_path):
    path = tmp_path / "rows.csv"
    damaged = "Valley Post,Lost,A lone surrogate here: ".encode("utf-16-le") + b"\x00\xd8"
    tail = ".\r\n".encode("utf-16-le") + _csv_text(ROWS[:2000]).split("\r\n", 1)[1].encode(
        "utf-16-le"
    )
    path.write_bytes(_csv_text([]).encode("utf-16") + damaged + tail)
    warnings: list[str] = []
    rows = load_paths([path], warnings=warnings)
    first = next(rows)
    assert first.title == "Lost" and first.text == "A lone surrogate here: \ufffd."
    assert len(warnings) == 1 and "not valid UTF-16" in warnings[0]
    articles_read, rejected = _split(rows)
    assert len(articles_read) == 2000 and rejected == []


def test_a_folder_that_cannot_be_opened_is_reported_and_the_others_read(tmp_path, monkeypatch):
    readable, locked = tmp_path / "a-readable", tmp_path / "b-locked"
    readable.mkdir()
    locked.mkdir()
    _write_csv(readable / "rows.csv", ROWS[:1])
    _write_csv(locked / "rows.csv", ROWS[1:2])
    real_scandir = os.scandir

    def scandir(path="."):
        # Tests run as root, for whom chmod 000 locks nothing: refuse as the kernel would.
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    articles_read, rejected = _split(load_paths([tmp_path]))
    assert [a.title for a in articles_read] == ["Budget 0"]
    assert [r.message() for r in rejected] == [
        f"{locked}: cannot open the folder (Permission denied), so none of its files were "
        f"read; give your user read access (chmod -R u+rX '{locked}') and ingest it again"
    ]


def test_a_given_folder_that_cannot_be_opened_is_reported(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    articles_read, rejected = _split(load_paths([locked]))
    assert articles_read == []
    assert [r.source_file for r in rejected] == [str(locked)]
    assert "cannot open the folder (Permission denied)" in rejected[0].problem


def test_the_dask_engine_reads_its_slice_of_a_jsonl_file_without_holding_the_file(
    tmp_path, characters_read
):
    from analysis.runs.dask_engine import Partition, read_partition

    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    second = Partition(1, kind="jsonl", path=str(path), folder=None, part=1, parts=3)
    titles = [a.title for a in read_partition(second)]
    assert titles == [f"Budget {n}" for n in range(1000, 2000)]
    assert characters_read and max(characters_read) < path.stat().st_size / 10
