"""Serena's path globs: ``*`` and ``?`` stay within a folder, ``**`` spans folders, and
``{a,b}`` alternatives (nested too) expand."""

from __future__ import annotations

import re
from functools import lru_cache


def glob_matches(path: str, glob: str) -> bool:
    return _compiled(glob).fullmatch(path) is not None


@lru_cache(maxsize=64)
def _compiled(glob: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{_translate(g)})" for g in _expand(glob)))


def _expand(glob: str) -> list[str]:
    """``a{b,c{d,e}}`` -> ``ab``, ``acd``, ``ace``; an unclosed brace is literal."""
    start = glob.find("{")
    if start < 0:
        return [glob]
    depth, parts, last = 0, [], start + 1
    for index in range(start, len(glob)):
        char = glob[index]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                parts.append(glob[last:index])
                head, tail = glob[:start], glob[index + 1 :]
                return [head + x + t for p in parts for x in _expand(p) for t in _expand(tail)]
        elif char == "," and depth == 1:
            parts.append(glob[last:index])
            last = index + 1
    return [glob]


def _translate(glob: str) -> str:
    out, index = [], 0
    while index < len(glob):
        if glob.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
        elif glob.startswith("**", index):
            out.append(".*")
            index += 2
        elif glob[index] == "*":
            out.append("[^/]*")
            index += 1
        elif glob[index] == "?":
            out.append("[^/]")
            index += 1
        else:
            out.append(re.escape(glob[index]))
            index += 1
    return "".join(out)
