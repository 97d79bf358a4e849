from __future__ import annotations

import threading
from typing import Any

import libcst as cst
import pytest

from codeintel.diagnostics import Diagnostic
from codeintel.extract.symbols import extract_module
from codeintel.pipeline.parse import Parsed, _unvalidated, parse_python


def symbol_lines(data: bytes) -> list[tuple[str, int, int]]:
    parsed = parse_python("m.py", data)
    assert isinstance(parsed, Parsed)
    facts = extract_module(parsed, "m.py", "m", False)
    return [(s.qualname, s.start_line, s.end_line) for s in facts.symbols]


def test_bom_and_crlf_keep_line_numbers() -> None:
    data = b'\xef\xbb\xbf"""Doc."""\r\n\r\n@dec\r\ndef f():\r\n    return 1\r\n'
    assert symbol_lines(data) == [("f", 3, 5)]


def test_encoding_cookie_is_honoured() -> None:
    data = b'# -*- coding: latin-1 -*-\nname = "caf\xe9"\n'
    parsed = parse_python("m.py", data)
    assert isinstance(parsed, Parsed)
    assert 'name = "café"' in parsed.text


@pytest.mark.parametrize(
    ("data", "code", "line"),
    [
        (b"x = 1\ny = '\xe9'\n", "CI102", 2),
        (b"# coding: no-such-codec\nx = 1\n", "CI102", 1),
        (b"# -*- coding: ascii -*-\nx = '\xe9'\n", "CI102", 2),
        (b"a = 1\n\x00", "CI106", 2),
        (b"def f(:\n    pass\n", "CI103", 1),
        (b'print "py2"\n', "CI103", 1),
        (b"x = (" * 300 + b")" * 300 + b"\n", "CI103", 1),
    ],
)
def test_bad_files_are_diagnostics(data: bytes, code: str, line: int) -> None:
    result = parse_python("bad.py", data)
    assert isinstance(result, Diagnostic)
    assert (result.code, result.file, result.line) == (code, "bad.py", line)


def test_empty_file_parses() -> None:
    assert symbol_lines(b"") == []


def test_nested_dicts_are_read_once_per_level(monkeypatch: pytest.MonkeyPatch) -> None:
    """A JSON schema literal nested ten deep (skypilot's ``schemas.py``): each dict is read
    once, not twice per level above it (2^depth). Work counted, never timed."""
    from codeintel.extract import symbols

    calls = 0
    original = symbols._dict

    def counted(*args: Any) -> Any:
        nonlocal calls
        calls += 1
        return original(*args)

    monkeypatch.setattr(symbols, "_dict", counted)
    nested = "{'type': 'string'}"
    for level in range(10):
        nested = f"{{'k{level}': {nested}, 'type': 'object'}}"
    parsed = parse_python("m.py", f"SCHEMA = {nested}\n".encode())
    assert isinstance(parsed, Parsed)
    facts = extract_module(parsed, "m.py", "m", False)
    assert facts.assigns[0].value is not None and facts.assigns[0].value.kind == "dict"
    assert calls == 11


def test_a_methods_defaults_read_the_global_its_name_shadows() -> None:
    """``def get_db(self, d=Depends(get_db))`` in a class body: the default runs before the
    class binds ``get_db``, so it reads the module's ``get_db``, not the method."""
    source = (
        b"from fastapi import Depends\n"
        b"from deps import get_db\n\n\n"
        b"class Service:\n"
        b"    def get_db(self, d=Depends(get_db)):\n"
        b"        return d\n"
    )
    parsed = parse_python("m.py", source)
    assert isinstance(parsed, Parsed)
    facts = extract_module(parsed, "m.py", "m", False)
    [method] = [s for s in facts.symbols if s.qualname == "Service.get_db"]
    default = method.params[1].default
    assert default is not None and default.items[0].ref == "m.get_db"


def test_nodes_built_outside_a_parse_are_still_checked() -> None:
    """Parsing turns libcst's per-node check off while its parser builds a tree, and on again,
    even when the parse fails."""
    assert isinstance(parse_python("m.py", b"x = f(1)\n"), Parsed)
    assert isinstance(parse_python("m.py", b"def (:\n"), Diagnostic)
    with pytest.raises(cst.CSTValidationError):
        cst.Name("")


def test_other_threads_nodes_are_checked_while_one_parses() -> None:
    """The check is skipped only for the nodes the parsing thread builds."""
    errors: list[BaseException] = []

    def build_bad_node() -> None:
        try:
            cst.Name("")
        except cst.CSTValidationError as error:
            errors.append(error)

    with _unvalidated():
        cst.Name("")  # this thread is parsing: not checked
        other = threading.Thread(target=build_bad_node)
        other.start()
        other.join()
    assert len(errors) == 1


def test_indentation_mixing_tabs_and_spaces_as_python_reads_it() -> None:
    """SBF-Api: a line indented by a tab and six spaces under ``    if x:`` (column 14 to
    CPython, which expands tabs to columns of 8). libcst refused the file ("no matching
    outer block for dedent") and its 17 routes were lost; the indentation is read with the
    tabs expanded, as Python reads it. A string running over a tab-led line keeps its text."""
    data = (
        b"def f(i):\n"
        b"    if i < 0:\n"
        b"\t      raise ValueError(i)\n"
        b'    doc = """a\n\tb"""\n'
        b"    return i\n"
    )
    parsed = parse_python("m.py", data)
    assert isinstance(parsed, Parsed)
    assert '"""a\n\tb"""' in parsed.text
    assert symbol_lines(data) == [("f", 1, 6)]
    assert isinstance(parse_python("m.py", b"def f():\n\tif x:\n\t\treturn 1\n"), Parsed)
