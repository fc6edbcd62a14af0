"""Stage 10, the ``slant`` command (imports each stage only when a command needs it)."""
