"""Command line: parse options -> Settings -> check() -> reporter -> exit code."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, NoReturn

import click
from click.core import ParameterSource

from alliance_check import __version__
from alliance_check.settings import FAIL_LEVELS, HTML_MODES, Settings

if TYPE_CHECKING:
    from alliance_check.config import Config

FORMATS = ("rich", "concise", "json", "sarif", "github", "markdown")
CLAIM_FORMATS = ("jsonl", "json", "table")
EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # as a shell reports a program stopped by Ctrl-C
NOTHING_READABLE = "nothing readable was given; pass article files or a directory of .txt/.md/.html files"


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


def _fail(message: str) -> NoReturn:
    click.echo(f"alliance-check: {message}", err=True)
    sys.exit(EXIT_USAGE)


def _warn_skipped(sources: Any, notes: bool = True) -> None:
    """One line on stderr per source not checked (and per repair note, unless ``notes`` is off)."""
    for s in sources:
        if s.reason and (s.status != "checked" or notes):
            kind = "not checked" if s.status != "checked" else "note"
            click.echo(f"alliance-check: {kind}: {s.source}: {s.reason}", err=True)


def _require(paths: tuple[str, ...], option: str) -> None:
    """A path that does not exist is a usage error: a typo must not pass the gate."""
    for path in paths:
        if path != "-" and not os.path.lexists(path):
            _fail(f"{option + ' ' if option else ''}{path}: no such file or directory; check the path")


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


def _jobs(ctx: click.Context, param: click.Parameter, value: str) -> int:
    """--jobs: a number of processes, or auto (0: see parallel.processes)."""
    if value.strip().lower() == "auto":
        return 0
    try:
        jobs = int(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is neither a number of processes nor auto") from None
    if not 1 <= jobs <= 64:
        raise click.BadParameter(f"{jobs} processes: give 1 to 64, or auto")
    return jobs


def _common(f: Any) -> Any:
    options = [
        click.option(
            "--jobs", callback=_jobs, default="auto", show_default=True, metavar="N|auto",
            help="Extract with this many processes (1 to 64); the output is the same as with one. "
            "auto: one process under 20,000 words to extract (not cached), else one per core.",
        ),
        click.option(
            "--config", "config_path", metavar="FILE",
            help="Configuration file (default: alliance-check.toml or pyproject.toml, found upwards "
            "from the first PATH, then from the current folder).",
        ),
        click.option(
            "--domain", "domains", multiple=True, metavar="NAME",
            help="Turn on a domain pack: the names and aliases of one story (repeatable).",
        ),
        click.option("--no-cache", is_flag=True, help="Extract everything again; skip the cache."),
        click.option(
            "--cache-dir", metavar="DIR",
            help="Where extracted claims and parses are cached "
            "(default: .alliance-check-cache in the project folder).",
        ),
        click.option("--model", metavar="NAME", help="spaCy pipeline to use (default: en_core_web_sm 3.8)."),
        click.option(
            "--published", metavar="DATE", callback=_published,
            help="Reference date (YYYY-MM-DD) for sources that give no date of their own.",
        ),
        click.option(
            "--encoding", metavar="NAME",
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


def _configured(ctx: click.Context, params: dict[str, Any], paths: tuple[str, ...]) -> tuple[Settings, Any]:
    """Settings from the options the user gave, the configuration file filling the rest; the file
    is found upwards from the first path checked (a corpus may carry its own)."""
    from alliance_check.models import InputError

    try:
        return _read_settings(ctx, params, paths)
    except InputError as exc:
        _fail(str(exc))


def _read_settings(
    ctx: click.Context, params: dict[str, Any], paths: tuple[str, ...]
) -> tuple[Settings, Any]:
    """What _configured gives, raising InputError for a configuration that cannot be used."""
    from alliance_check.config import find_config, settings_from, start_folder

    given = {
        name: value
        for name, value in params.items()
        if ctx.get_parameter_source(name) not in (ParameterSource.DEFAULT, None)
    }
    config = find_config(start_folder(paths), explicit=params.get("config_path"))
    return settings_from(config, given), config


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="alliance-check")
def main() -> None:
    """Find numeric and dated claims in news articles and report where sources contradict each other.

    PATH is a file, a directory (its .txt, .md, .html, .jsonl, .json and .csv files are read),
    or - for stdin.
    Exit status: 0 nothing new at or above --fail-on, 1 new findings at or above it, 2 usage or
    input error.
    """


CHECK_ONLY = ("--changed", "--write-baseline")  # what a one-off run does, not a watch


def _report_options(watch: bool = False) -> Callable[[Any], Any]:
    """The options of what to check and how to report it: check's, and watch's (all but CHECK_ONLY)."""
    options = {
        "--format": click.option(
            "--format",
            "fmt",
            type=click.Choice(FORMATS),
            default="rich",
            show_default=True,
            help="Report format: rich for reading, concise for one line per finding, or a machine format.",
        ),
        "--output": click.option(
            "--output", metavar="FILE", help="Write the report to FILE; the terminal gets a short summary."
        ),
        "--fail-on": click.option(
            "--fail-on",
            type=click.Choice(FAIL_LEVELS),
            default="error",
            show_default=True,
            help="Exit 1 when a new finding is at least this severe.",
        ),
        "--against": click.option(
            "--against",
            multiple=True,
            metavar="DIR",
            help="Check PATH against this corpus: report only findings that involve PATH.",
        ),
        "--changed": click.option(
            "--changed",
            metavar="BASE",
            help="Check only the article files git says changed since BASE, against the rest of PATH.",
        ),
        "--baseline": click.option(
            "--baseline",
            metavar="FILE",
            help="Findings recorded in FILE are reported as baselined, not failed.",
        ),
        "--write-baseline": click.option(
            "--write-baseline", metavar="FILE", help="Record the current findings in FILE and exit 0."
        ),
        "--show-baselined": click.option(
            "--show-baselined", is_flag=True, help="Also show baselined and accepted findings in the report."
        ),
        "--fail-on-stale": click.option(
            "--fail-on-stale",
            is_flag=True,
            help="Exit 1 when a baseline entry no longer matches any finding.",
        ),
        "--ignore": click.option(
            "--ignore",
            multiple=True,
            metavar="CODE|TOPIC",
            help="Leave out a finding code (AC102) or topic pattern ('distance*'); repeatable.",
        ),
        "--approx-tolerance": click.option(
            "--approx-tolerance",
            type=click.FloatRange(0, 1),
            default=Settings.approx_tolerance,
            show_default=True,
            help="How far 'about', 'around', 'roughly' widen a value (a share of it).",
        ),
        "--no-agreements": click.option(
            "--no-agreements", is_flag=True, help="Leave agreements out of the terminal report."
        ),
        "--statistics": click.option(
            "--statistics",
            is_flag=True,
            help="Print how many findings each code has instead of the findings.",
        ),
        "--quiet": click.option(
            "-q",
            "--quiet",
            is_flag=True,
            help="Print only new findings: no summary, agreements, notes or gate state.",
        ),
        "--width": click.option(
            "--width",
            type=click.IntRange(40, 400),
            default=None,
            help="Report width in columns (default: the terminal's, else COLUMNS, else 100).",
        ),
        "--color": click.option(
            "--color/--no-color",
            default=None,
            help="Force styling on or off; wins over NO_COLOR and TERM=dumb (default: on a terminal only).",
        ),
    }
    wanted = [option for name, option in options.items() if not (watch and name in CHECK_ONLY)]

    def apply(f: Any) -> Any:
        for option in reversed(wanted):  # as if written one above the other, in this order
            f = option(f)
        return f

    return apply


@main.command("check")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@_report_options()
@_common
@click.pass_context
def check_command(ctx: click.Context, /, paths: tuple[str, ...], **params: Any) -> None:
    """Compare the claims of the given articles and report conflicts (the default command)."""
    from alliance_check.check import check
    from alliance_check.gate import write_baseline
    from alliance_check.models import InputError
    from alliance_check.nlp import ModelError
    from alliance_check.report import plural

    settings, config = _configured(ctx, params, paths)
    _check_usage(paths, params)
    if params["changed"] and params["against"]:
        _fail("--changed and --against both name what to check; use one")
    progress = _progress("Extracting claims")
    gate = _gate(params, config, config.cache_dir(params["cache_dir"], params["no_cache"]), progress)
    try:
        report = check(list(paths), settings, gate)
    except (ModelError, InputError) as exc:
        _fail(str(exc))
    finally:
        if progress:
            progress.close()
    _warn_unlisted(report, params)
    if report.notice is None and not any(s.status == "checked" for s in report.sources):
        _fail(NOTHING_READABLE)
    if params["write_baseline"]:
        count = write_baseline(params["write_baseline"], list(report.findings))
        click.echo(
            f"alliance-check: wrote {plural(count, 'finding')} to {params['write_baseline']}", err=True
        )
        sys.exit(EXIT_CLEAN)
    sys.exit(_show(report, params))


def _check_usage(paths: tuple[str, ...], params: dict[str, Any]) -> None:
    """What check and watch refuse before reading anything."""
    from alliance_check.report import TEXT_FORMATS

    _require(paths, "")
    _require(params["against"], "--against")
    if params["statistics"] and params["fmt"] not in TEXT_FORMATS:
        fmt = params["fmt"]
        _fail(f"--statistics prints counts for people; use it with --format rich or concise, not {fmt}")


def _gate(
    params: dict[str, Any], config: Any, cache_dir: str | None, progress: Any, store_run: bool = True
) -> Any:
    from alliance_check.check import Gate

    return Gate(
        store_run=store_run,
        against=tuple(params["against"]),
        changed=params.get("changed"),
        baseline=None if params.get("write_baseline") else _baseline_path(params, config),
        cache_dir=cache_dir,
        jobs=params["jobs"],
        progress=progress,
    )


def _baseline_path(params: dict[str, Any], config: Config) -> str | None:
    """--baseline, else the configuration's baseline (relative to its file)."""
    given: str | None = params["baseline"]
    return given or config.path_value("baseline")


