"""English parts of speech and lemmas, from lemminflect's bundled lexicon (no download)."""

from __future__ import annotations

from functools import lru_cache

import lemminflect

#: Universal POS tags lemminflect answers with that can name a thing.
_NOUNS = frozenset({"NOUN", "PROPN"})


@lru_cache(maxsize=4096)
def parts_of_speech(word: str) -> frozenset[str]:
    """The parts of speech ``word`` can be (``NOUN``, ``VERB``, ``ADJ``, ``ADV``); empty when
    the lexicon does not know it (a name, an acronym, a typo)."""
    found = lemminflect.getAllLemmas(word) or lemminflect.getAllLemmas(word.lower())
    return frozenset(found)


@lru_cache(maxsize=4096)
def lemma(word: str, pos: str) -> str:
    """``word`` in its dictionary form for ``pos`` (``fixes`` -> ``fix``), lower case; words the
    lexicon does not know are lemmatised by its rules for unknown words."""
    lower = word.lower()
    known = lemminflect.getAllLemmas(lower, upos=pos)
    if known:
        return str(known[pos][0]).lower()
    guessed = lemminflect.getAllLemmasOOV(lower, upos=pos)
    return str(guessed[pos][0]).lower() if guessed else lower


def is_known(word: str) -> bool:
    return bool(parts_of_speech(word))


def can_be_noun(word: str) -> bool:
    return bool(parts_of_speech(word) & _NOUNS)


def only_not_noun(word: str) -> bool:
    """A verb, adjective or adverb that is never a noun: never a resource."""
    pos = parts_of_speech(word)
    return bool(pos) and not pos & _NOUNS
