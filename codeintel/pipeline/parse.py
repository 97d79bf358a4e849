"""Reading and parsing one file: bytes in, a libcst module or a diagnostic out."""

from __future__ import annotations

import ast
import io
import threading
import tokenize
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import libcst as cst

from codeintel.diagnostics import Diagnostic


@dataclass(frozen=True)
class Parsed:
    """A parsed Python file, ready for extractors."""

    module: cst.Module
    text: str


def decode(path: str, data: bytes) -> str | Diagnostic:
    """Decode source bytes the way Python does: BOM, then a coding cookie, then UTF-8."""
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return Diagnostic("CI106", path, line, "file contains NUL bytes; not analysed")
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as exc:
        if "unknown encoding" in str(exc.msg):
            return Diagnostic("CI102", path, 1, str(exc.msg))
        encoding = "utf-8"  # no usable cookie: decoding below says where the bad bytes are
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return Diagnostic("CI102", path, line, f"not valid {encoding}: {exc.reason}")
    return text.removeprefix("\ufeff")


def parse_python(path: str, data: bytes) -> Parsed | Diagnostic:
    """Parse one Python file; never raises for bad input."""
    text = decode(path, data)
    if isinstance(text, Diagnostic):
        return text
    python = _python_verdict(path, text)
    if isinstance(python, Diagnostic):
        return python
    try:
        with _unvalidated():
            module = cst.parse_module(text)
    except cst.ParserSyntaxError as exc:
        expanded = _tabs_expanded(text) if python is None else None
        if expanded is None:
            return _syntax_error(path, exc, python)
        try:
            with _unvalidated():
                return Parsed(cst.parse_module(expanded), expanded)
        except cst.ParserSyntaxError:
            return _syntax_error(path, exc, python)
    except RecursionError:
        return Diagnostic("CI103", path, 1, "nesting too deep to parse")
    return Parsed(module, text)


#: Tokens whose text may run over the start of a line inside a string (Python 3.12+).
_IN_STRING = frozenset(
    getattr(tokenize, name)
    for name in ("FSTRING_MIDDLE", "TSTRING_MIDDLE")
    if hasattr(tokenize, name)
)


def _tabs_expanded(text: str) -> str | None:
    """``text`` with the tabs of every line's indentation expanded to columns of 8, as
    CPython's tokenizer reads them; None when there is none to expand or it does not
    tokenize. Python reads a tab in indentation as reaching the next column of 8, so
    ``\\t      raise`` under ``    if x:`` is a block at column 14; libcst's tokenizer
    refuses it ("no matching outer block for dedent"), and the whole file was lost (SBF-Api's
    routers). Only indentation before a line's first token is touched: never a string's."""
    lines = io.StringIO(text).readlines()  # as tokenize reads them
    starts: set[int] = set()
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            row, column = token.start
            if token.type not in _IN_STRING and row <= len(lines):
                line = lines[row - 1]
                if column == len(line) - len(line.lstrip(" \t\f")):
                    starts.add(row - 1)
    except (tokenize.TokenError, SyntaxError):
        return None
    changed = False
    for index in sorted(starts):
        line = lines[index]
        body = line.lstrip(" \t\f")
        indent = line[: len(line) - len(body)]
        if "\t" in indent:
            lines[index], changed = indent.expandtabs(8) + body, True
    return "".join(lines) if changed else None


#: libcst's check of every node as it is built, or None for a libcst without one.
_VALIDATE = cst.CSTNode.__dict__.get("__post_init__")


class _Parsing(threading.local):
    """Whether this thread is parsing now."""

    active = False


class _Swap:
    """How many parses run in this process; the check is swapped while any does."""

    lock = threading.Lock()
    running = 0


_PARSING = _Parsing()


@contextmanager
def _unvalidated() -> Iterator[None]:
    """libcst checks every node as it is built (``CSTNode.__post_init__``), a sixth of its
    parse, though its parser builds only valid trees (a comment beside that hook in libcst
    suggests not validating trees when parsing). While this thread parses, the check is
    skipped for the nodes this thread builds; other threads' nodes are still checked, and
    the original check is put back when the last parse ends."""
    if _VALIDATE is None:
        yield
        return
    with _Swap.lock:
        if _Swap.running == 0:
            setattr(cst.CSTNode, "__post_init__", _checked)  # noqa: B010 (a method: mypy)
        _Swap.running += 1
    _PARSING.active = True
    try:
        yield
    finally:
        _PARSING.active = False
        with _Swap.lock:
            _Swap.running -= 1
            if _Swap.running == 0:
                setattr(cst.CSTNode, "__post_init__", _VALIDATE)  # noqa: B010


def _checked(node: cst.CSTNode) -> None:
    if not _PARSING.active and _VALIDATE is not None:
        _VALIDATE(node)


def _python_verdict(path: str, text: str) -> Diagnostic | SyntaxError | None:
    """Python's own parser first: libcst's native parser overflows its stack (a segfault no
    ``except`` can catch) on nesting CPython refuses, such as thousands of ``not``/``-``/``(``.

    Other syntax errors are only remembered: libcst may accept syntax newer than the running
    Python, and when it does not, Python's message is the one users know. Costs about a tenth
    of libcst's parse.
    """
    try:
        ast.parse(text)
    except SyntaxError as exc:
        if "too many nested" in (exc.msg or ""):
            return Diagnostic("CI103", path, exc.lineno or 1, f"syntax error: {exc.msg}")
        return exc
    except (RecursionError, MemoryError):
        return Diagnostic("CI103", path, 1, "nesting too deep to parse")
    return None


def _syntax_error(path: str, exc: cst.ParserSyntaxError, python: SyntaxError | None) -> Diagnostic:
    if python is not None:
        return Diagnostic("CI103", path, python.lineno or 1, f"syntax error: {python.msg}")
    message = exc.message.splitlines()[0] if exc.message else "does not parse"
    return Diagnostic("CI103", path, exc.raw_line, f"syntax error (libcst): {message}")
