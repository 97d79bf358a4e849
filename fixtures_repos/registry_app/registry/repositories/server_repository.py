"""Storage of MCP servers."""

from registry.repositories.base import InMemoryRepository
from registry.schemas.server import ServerRead


class ServerRepository(InMemoryRepository[ServerRead]):
    def find_by_name(self, name: str) -> ServerRead | None:
        return next((s for s in self.list() if s.name == name), None)
