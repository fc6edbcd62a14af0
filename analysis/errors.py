"""The errors Slant reports to its users.

Every error a user can cause and fix (a malformed file, a bad lexicon row, a store
that is locked) derives from :class:`SlantError`, and its message names the file,
the row and the fix. The command line prints such messages and exits with code 2;
anything else is a bug, printed with its traceback and a request to report it.
"""


class SlantError(Exception):
    """A problem with the user's input or set-up, explained in the message."""


class InputError(SlantError, ValueError):
    """A file or value the user gave is malformed (a date, an outlet map, a lexicon row)."""


class StoreUnavailable(SlantError):
    """The store cannot be opened: no file there yet, or another process holds its lock."""


class StoreWriteFailed(SlantError):
    """Writing to the store failed (a full disk, most often); the run added nothing."""


class StoreBusy(StoreUnavailable):
    """Another program (an ingest, a re-score) is writing to the store; it opens once it is done."""
