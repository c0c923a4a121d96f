"""Plain English word forms: the singular of a regular plural, for words the parser did not
lemmatize (a capitalised 'Windows' at the start of a sentence is read as a name)."""

from __future__ import annotations


def singular(word: str) -> str:
    """The singular of a plain English plural ('passengers', 'casualties'), as a lemma would be.

    >>> singular("casualties"), singular("windows"), singular("chaos"), singular("gas")
    ('casualty', 'window', 'chaos', 'gas')
    """
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "os")) and len(word) > 3:
        return word[:-1]
    return word
