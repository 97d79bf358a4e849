"""Git's ignore rules: each ``.gitignore`` compiled once into a few regular expressions, so
deciding an entry costs a match or two per ``.gitignore`` above it, not one per pattern.

The walk asks about every entry of every folder it enters and never enters an ignored folder, so
a pattern is only ever matched against the entry itself, as git does; that a file inside an
ignored folder cannot be re-included follows from the pruning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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


#: A pattern's place in its file and whether it is a ``!``: the last matching place decides.
Verdict = tuple[int, bool]


@dataclass(frozen=True)
class _Alternation:
    """Some patterns of one ``.gitignore`` as one regular expression, last pattern first, so
    the alternative that matches is the last pattern that does; ``verdicts[i]`` belongs to
    group ``i``."""

    regex: re.Pattern[str]
    verdicts: tuple[Verdict, ...]

    def last(self, text: str, start: int = 0) -> Verdict | None:
        match = self.regex.fullmatch(text, start)
        return None if match is None or match.lastindex is None else self.verdicts[match.lastindex]


@dataclass(frozen=True)
class Rules:
    """One ``.gitignore``: the folder it sits in (``""`` or ``"sub/"``), its patterns without a
    slash (matched against an entry's name, and remembered per name: ``__init__.py`` is asked
    about in every folder) and those with one (matched against the path below the folder),
    each split by the kind of entry they apply to."""

    base: str
    names: dict[bool, _Alternation | None]  # by "is a folder"
    paths: dict[bool, _Alternation | None]
    seen: dict[tuple[str, bool], Verdict | None] = field(default_factory=dict, compare=False)

    def decide(self, relpath: str, is_dir: bool) -> bool | None:
        """True when ignored, False when re-included, None when no pattern matches."""
        name = relpath.rpartition("/")[2]
        if (name, is_dir) in self.seen:
            by_name = self.seen[name, is_dir]
        else:
            names = self.names[is_dir]
            by_name = self.seen[name, is_dir] = names.last(name) if names else None
        paths = self.paths[is_dir]
        by_path = paths.last(relpath, len(self.base)) if paths else None
        verdicts = [v for v in (by_name, by_path) if v is not None]
        return not max(verdicts)[1] if verdicts else None


def compile_rules(base: str, text: str) -> Rules:
    """The rules of the ``.gitignore`` in folder ``base`` that reads ``text``. Lines end at
    ``\\n`` only, as in git, which also drops a ``\\r`` before it and a byte-order mark."""
    lines = (line.removesuffix("\r") for line in text.removeprefix("\ufeff").split("\n"))
    patterns = [p for p in map(_pattern, lines) if p is not None]
    names, paths = {}, {}
    for is_dir in (False, True):
        fitting = [(i, p) for i, p in enumerate(patterns) if is_dir or not p.folder_only]
        names[is_dir] = _alternation([(i, p) for i, p in fitting if not p.anchored])
        paths[is_dir] = _alternation([(i, p) for i, p in fitting if p.anchored])
    return Rules(base, names, paths)


def ignored(relpath: str, is_dir: bool, stack: list[Rules]) -> bool:
    """Git's rule: the deepest ``.gitignore`` with a matching pattern decides, and in it the
    last matching pattern."""
    for rules in reversed(stack):
        verdict = rules.decide(relpath, is_dir)
        if verdict is not None:
            return verdict
    return False


@dataclass(frozen=True)
class _Pattern:
    regex: str
    negated: bool
    folder_only: bool
    anchored: bool  # has a slash: matched against the path, not the name


def _alternation(patterns: list[tuple[int, _Pattern]]) -> _Alternation | None:
    if not patterns:
        return None
    ordered = patterns[::-1]
    regex = re.compile("|".join(f"({p.regex})" for _, p in ordered), re.DOTALL)
    return _Alternation(regex, ((-1, False), *((i, p.negated) for i, p in ordered)))


def _pattern(line: str) -> _Pattern | None:
    """One line's pattern, or None for blanks, comments and patterns that can match nothing;
    the steps follow git's ``parse_path_pattern``."""
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
    return _Pattern(body, negated, folder_only, anchored)


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
