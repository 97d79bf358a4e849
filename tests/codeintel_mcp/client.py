"""A real MCP client (the SDK's stdio client) driving ``python -m codeintel serve`` in a
subprocess, callable from synchronous tests."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from anyio.from_thread import BlockingPortal, start_blocking_portal
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


@dataclass(frozen=True)
class Answer:
    is_error: bool
    text: str


class Server:
    """One server process and one session with it."""

    def __init__(self, portal: BlockingPortal, session: ClientSession) -> None:
        self._portal = portal
        self._session = session

    def call(self, tool: str, **arguments: Any) -> Answer:
        result = self._portal.call(self._session.call_tool, tool, arguments)
        texts = [c.text for c in result.content if c.type == "text"]
        return Answer(bool(result.is_error), "\n".join(texts))

    def tool_names(self) -> list[str]:
        listed = self._portal.call(self._session.list_tools)
        return sorted(t.name for t in listed.tools)


@contextmanager
def running(repo: Path, cache: Path, hash_seed: str = "0") -> Iterator[Server]:
    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "codeintel", "serve", "--repo", str(repo)],
        env={"CODEINTEL_CACHE_DIR": str(cache), "PYTHONHASHSEED": hash_seed},
    )
    with ExitStack() as stack:
        portal = stack.enter_context(start_blocking_portal())
        log = stack.enter_context((cache / "server.log").open("w"))
        read, write = stack.enter_context(
            portal.wrap_async_context_manager(stdio_client(params, errlog=log))
        )
        session = stack.enter_context(portal.wrap_async_context_manager(ClientSession(read, write)))
        portal.call(session.initialize)
        yield Server(portal, session)