def _warn_unlisted(report: Any, params: dict[str, Any]) -> None:
    """The sources not checked, on stderr, when the report will not list them itself."""
    from alliance_check.report import TEXT_FORMATS

    # the terminal formats list what was not checked themselves: say it once, not twice
    if params["output"] or params["fmt"] not in TEXT_FORMATS or params["quiet"]:
        _warn_skipped(report.sources, notes=not params["quiet"])


def _show(report: Any, params: dict[str, Any]) -> int:
    """Print the report (or write it to --output and print its summary); the exit status it gives."""
    from alliance_check.gate import outcome
    from alliance_check.report import REPORTERS, ReportOptions, summary_line

    fmt, to_file = params["fmt"], params["output"]
    options = ReportOptions(
        width=params["width"], color=params["color"], show_agreements=not params["no_agreements"],
        show_baselined=params["show_baselined"], quiet=params["quiet"], statistics=params["statistics"],
    )  # fmt: skip
    if to_file:
        _write_report(report, fmt, to_file, options)
        if not params["quiet"]:
            click.echo(f"{summary_line(report)}; report written to {to_file}")
    else:
        REPORTERS[fmt](report, sys.stdout, options)
    return outcome(report).status


@main.command("watch")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@_report_options(watch=True)
@click.option(
    "--interval",
    type=click.FloatRange(0.1, 60),
    default=0.5,
    show_default=True,
    metavar="SECONDS",
    help="How often to look at the files for a change.",
)
@_common
@click.pass_context
def watch_command(ctx: click.Context, /, paths: tuple[str, ...], **params: Any) -> None:
    """Check, then check again each time an article file of PATH or --against changes (or is
    added or removed, or the configuration or baseline changes), until Ctrl-C.

    The model stays loaded and unchanged articles come from the cache, so a re-check after an edit
    takes a fraction of a second. With --no-cache the cache is a temporary folder, removed on exit.
    Stopped with Ctrl-C, it exits with the last check's status (130 if none finished).
    """
    import contextlib
    import signal
    import tempfile

    from alliance_check.check import check
    from alliance_check.models import InputError
    from alliance_check.nlp import ModelError, load_nlp
    from alliance_check.report import plural
    from alliance_check.sources import collect
    from alliance_check.watch import Watcher, snapshot

    if "-" in (*paths, *params["against"]):
        _fail("watch looks at files: standard input (-) cannot be watched; save it to a file")
    settings, config = _configured(ctx, params, paths)
    _check_usage(paths, params)
    status = EXIT_INTERRUPTED  # until a check has finished
    watched = 0  # files in the last look, for the status line (no second walk of the folders)

    def look() -> Any:
        nonlocal watched
        files, _ = collect([*paths, *params["against"]], settings.include, settings.exclude)
        baseline = _baseline_path(params, config)
        seen = snapshot(
            [*files, *([str(config.path)] if config.path else []), *([baseline] if baseline else [])]
        )
        watched = len(seen)
        return seen

    def run_check(changed: list[str]) -> None:
        nonlocal settings, config, status
        started = time.perf_counter()
        if changed:
            click.echo(f"alliance-check: changed: {_listed(changed)}; checking again", err=True)
            if config.path and str(config.path) in changed:
                try:
                    settings, config = _read_settings(ctx, params, paths)
                except InputError as exc:  # keep the settings that worked until the file is mended
                    click.echo(f"alliance-check: {exc}; the settings read before stay", err=True)
        progress = _progress("Extracting claims")
        report = None
        try:
            gate = _gate(params, config, cache_dir, progress, store_run=not changed)
            report = check(list(paths), settings, gate)
        except InputError as exc:  # a baseline that no longer reads, say: named, and watched on
            click.echo(f"alliance-check: {exc}", err=True)
            status = EXIT_USAGE
        except ModelError as exc:
            _fail(str(exc))
        finally:
            if progress:
                progress.close()
        if report is not None:
            _warn_unlisted(report, params)
            if report.notice is None and not any(s.status == "checked" for s in report.sources):
                click.echo(f"alliance-check: {NOTHING_READABLE}", err=True)
                status = EXIT_USAGE
            else:
                status = _show(report, params)
        sys.stdout.flush()
        took, now = time.perf_counter() - started, time.strftime("%H:%M:%S")
        if not changed:  # the first check may have needed no model (all cached): load it now, once
            with contextlib.suppress(ModelError):
                load_nlp(settings.model)
        click.echo(
            f"alliance-check: checked in {took:.2f} s at {now}; watching {plural(watched, 'file')} "
            "(Ctrl-C stops)",
            err=True,
        )

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt  # a kill stops a watch as Ctrl-C does: the temporary cache goes too

    with contextlib.ExitStack() as stack:
        stack.callback(signal.signal, signal.SIGTERM, signal.signal(signal.SIGTERM, stop))
        cache_dir = config.cache_dir(params["cache_dir"], params["no_cache"]) or stack.enter_context(
            tempfile.TemporaryDirectory(prefix="alliance-check-watch-")
        )
        try:
            Watcher(look, run_check, interval=params["interval"]).run()
        except KeyboardInterrupt:
            click.echo("alliance-check: stopped watching", err=True)
    sys.exit(status)


