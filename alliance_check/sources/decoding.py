"""Bytes -> text: binary refused, UTF-8 and BOMs read, other encodings detected and named."""

from __future__ import annotations

import codecs
from functools import lru_cache

from alliance_check.models import InputError

BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a zip archive (or a Word/OpenDocument file)",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"\x7fELF": "a program",
}
# an English text with a few bytes above 127 that Windows-1252 reads is almost surely in it:
# detectors guess wildly on so little evidence (a Big5 "Niño")
MOSTLY_ASCII = 0.9
NAMES = {
    "cp1252": "Windows-1252",
    "cp1250": "Windows-1250",
    "cp1251": "Windows-1251",
    "latin_1": "ISO-8859-1",
    "iso8859_15": "ISO-8859-15",
    "mac_roman": "Mac Roman",
    "shift_jis": "Shift JIS",
    "cp932": "Shift JIS (cp932)",
    "euc_jp": "EUC-JP",
    "gb18030": "GB18030",
    "big5": "Big5",
    "utf_16": "UTF-16",
}


def encoding_name(encoding: str) -> str:
    """The name people know an encoding by: 'cp1252' -> 'Windows-1252'."""
    codec = codecs.lookup(encoding).name.replace("-", "_")
    return NAMES.get(codec, codec.upper().replace("_", "-"))


def _detect(data: bytes) -> str | None:
    """The encoding of bytes that are not UTF-8, or None when it cannot be told.

    Single-byte code pages are tried first: a few accented letters ('Niño') read cleanly in many of
    them and detectors then guess a multi-byte encoding on no evidence. Only when no single-byte
    reading makes sense is a multi-byte one (Shift JIS, GB18030, Big5) considered; encodings that do
    not read ASCII as ASCII (UTF-16 without a BOM, EBCDIC) never are.
    """
    ascii_share = sum(1 for b in data[:65536] if b < 128) / max(len(data[:65536]), 1)
    try:
        data.decode("cp1252")
        western = True
    except UnicodeDecodeError:
        western = False
    if western and ascii_share >= MOSTLY_ASCII:
        return "cp1252"
    from charset_normalizer import from_bytes

    try:
        found = list(from_bytes(data, cp_isolation=_single_byte())) or list(from_bytes(data))
    except Exception:  # a detector's failure is "cannot tell", never a crash
        return None
    found = [m for m in found if _reads_ascii(m.encoding)]
    if not found:
        return None
    best = found[0]  # the detector's order: least chaos, then most coherence
    equally_good = (c for m in found if m.chaos <= best.chaos for c in m.could_be_from_charset)
    if western and "cp1252" in equally_good:
        return "cp1252"  # the Western code page among equally good guesses
    return str(best.encoding)


_ASCII = b"Aa Zz 09 .,;:!?()$%"


@lru_cache(maxsize=64)
def _reads_ascii(encoding: str) -> bool:
    """Whether ASCII bytes read as themselves: not UTF-16 or UTF-32 (which need a BOM here, as
    text without NUL bytes is never in them) nor EBCDIC."""
    try:
        return _ASCII.decode(encoding) == _ASCII.decode("ascii")
    except (UnicodeDecodeError, LookupError):
        return False


@lru_cache(maxsize=1)
def _single_byte() -> list[str]:
    """The single-byte encodings charset-normalizer knows, and UTF-8."""
    from charset_normalizer.constant import IANA_SUPPORTED
    from charset_normalizer.utils import is_multi_byte_encoding

    return [e for e in IANA_SUPPORTED if not is_multi_byte_encoding(e)] + ["utf_8"]


def decode(source: str, data: bytes, encoding: str | None = None) -> tuple[str, list[str]]:
    """Bytes -> text, or an InputError saying what the file is and what to do; also notes.

    UTF-8 (with or without a BOM) and UTF-16 with a BOM are read as such; other bytes in the
    encoding charset-normalizer detects, with a note naming it; ``encoding`` forces one. A few
    stray NUL bytes in text are replaced by spaces (offsets kept) and reported.

    >>> decode("a.txt", "Ni\\u00f1o".encode("cp1252"))
    ('Niño', ['a.txt: not UTF-8; read as Windows-1252 (pass --encoding to choose another)'])
    """
    for magic, what in BINARY_SIGNATURES.items():
        if data.startswith(magic):
            raise InputError(f"{source}: {what}, not text; convert it to .txt, .md or .html first")
    notes: list[str] = []
    if encoding is not None:
        try:
            name = "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding
        except LookupError as exc:
            raise InputError(
                f"{source}: {encoding!r} is not an encoding; try cp1252, latin-1 or utf-8"
            ) from exc
        try:
            text = data.decode(name)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{source}: not valid {encoding_name(encoding)} (byte {exc.start}); "
                "check --encoding, or leave it out to detect the encoding"
            ) from exc
        return _nuls(source, text, notes)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), notes
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{source}: broken UTF-16 (byte {exc.start}); re-save the file as UTF-8"
            ) from exc
    nuls = data.count(b"\x00")
    head = data[:8192]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 11, 12, 13, 27))
    if b"\x00\x00" in head or (head and controls > len(head) // 20) or (nuls > 8 and nuls > len(data) // 100):
        raise InputError(f"{source}: looks binary, not text; pass a .txt, .md or .html article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        detected = _detect(data)
        if detected is None:
            raise InputError(
                f"{source}: not UTF-8 (byte {exc.start}) and its encoding cannot be told; "
                "pass --encoding or re-save the file as UTF-8"
            ) from exc
        text = data.decode(detected, errors="replace")
        notes.append(
            f"{source}: not UTF-8; read as {encoding_name(detected)} (pass --encoding to choose another)"
        )
    return _nuls(source, text, notes)


def _nuls(source: str, text: str, notes: list[str]) -> tuple[str, list[str]]:
    nuls = text.count("\x00")
    if nuls:
        text = text.replace("\x00", " ")
        notes.append(f"{source}: {nuls} NUL byte{'s' if nuls > 1 else ''} replaced by spaces")
    return text, notes
