"""``python -m alliance_check``: the same as the ``alliance-check`` command."""

from alliance_check.cli import run

run()