def _listed(files: list[str], shown: int = 3) -> str:
    """'a.txt, b.txt, c.txt and 2 more files'."""
    from alliance_check.report import plural

    if len(files) <= shown:
        return ", ".join(files)
    return f"{', '.join(files[:shown])} and {plural(len(files) - shown, 'more file')}"


def _write_report(report: Any, fmt: str, path: str, options: Any) -> None:
    """The report in FILE: plain text 100 wide (unless --width), with baselined findings shown."""
    import io
    from dataclasses import replace

    from alliance_check.gate import write_atomic
    from alliance_check.report import REPORTERS

    buffer = io.StringIO()
    REPORTERS[fmt](
        report,
        buffer,
        replace(options, width=options.width or 100, color=False, show_baselined=True, quiet=False),
    )
    try:
        write_atomic(path, buffer.getvalue())
    except OSError as exc:
        _fail(f"{path}: cannot write the report ({exc.strerror}); check the path")


@main.command("explain")
@click.argument("what", required=False, metavar="CODE|FINDING|CLAIM")
@click.argument("paths", nargs=-1, metavar="[PATH...]")
@_common
@click.pass_context
def explain_command(ctx: click.Context, /, what: str | None, paths: tuple[str, ...], **params: Any) -> None:
    """Explain a finding code (what it means, an example, how to accept or ignore it), or, with
    PATH, why claims were compared: a finding (its fingerprint, group id or topic words) or a claim
    (file:line:col) of the articles checked.

    Without CODE, list every code.
    """
    import shutil

    from alliance_check.report.explain import find_rule, render_codes, rule_help

    width = min(shutil.get_terminal_size((100, 24)).columns, 88)
    if what is None:
        render_codes(sys.stdout)
        return
    rule = find_rule(what)
    if rule is not None and not paths:
        click.echo(rule_help(rule, width))
        return
    if not paths:
        from alliance_check.models import RULES

        _fail(
            f"{what} is not a finding code; the codes are {', '.join(RULES)} "
            "(to explain a finding or a claim of some articles, add their PATH)"
        )
    _explain_evidence(ctx, what, paths, params, width)


