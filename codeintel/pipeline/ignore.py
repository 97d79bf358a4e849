"""Git's ignore rules: each ``.gitignore`` compiled once into two regular expressions (one for
files, one for folders), so deciding an entry costs one match per ``.gitignore`` above it, not
one per pattern.

The walk asks about every entry of every folder it enters and never enters an ignored folder, so
a pattern is only ever matched against the entry itself, as git does; that a file inside an
ignored folder cannot be re-included follows from the pruning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: POSIX classes git's wildmatch knows, in the C locale it uses.
_CLASSES = {
    "alnum": "a-zA-Z0-9",
    "alpha": "a-zA-Z",
    "blank": " \\t",
    "cntrl": "\\x00-\\x1f\\x7f",
    "digit": "0-9",
    "graph": "!-~",
    "lower": "a-z",
    "print": " -~",
    "punct": "!-/:-@\\[-`{-~",
    "space": " \\t\\n\\r\\f\\v",
    "upper": "A-Z",
    "xdigit": "0-9a-fA-F",
}


class _Malformed(ValueError):
    """A pattern git's wildmatch gives up on (an open ``[``, a trailing ``\\``): it matches
    nothing."""


@dataclass(frozen=True)
class Rules:
    """One ``.gitignore``: the folder it sits in (``""`` or ``"sub/"``) and its patterns as one
    alternation per entry kind, last pattern first, so the first alternative that matches is the
    one git obeys. ``negated[i]`` tells whether alternative ``i`` (a group number) is a ``!``."""

    base: str
    files: re.Pattern[str] | None
    folders: re.Pattern[str] | None
    file_negated: tuple[bool, ...]
    folder_negated: tuple[bool, ...]

    def decide(self, relpath: str, is_dir: bool) -> bool | None:
        """True when ignored, False when re-included, None when no pattern matches."""
        regex, negated = (
            (self.folders, self.folder_negated) if is_dir else (self.files, self.file_negated)
        )
        if regex is None:
            return None
        match = regex.fullmatch(relpath, len(self.base))
        if match is None or match.lastindex is None:
            return None
        return not negated[match.lastindex]


def compile_rules(base: str, text: str) -> Rules:
    """The rules of the ``.gitignore`` in folder ``base`` that reads ``text``. Lines end at
    ``\\n`` only, as in git, which also drops a ``\\r`` before it and a byte-order mark."""
    lines = (line.removesuffix("\r") for line in text.removeprefix("\ufeff").split("\n"))
    patterns = [p for p in map(_pattern, lines) if p is not None]
    files = [(regex, negated) for regex, negated, folder_only in patterns if not folder_only]
    folders = [(regex, negated) for regex, negated, _ in patterns]
    file_regex, file_negated = _alternation(files)
    folder_regex, folder_negated = _alternation(folders)
    return Rules(base, file_regex, folder_regex, file_negated, folder_negated)


def ignored(relpath: str, is_dir: bool, stack: list[Rules]) -> bool:
    """Git's rule: the deepest ``.gitignore`` with a matching pattern decides, and in it the
    last matching pattern."""
    for rules in reversed(stack):
        verdict = rules.decide(relpath, is_dir)
        if verdict is not None:
            return verdict
    return False


def _alternation(
    patterns: list[tuple[str, bool]],
) -> tuple[re.Pattern[str] | None, tuple[bool, ...]]:
    if not patterns:
        return None, ()
    ordered = patterns[::-1]
    regex = re.compile("|".join(f"({body})" for body, _ in ordered), re.DOTALL)
    return regex, (False, *(negated for _, negated in ordered))


def _pattern(line: str) -> tuple[str, bool, bool] | None:
    """(regex, negated, folders only) for one line, or None for blanks, comments and patterns
    that can match nothing; the steps follow git's ``parse_path_pattern``."""
    line = _trim_trailing_spaces(line)
    if not line or line.startswith("#"):
        return None
    negated = line.startswith("!")
    line = line.removeprefix("!")
    folder_only = line.endswith("/")
    line = line.removesuffix("/")
    if not line:
        return None
    anchored = "/" in line
    try:
        body = _wildmatch(line.removeprefix("/") if anchored else line)
    except _Malformed:
        return None
    return (body if anchored else f"(?:.*/)?{body}"), negated, folder_only


