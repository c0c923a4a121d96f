"""HTML tags blanked out of a text, offsets kept: the visible text of a page, or of the HTML inside
a Markdown file (read by html.py and markdown.py)."""

from __future__ import annotations

import html as htmllib
import re


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\r\n]", " ", match.group(0))


_HTML_DROP = re.compile(r"(?is)<(script|style|head|noscript|template)\b.*?</\1\s*>|<!--.*?-->")
_HTML_BLOCK = re.compile(
    r"(?i)</?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|blockquote|figcaption)\b[^>]*>"
)
_HTML_TAG = re.compile(r"<[^>]*>")
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def blank_html(text: str) -> str:
    """The text of an HTML page, same length: tags become spaces (block ends a line break),
    scripts and styles disappear, entities become their character padded with spaces.

    >>> blank_html("<p>5&nbsp;km</p>")
    '\\n  5\\xa0     km\\n   '
    """
    text = _HTML_DROP.sub(_blank, text)
    text = _HTML_BLOCK.sub(lambda m: "\n" + " " * (len(m.group(0)) - 1), text)
    text = _HTML_TAG.sub(_blank, text)

    def entity(m: re.Match[str]) -> str:
        char = htmllib.unescape(m.group(0))
        return m.group(0) if len(char) != 1 else char + " " * (len(m.group(0)) - 1)

    return _ENTITY.sub(entity, text)
