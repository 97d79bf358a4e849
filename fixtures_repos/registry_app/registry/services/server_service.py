"""Business logic for MCP servers."""

import logging
import uuid
from datetime import datetime, timezone

from registry.exceptions import DuplicateError, NotFoundError
from registry.repositories.server_repository import ServerRepository
from registry.schemas.server import ServerCreate, ServerRead

logger = logging.getLogger(__name__)


class ServerService:
    def __init__(self, repository: ServerRepository) -> None:
        self._repository = repository

    async def list_servers(self) -> list[ServerRead]:
        return self._repository.list()

    async def get_server(self, server_id: str) -> ServerRead:
        server = self._repository.get(server_id)
        if server is None:
            raise NotFoundError("server", server_id)
        return server

    async def create_server(self, data: ServerCreate) -> ServerRead:
        if self._repository.find_by_name(data.name) is not None:
            raise DuplicateError(data.name)
        server = ServerRead(
            id=uuid.uuid4().hex,
            created_at=datetime.now(timezone.utc),
            **data.model_dump(exclude={"tags"}),
        )
        self._repository.add(server.id, server)
        logger.info("server registered: %s", server.name)
        return server

    async def delete_server(self, server_id: str) -> None:
        if not self._repository.delete(server_id):
            raise NotFoundError("server", server_id)


server_service = ServerService(ServerRepository())