def _trim_trailing_spaces(line: str) -> str:
    """Trailing spaces go unless the last is escaped with a backslash."""
    stripped = line.rstrip(" ")
    if stripped != line and stripped.endswith("\\") and not _escaped_backslash(stripped):
        return stripped + " "
    return stripped


def _escaped_backslash(text: str) -> bool:
    """Whether the backslash that ends ``text`` is itself escaped."""
    run = len(text) - len(text.rstrip("\\"))
    return run % 2 == 0


def _wildmatch(pattern: str) -> str:
    """A regular expression matching what git's wildmatch with ``WM_PATHNAME`` matches."""
    out: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            if index + 1 == len(pattern):
                raise _Malformed(pattern)
            out.append(re.escape(pattern[index + 1]))
            index += 2
        elif char == "?":
            out.append("[^/]")
            index += 1
        elif char == "*":
            index = _stars(pattern, index, out)
        elif char == "[":
            index = _bracket(pattern, index, out)
        else:
            out.append(re.escape(char))
            index += 1
    return "".join(out)


def _stars(pattern: str, index: int, out: list[str]) -> int:
    """``**`` between slashes (or the pattern's ends) crosses folders; any other run of stars
    is one ``*``."""
    end = index
    while end < len(pattern) and pattern[end] == "*":
        end += 1
    bounded_before = index == 0 or pattern[index - 1] == "/"
    if end - index >= 2 and bounded_before and end == len(pattern):
        out.append(".*")
    elif end - index >= 2 and bounded_before and pattern[end] == "/":
        out.append("(?:.*/)?")
        return end + 1
    else:
        out.append("[^/]*")
    return end


def _bracket(pattern: str, index: int, out: list[str]) -> int:
    """A bracket expression, read as git's wildmatch reads it: a leading ``!`` or ``^``
    negates, a ``]`` right after the opening is literal, and it never matches ``/``."""
    index += 1
    negated = index < len(pattern) and pattern[index] in "!^"
    index += negated
    items: list[str] = []
    previous: str | None = None
    first = True
    while True:
        if index >= len(pattern):
            raise _Malformed(pattern)
        char = pattern[index]
        if char == "]" and not first:
            break
        first = False
        if char == "\\":
            index += 1
            if index >= len(pattern):
                raise _Malformed(pattern)
            previous = pattern[index]
            items.append(_class_char(previous))
        elif char == "-" and previous is not None and pattern[index + 1 : index + 2] not in "]":
            index += 1
            high = pattern[index]
            if high == "\\":
                index += 1
                if index >= len(pattern):
                    raise _Malformed(pattern)
                high = pattern[index]
            if previous <= high:
                items.append(f"{_class_char(previous)}-{_class_char(high)}")
            previous = None
        elif char == "[" and pattern[index + 1 : index + 2] == ":":
            index, item = _named_class(pattern, index)
            items.append(item)
            previous = None if item != "\\[" else "["
        else:
            previous = char
            items.append(_class_char(char))
        index += 1
    out.append(_class(items, negated))
    return index + 1


def _named_class(pattern: str, index: int) -> tuple[int, str]:
    """``[:alpha:]`` and its kin; without a closing ``:]`` the ``[`` is a plain character."""
    close = pattern.find("]", index + 2)
    if close == -1:
        raise _Malformed(pattern)
    if close - (index + 2) < 1 or pattern[close - 1] != ":":
        return index, "\\["
    name = pattern[index + 2 : close - 1]
    if name not in _CLASSES:
        raise _Malformed(pattern)
    return close, _CLASSES[name]


def _class(items: list[str], negated: bool) -> str:
    if negated:
        return f"[^/{''.join(items)}]"
    if not items:
        return "(?!)"
    return f"(?!/)[{''.join(items)}]"


def _class_char(char: str) -> str:
    return "\\" + char if char in "\\]^-[" else char
