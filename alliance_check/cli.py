"""Command line: parse options -> Settings -> check() -> reporter -> exit code."""

from __future__ import annotations

import sys
from datetime import date
from typing import Any

import click

from alliance_check import __version__
from alliance_check.settings import Settings

FORMATS = ("rich", "json")
CLAIM_FORMATS = ("jsonl", "json", "table")
FAIL_LEVELS = ("error", "warning", "info", "never")
EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class DefaultGroup(click.Group):
    """A group that runs ``check`` when the first word is not a command: ``alliance-check seeds/``."""

    default_command = "check"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        command = self.commands[self.default_command]
        with click.Context(command, info_name=ctx.info_name, parent=None) as sub:
            formatter.write_usage(ctx.info_name or "alliance-check", "[OPTIONS] PATH...")
            self.format_help_text(ctx, formatter)
            command.format_options(sub, formatter)
        self.format_commands(ctx, formatter)
        self.format_epilog(ctx, formatter)


def _published(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from None


def _fail(message: str) -> None:
    click.echo(f"alliance-check: {message}", err=True)
    sys.exit(EXIT_USAGE)


def _warn_skipped(sources: Any) -> None:
    for s in sources:
        if s.status != "checked":
            reason = s.reason or "unreadable"
            text = reason if reason.startswith(s.source) else f"{s.source}: {reason}"
            click.echo(f"alliance-check: not checked: {text}", err=True)


def _common(f: Any) -> Any:
    f = click.option("--model", metavar="NAME", help="spaCy pipeline to use (default: en_core_web_sm 3.8).")(
        f
    )
    f = click.option(
        "--published",
        metavar="DATE",
        callback=_published,
        help="Reference date (YYYY-MM-DD) for relative dates in files with no 'published:' front matter.",
    )(f)
    return f


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="alliance-check")
def main() -> None:
    """Find numeric and dated claims in news articles and report where sources contradict each other.

    PATH is a file, a directory (its .txt, .md and .html files are read), or - for stdin.
    Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or input error.
    """


@main.command("check")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="rich",
    show_default=True,
    help="Report format.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_LEVELS),
    default="error",
    show_default=True,
    help="Exit 1 when a finding is at least this severe.",
)
@click.option(
    "--approx-tolerance",
    type=click.FloatRange(0, 1),
    default=Settings.approx_tolerance,
    show_default=True,
    help="How far 'about', 'around', 'roughly' widen a value (a share of it).",
)
@click.option("--no-agreements", is_flag=True, help="Leave agreements out of the terminal report.")
@click.option("--width", type=click.IntRange(40, 400), default=None, help="Terminal report width in columns.")
@click.option(
    "--color/--no-color",
    default=None,
    help="Force colour on or off (default: on a terminal, unless NO_COLOR is set).",
)
@_common
def check_command(
    paths: tuple[str, ...],
    fmt: str,
    fail_on: str,
    approx_tolerance: float,
    no_agreements: bool,
    width: int | None,
    color: bool | None,
    model: str | None,
    published: str | None,
) -> None:
    """Compare the claims of the given articles and report conflicts (the default command)."""
    from alliance_check.check import check
    from alliance_check.models import SEVERITY_RANK
    from alliance_check.nlp import ModelError
    from alliance_check.report import REPORTERS, ReportOptions

    settings = Settings(model=model, published=published, approx_tolerance=approx_tolerance, fail_on=fail_on)
    try:
        report = check(list(paths), settings)
    except ModelError as exc:
        _fail(str(exc))
    _warn_skipped(report.sources)
    if not any(s.status == "checked" for s in report.sources):
        _fail("nothing readable was given; pass article files or a directory of .txt/.md/.html files")
    REPORTERS[fmt](
        report,
        sys.stdout,
        ReportOptions(width=width, color=color, show_agreements=not no_agreements),
    )
    if fail_on != "never" and any(
        SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_on] for f in report.findings
    ):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


@main.command("extract")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(CLAIM_FORMATS),
    default="jsonl",
    show_default=True,
    help="jsonl: one claim per line; json: one array; table: for reading.",
)
@_common
def extract_command(paths: tuple[str, ...], fmt: str, model: str | None, published: str | None) -> None:
    """Print every claim found in the given articles as a record."""
    from alliance_check.check import extract, read_articles
    from alliance_check.nlp import ModelError
    from alliance_check.report import ReportOptions
    from alliance_check.report.json import render_claims

    settings = Settings(model=model, published=published)
    articles, skipped = read_articles(list(paths), settings)
    _warn_skipped(skipped)
    if not articles:
        _fail("nothing readable was given; pass article files or a directory of .txt/.md/.html files")
    try:
        per_article, _ = extract(articles, settings)
    except ModelError as exc:
        _fail(str(exc))
    claims = [c for batch in per_article for c in batch]
    if fmt == "table":
        from alliance_check.report.terminal import render_claims_table

        render_claims_table(claims, sys.stdout, ReportOptions())
    else:
        render_claims(claims, sys.stdout, fmt)


def run() -> None:
    """Entry point that keeps tracebacks away from users."""
    try:
        main(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("alliance-check: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug of ours: one line, never a traceback
        click.echo(
            f"alliance-check: internal error: {type(exc).__name__}: {exc}; please report it",
            err=True,
        )
        sys.exit(EXIT_USAGE)