def _explain_evidence(
    ctx: click.Context, what: str, paths: tuple[str, ...], params: dict[str, Any], width: int
) -> None:
    from alliance_check.check import Gate, check
    from alliance_check.models import InputError
    from alliance_check.nlp import ModelError
    from alliance_check.report.evidence import find_claims, find_groups, render_claim, render_group

    settings, config = _configured(ctx, params, paths)
    _require(paths, "")
    try:
        report = check(
            list(paths),
            settings,
            Gate(cache_dir=config.cache_dir(params.get("cache_dir"), params.get("no_cache", False))),
        )
    except (ModelError, InputError) as exc:
        _fail(str(exc))
    groups = find_groups(report, what)
    claims = [] if groups else find_claims(report, what)
    if not groups and not claims:
        _fail(
            f"{what}: no finding, group or claim of these articles; "
            "give a fingerprint, a group id, words of a topic or file:line:col"
        )
    for group in groups:
        render_group(group, report, sys.stdout, width)
    for claim in claims:
        render_claim(claim, report, settings, sys.stdout, width)


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
    from alliance_check.check import corpus_claims, extract, read_articles
    from alliance_check.nlp import ModelError
    from alliance_check.report import ReportOptions
    from alliance_check.report.json import render_claims

    settings, config = _configured(ctx, params, paths)
    _require(paths, "")
    articles, skipped = read_articles(list(paths), settings)
    _warn_skipped(skipped)
    for article in articles:
        for note in article.notes:
            click.echo(f"alliance-check: note: {note}", err=True)
    if not articles:
        _fail(NOTHING_READABLE)
    progress = _progress("Extracting claims")
    try:
        cache_dir = config.cache_dir(params["cache_dir"], params["no_cache"])
        per_article, _, _ = extract(articles, settings, cache_dir, params["jobs"], progress)
    except ModelError as exc:
        _fail(str(exc))
    finally:
        if progress:
            progress.close()
    claims = corpus_claims(articles, per_article)  # as check reads them: bare dollars settled
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
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:  # a bug of ours: one line, never a traceback
        click.echo(f"alliance-check: internal error: {type(exc).__name__}: {exc}; please report it", err=True)
        sys.exit(EXIT_USAGE)
