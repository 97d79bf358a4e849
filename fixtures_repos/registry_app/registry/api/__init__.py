"""The routers of the HTTP API, collected for registry.main."""

from registry.api import health
from registry.api.agents import router as agents_router
from registry.api.servers import router as servers_router

__all__ = ["agents_router", "health", "servers_router"]
