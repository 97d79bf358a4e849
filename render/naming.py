"""Names for new code: an analogue's file and identifiers with its resource swapped for ours."""

from __future__ import annotations

import re

_VOWELS = frozenset("aeiou")


def plural(word: str) -> str:
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def _forms(word: str) -> list[str]:
    """Plural before singular, so ``servers`` is not read as ``server`` + ``s``."""
    camel = "".join(part.capitalize() for part in word.split("_"))
    upper = word.upper()
    pl = plural(word)
    camel_pl = "".join(part.capitalize() for part in pl.split("_"))
    return [pl.upper(), camel_pl, pl, upper, camel, word]


def swap(text: str, old: str, new: str) -> str:
    """Replace ``old`` with ``new`` in identifiers and paths, keeping case and number.

    ``ServerCreate`` -> ``TagCreate``, ``server_service`` -> ``tag_service``, ``servers`` ->
    ``tags``; a longer word that merely contains ``old`` (``observer``) is left alone.
    """
    if old == new:
        return text
    pairs = dict(zip(_forms(old), _forms(new), strict=True))
    # A capitalised form may follow a lower-case letter (``getServer``), never a capital
    # (``OAuth2`` holds no ``Auth`` word); other forms follow no letter at all.
    alternatives = "|".join(
        rf"(?<![A-Z]){re.escape(form)}"
        if form[:1].isupper() and not form.isupper()
        else rf"(?<![A-Za-z]){re.escape(form)}"
        for form in pairs
    )
    pattern = re.compile(rf"({alternatives})(?![a-z0-9])")
    return pattern.sub(lambda m: pairs[m.group(1)], text)
