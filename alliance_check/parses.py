"""Parses of the stretches extraction reads, cached by their text and the model: a corpus re-checked
after one paragraph of one article changed parses only that paragraph's sentences again."""

from __future__ import annotations

import contextlib
import hashlib
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alliance_check import __version__
from alliance_check.entries import Entries
from alliance_check.gate import write_atomic
from alliance_check.nlp import load_nlp, model_id
from alliance_check.settings import Settings

if TYPE_CHECKING:
    from alliance_check.pieces import PieceCache

PARSE_FORMAT = 3  # 2: compressed; 3: timeline entries and short hedges stay one sentence
BATCH_SIZE = 64  # stretches the pipeline reads at once


@lru_cache(maxsize=1)
def _spacy_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("spacy")
    except metadata.PackageNotFoundError:
        return "none"


@dataclass(frozen=True)
class ModelFacts:
    """What reading needs of a model before anything is parsed: its language (for a vocabulary to
    read cached parses into) and the words its tokenizer keeps whole with their full stop."""

    lang: str
    abbreviations: frozenset[str]


@lru_cache(maxsize=4)
def tokenizer_abbreviations(nlp: Any) -> frozenset[str]:
    """Words the tokenizer keeps whole with their full stop ('U.S.', 'Jan.', 'Mr.')."""
    return frozenset(k.lower() for k in nlp.tokenizer.rules if k.endswith(".") and len(k) > 1)


class ParseCache:
    """One file per parsed stretch of text, under ``parses/`` in the cache folder; an entry that
    cannot be read back, or reads back as another text, is parsed again and rewritten."""

    def __init__(self, directory: str | Path, model: str) -> None:
        self.directory = Path(directory) / "parses"
        self.entries = Entries(self.directory, ".spacy")
        # everything that decides a parse besides the text: our pipeline (the line-break
        # component), the model and spaCy itself
        self.prefix = f"format={PARSE_FORMAT}\ntool={__version__}\nmodel={model}\nspacy={_spacy_version()}\n"

    def key(self, text: str) -> str:
        """The key of a stretch's parse: its text and the prefix (pipeline, model, spaCy)."""
        return hashlib.sha256((self.prefix + text).encode("utf-8")).hexdigest()

    def load(self, key: str) -> bytes | None:
        """The stored parse (Doc.to_bytes, compressed), or None."""
        return self.entries.read(key)

    def store(self, key: str, data: bytes) -> None:
        """Write an entry atomically; a cache that cannot be written is not an error."""
        self.entries.write(key, data)

    def _facts_path(self) -> Path:
        return self.directory / f"model-{hashlib.sha256(self.prefix.encode('utf-8')).hexdigest()[:32]}.json"

    def facts(self) -> ModelFacts | None:
        """The model's facts kept by a run that loaded it, or None."""
        try:
            data = json.loads(self._facts_path().read_text(encoding="utf-8"))
            lang, words = data["lang"], data["abbreviations"]
            if not isinstance(lang, str) or not all(isinstance(w, str) for w in words):
                return None
            return ModelFacts(lang, frozenset(words))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def store_facts(self, facts: ModelFacts) -> None:
        """Keep the model's facts, so that a run with everything parsed need not load it."""
        payload = {"lang": facts.lang, "abbreviations": sorted(facts.abbreviations)}
        with contextlib.suppress(OSError):
            write_atomic(str(self._facts_path()), json.dumps(payload, ensure_ascii=False))


@lru_cache(maxsize=2)
def _blank_vocab(lang: str) -> Any:
    """A vocabulary of the model's language without its weights: enough to read a cached parse."""
    import spacy

    return spacy.blank(lang).vocab


class Parser:
    """The pipeline of one model, loaded on first need; with a ParseCache, a stretch parsed before
    is read back, and a run that finds every stretch cached never loads the model.

    >>> docs = list(Parser(nlp=load_nlp()).parse(["It cost $5 million."]))  # doctest: +SKIP
    """

    def __init__(self, model: str | None = None, cache_dir: str | None = None, nlp: Any = None) -> None:
        self.model = model
        self._nlp = nlp
        self.cache = ParseCache(cache_dir, model_id(model)) if cache_dir else None
        self._facts: ModelFacts | None = None
        self.parsed = 0  # stretches the model parsed (the others came from the cache)

    @property
    def loaded(self) -> bool:
        """Whether the model was loaded (or given)."""
        return self._nlp is not None

    def pipeline(self) -> Any:
        """The spaCy pipeline, loaded now if it was not."""
        if self._nlp is None:
            self._nlp = load_nlp(self.model)
        return self._nlp

    def facts(self) -> ModelFacts:
        """The model's language and abbreviations: from the cache, else from the loaded model."""
        if self._facts is None:
            if self._nlp is None and self.cache is not None:
                self._facts = self.cache.facts()
            if self._facts is None:
                nlp = self.pipeline()
                self._facts = ModelFacts(nlp.lang, tokenizer_abbreviations(nlp))
                if self.cache is not None:
                    self.cache.store_facts(self._facts)
        return self._facts

    def piece_cache(self, settings: Settings) -> PieceCache | None:
        """Where the claims of each parsed stretch are kept, beside the parses (see pieces.py)."""
        if self.cache is None:
            return None
        from alliance_check.pieces import PieceCache

        return PieceCache(self.cache.directory, self.cache.prefix, settings)

    def parse(self, texts: list[str]) -> Iterator[Any]:
        """A spaCy Doc of each text, in order."""
        if not texts:
            return
        if self.cache is None:
            self.parsed += len(texts)
            yield from self.pipeline().pipe(texts, batch_size=BATCH_SIZE)
            return
        cache = self.cache
        keys = [cache.key(t) for t in texts]
        stored = [cache.load(k) for k in keys]
        # a model loaded anyway lends its vocabulary; else a blank one of its language will do
        vocab = (
            self.pipeline().vocab
            if self._nlp is not None or any(data is None for data in stored)
            else _blank_vocab(self.facts().lang)
        )
        docs = [
            _read(data, text, vocab) if data is not None else None
            for data, text in zip(stored, texts, strict=True)
        ]
        missing = [i for i, doc in enumerate(docs) if doc is None]
        self.parsed += len(missing)
        fresh = iter(())
        if missing:
            fresh = self.pipeline().pipe((texts[i] for i in missing), batch_size=BATCH_SIZE)
        for i, doc in enumerate(docs):
            if doc is None:
                doc = next(fresh)
                # compressed to a third: a corpus of thousands of articles has tens of thousands
                cache.store(keys[i], zlib.compress(doc.to_bytes(exclude=["tensor", "user_data"]), 1))
            docs[i] = None  # a Doc is kept no longer than extraction needs it
            yield doc


def _read(data: bytes, text: str, vocab: Any) -> Any | None:
    """A cached parse, or None when it cannot be read back as a parse of ``text``."""
    from spacy.tokens import Doc

    try:
        doc = Doc(vocab).from_bytes(zlib.decompress(data), exclude=["tensor", "user_data"])
    except Exception:  # msgpack, numpy and spaCy each raise their own on garbage
        return None
    return doc if doc.text == text else None
