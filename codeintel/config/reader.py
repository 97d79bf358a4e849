"""Configuration files read once each: text, TOML and INI; bad ones become diagnostics."""

from __future__ import annotations

import configparser
import re
import sys
from pathlib import Path
from typing import Any

from codeintel.diagnostics import Diagnostic
from codeintel.pipeline.discover import SourceFile
from codeintel.pipeline.read import read_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib


class ConfigReader:
    """Reads config files once, turning bad ones into diagnostics (once each)."""

    def __init__(self, root: Path, files: list[SourceFile]) -> None:
        self.root = root
        self.kinds = {f.path: f.kind for f in files if f.kind in {"config", "requirements", "lock"}}
        self.paths = set(self.kinds)
        self.diagnostics: list[Diagnostic] = []
        self._texts: dict[str, str] = {}
        self._tomls: dict[str, dict[str, Any]] = {}
        self._inis: dict[str, configparser.ConfigParser | None] = {}

    def text(self, path: str) -> str | None:
        if path not in self.paths:
            return None
        if path not in self._texts:
            text = read_text(self.root, path, self.diagnostics)
            if text is None:
                self.paths.discard(path)
                return None
            self._texts[path] = text
        return self._texts[path]

    def toml(self, path: str) -> dict[str, Any]:
        if path not in self._tomls:
            self._tomls[path] = self._parse_toml(path)
        return self._tomls[path]

    def _parse_toml(self, path: str) -> dict[str, Any]:
        text = self.text(path)
        if text is None:
            return {}
        try:
            data: dict[str, Any] = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            line = int(m[1]) if (m := re.search(r"line (\d+)", str(exc))) else 1
            self.diagnostics.append(Diagnostic("CI110", path, line, f"malformed TOML: {exc}"))
            return {}
        return data

    def ini(self, path: str) -> configparser.ConfigParser | None:
        if path not in self._inis:
            self._inis[path] = self._parse_ini(path)
        return self._inis[path]

    def _parse_ini(self, path: str) -> configparser.ConfigParser | None:
        text = self.text(path)
        if text is None:
            return None
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read_string(text)
        except configparser.Error as exc:
            message = str(exc).splitlines()[0]
            self.diagnostics.append(Diagnostic("CI110", path, 1, f"malformed INI: {message}"))
            return None
        return parser

    def line_of(self, path: str, needle: str, after: str | None = None) -> int:
        """First line holding ``needle`` (after the line holding ``after``); 1 if none."""
        lines = (self.text(path) or "").splitlines()
        start = 0
        if after is not None:
            start = next((i for i, line in enumerate(lines) if after in line), 0)
        for number in range(start, len(lines)):
            if needle in lines[number]:
                return number + 1
        return start + 1


def table(value: object) -> dict[str, Any]:
    """A TOML table, or an empty one where the file has something else (or nothing)."""
    return value if isinstance(value, dict) else {}


def project_table(pyproject: dict[str, Any]) -> dict[str, Any]:
    return table(pyproject.get("project"))


def strings(value: object) -> list[str]:
    """A list of strings, or a whitespace-separated string, as a list (anything else: none)."""
    if isinstance(value, str):
        return value.split()
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
