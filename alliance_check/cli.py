"""Command line: parse options -> Settings -> check() -> reporter -> exit code."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

from alliance_check import __version__
from alliance_check.settings import HTML_MODES, Settings

FORMATS = ("rich", "json", "sarif", "github", "markdown")
CLAIM_FORMATS = ("jsonl", "json", "table")
FAIL_LEVELS = ("error", "warning", "info", "never")
EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
NOTHING_READABLE = "nothing readable was given; pass article files or a directory of .txt/.md/.html files"
DEFAULT_CACHE = ".alliance-check-cache"
# option name -> configuration key, for values the configuration file may set
CONFIG_OPTIONS = {
    "fail_on": "fail-on",
    "approx_tolerance": "approx-tolerance",
    "model": "model",
    "published": "published",
    "baseline": "baseline",
    "cache_dir": "cache-dir",
    "encoding": "encoding",
    "html": "html",
}
SETTINGS_KEYS = {
    "as-of-gap-days": "as_of_gap_days",
    "event-instance-gap-days": "event_instance_gap_days",
    "anchor-min-similarity": "anchor_min_similarity",
    "fuzzy-name-cutoff": "fuzzy_name_cutoff",
    "small-count-max": "small_count_max",
}


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
        formatter.write_paragraph()
        formatter.write_text("Also: --version prints the version.")


def _published(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from None


def _encoding(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    import codecs

    if value is None:
        return None
    try:
        codecs.lookup(value)
    except LookupError:
        raise click.BadParameter(
            f"{value!r} is not an encoding Python knows; try cp1252, latin-1, utf-8"
        ) from None
    return value


def _fail(message: str) -> None:
    click.echo(f"alliance-check: {message}", err=True)
    sys.exit(EXIT_USAGE)


def _warn_skipped(sources: Any) -> None:
    for s in sources:
        reason = s.reason or ("unreadable" if s.status != "checked" else "")
        if not reason:
            continue
        text = reason if reason.startswith(s.source) else f"{s.source}: {reason}"
        click.echo(f"alliance-check: {'not checked' if s.status != 'checked' else 'note'}: {text}", err=True)


class _Progress:
    """A progress bar on stderr, shown only on a terminal and only once a run takes a while."""

    def __init__(self, label: str, delay: float = 2.0) -> None:
        self.label = label
        self.delay = delay
        self.started = time.monotonic()
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if done >= total or time.monotonic() - self.started < self.delay:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

            self.bar = Progress(
                "{task.description}", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                console=Console(stderr=True), transient=True,
            )  # fmt: skip
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=total)
        self.bar.update(self.task, completed=done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _progress(label: str) -> _Progress | None:
    return _Progress(label) if sys.stderr.isatty() else None


def _common(f: Any) -> Any:
    options = [
        click.option(
            "--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
            help="Extract with this many processes; the output is the same as with one.",
        ),
        click.option(
            "--config", "config_path", metavar="FILE",
            help="Configuration file (default: alliance-check.toml or pyproject.toml, found upwards).",
        ),
        click.option("--no-cache", is_flag=True, help="Extract everything again; skip the cache."),
        click.option(
            "--cache-dir", metavar="DIR",
            help=f"Where extracted claims are cached (default: {DEFAULT_CACHE} in the project folder).",
        ),
        click.option("--model", metavar="NAME", help="spaCy pipeline to use (default: en_core_web_sm 3.8)."),
        click.option(
            "--published", metavar="DATE", callback=_published,
            help="Reference date (YYYY-MM-DD) for sources that give no date of their own.",
        ),
        click.option(
            "--encoding", metavar="NAME", callback=_encoding,
            help="Read every file in this encoding (default: UTF-8, else detected, with a note).",
        ),
        click.option(
            "--html", "html", type=click.Choice(HTML_MODES), default="article", show_default=True,
            help="Web pages: the article's text (boilerplate out), or raw: every visible text.",
        ),
    ]  # fmt: skip
    for option in options:
        f = option(f)
    return f


def _configured(ctx: click.Context, params: dict[str, Any]) -> tuple[Settings, dict[str, Any], Any]:
    """Settings from the options, with the configuration file filling what was not given."""
    from alliance_check.config import export_fields, find_config
    from alliance_check.models import InputError
    from alliance_check.resources import set_extra_aliases

    try:
        config = find_config(explicit=params.get("config_path"))
    except InputError as exc:
        _fail(str(exc))
    values = dict(params)
    for option, key in CONFIG_OPTIONS.items():
        if option in values and ctx.get_parameter_source(option) in (ParameterSource.DEFAULT, None):
            raw = config.path_value(key) if key in ("baseline", "cache-dir") else config.get(key)
            if raw is not None:
                values[option] = raw
    values.setdefault("fail_on", "error")
    if values["fail_on"] not in FAIL_LEVELS:
        _fail(f"{config.path}: fail-on must be one of {', '.join(FAIL_LEVELS)}")
    if values.get("published"):
        values["published"] = _published(ctx, click.Option(["--published"]), str(values["published"]))
    if values.get("html", "article") not in HTML_MODES:
        _fail(f"{config.path}: html must be one of {', '.join(HTML_MODES)}")
    if values.get("encoding"):
        try:
            _encoding(ctx, click.Option(["--encoding"]), str(values["encoding"]))
        except click.BadParameter as exc:
            _fail(f"{config.path}: encoding: {exc.message}")
    extra = {SETTINGS_KEYS[k]: v for k, v in config.values.items() if k in SETTINGS_KEYS}
    ignores = [*config.get("ignore", []), *values.get("ignore", ())]
    settings = Settings(
        model=values.get("model"),
        published=values.get("published"),
        approx_tolerance=float(values.get("approx_tolerance", Settings.approx_tolerance)),
        fail_on=values.get("fail_on", "error"),
        ignore_codes=tuple(sorted({i.upper() for i in ignores if _is_code(i)})),
        ignore_topics=tuple(
            sorted({*config.get("ignore-topics", []), *(i for i in ignores if not _is_code(i))})
        ),
        include=tuple(config.get("include", [])),
        exclude=tuple(config.get("exclude", [])),
        encoding=values.get("encoding"),
        html=values.get("html") or "article",
        export_fields=export_fields(config),
        **extra,
    )
    set_extra_aliases(config.get("aliases", {}))
    cache_dir = (
        None if values.get("no_cache") else values.get("cache_dir") or str(config.root / DEFAULT_CACHE)
    )
    values["cache_dir"] = cache_dir
    return settings, values, config


def _is_code(text: str) -> bool:
    return len(text) == 5 and text[:2].upper() == "AC" and text[2:].isdigit()


def _changed_files(base: str) -> list[str]:
    """Article files changed since BASE, and new untracked ones, as paths from the current folder."""
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=True
        )
        diff = subprocess.run(
            ["git", "diff", "--name-only", "--diff-filter=ACMR", base, "--"],
            capture_output=True,
            text=True,
            check=True,
            cwd=top.stdout.strip(),
        )
        new = subprocess.run(
            ["git", "ls-files", "--others", "--exclude-standard"],
            capture_output=True,
            text=True,
            check=True,
            cwd=top.stdout.strip(),
        )
    except FileNotFoundError:
        _fail("--changed needs git, which is not installed")
    except subprocess.CalledProcessError as exc:
        detail = (exc.stderr or "").strip().splitlines()[-1:] or ["git failed"]
        _fail(f"--changed {base}: {detail[0]}; run inside a git repository with an existing BASE")
    root = Path(top.stdout.strip())
    names = {*diff.stdout.splitlines(), *new.stdout.splitlines()}
    return sorted(str(root / n) for n in names if n and (root / n).is_file())


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="alliance-check")
def main() -> None:
    """Find numeric and dated claims in news articles and report where sources contradict each other.

    PATH is a file, a directory (its .txt, .md, .html, .jsonl, .json and .csv files are read),
    or - for stdin.
    Exit status: 0 nothing new at or above --fail-on, 1 new findings at or above it, 2 usage or
    input error.
    """


@main.command("check")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="rich", show_default=True, help="Report format."
)
@click.option("--output", metavar="FILE", help="Write the report to FILE; the terminal gets a short summary.")
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_LEVELS),
    default="error",
    show_default=True,
    help="Exit 1 when a new finding is at least this severe.",
)
@click.option(
    "--against",
    multiple=True,
    metavar="DIR",
    help="Check PATH against this corpus: report only findings that involve PATH.",
)
@click.option(
    "--changed",
    metavar="BASE",
    help="Check only the article files git says changed since BASE, against the rest of PATH.",
)
@click.option(
    "--baseline", metavar="FILE", help="Findings recorded in FILE are reported as baselined, not failed."
)
@click.option("--write-baseline", metavar="FILE", help="Record the current findings in FILE and exit 0.")
@click.option(
    "--show-baselined", is_flag=True, help="Also show baselined and accepted findings in the report."
)
@click.option(
    "--fail-on-stale", is_flag=True, help="Exit 1 when a baseline entry no longer matches any finding."
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="CODE|TOPIC",
    help="Leave out a finding code (AC102) or topic pattern ('distance*'); repeatable.",
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
@click.pass_context
def check_command(ctx: click.Context, /, paths: tuple[str, ...], **params: Any) -> None:
    """Compare the claims of the given articles and report conflicts (the default command)."""
    from alliance_check.check import Gate, check
    from alliance_check.gate import write_baseline
    from alliance_check.models import SEVERITY_RANK, InputError
    from alliance_check.nlp import ModelError
    from alliance_check.report import REPORTERS, ReportOptions, summary_line

    settings, values, _ = _configured(ctx, params)
    focus = None
    if values["changed"]:
        focus = tuple(_changed_files(values["changed"]))
        if values["against"]:
            _fail("--changed and --against both name what to check; use one")
    progress = _progress("Extracting claims")
    gate = Gate(
        against=tuple(values["against"]),
        focus=focus,
        baseline=None if values["write_baseline"] else values.get("baseline"),
        cache_dir=values["cache_dir"],
        jobs=values["jobs"],
        progress=progress,
    )
    try:
        report = check(list(paths), settings, gate)
    except (ModelError, InputError) as exc:
        _fail(str(exc))
    finally:
        if progress:
            progress.close()
    _warn_skipped(report.sources)
    if not any(s.status == "checked" for s in report.sources):
        _fail(NOTHING_READABLE)
    if values["write_baseline"]:
        count = write_baseline(values["write_baseline"], list(report.findings))
        click.echo(f"alliance-check: wrote {count} findings to {values['write_baseline']}", err=True)
        sys.exit(EXIT_CLEAN)
    options = ReportOptions(
        width=values["width"], color=values["color"], show_agreements=not values["no_agreements"],
        show_baselined=values["show_baselined"],
    )  # fmt: skip
    if values["output"]:
        import io

        from alliance_check.gate import write_atomic

        buffer = io.StringIO()
        REPORTERS[values["fmt"]](
            report,
            buffer,
            ReportOptions(
                width=options.width or 100,
                color=False,
                show_agreements=options.show_agreements,
                show_baselined=True,
            ),
        )
        try:
            write_atomic(values["output"], buffer.getvalue())
        except OSError as exc:
            _fail(f"{values['output']}: cannot write the report ({exc.strerror}); check the path")
        click.echo(f"{summary_line(report)}; report written to {values['output']}")
    else:
        REPORTERS[values["fmt"]](report, sys.stdout, options)
    fail_on = settings.fail_on
    failing = fail_on != "never" and any(
        f.status == "new" and SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_on] for f in report.findings
    )
    if failing or (values["fail_on_stale"] and report.stale):
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
@click.pass_context
def extract_command(ctx: click.Context, /, paths: tuple[str, ...], fmt: str, **params: Any) -> None:
    """Print every claim found in the given articles as a record."""
    from alliance_check.check import extract, read_articles
    from alliance_check.nlp import ModelError
    from alliance_check.report import ReportOptions
    from alliance_check.report.json import render_claims

    settings, values, _ = _configured(ctx, params)
    articles, skipped = read_articles(list(paths), settings)
    _warn_skipped(skipped)
    for article in articles:
        for note in article.notes:
            click.echo(f"alliance-check: note: {note}", err=True)
    if not articles:
        _fail(NOTHING_READABLE)
    progress = _progress("Extracting claims")
    try:
        per_article, _, _ = extract(articles, settings, values["cache_dir"], values["jobs"], progress)
    except ModelError as exc:
        _fail(str(exc))
    finally:
        if progress:
            progress.close()
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
        click.echo(f"alliance-check: internal error: {type(exc).__name__}: {exc}; please report it", err=True)
        sys.exit(EXIT_USAGE)
