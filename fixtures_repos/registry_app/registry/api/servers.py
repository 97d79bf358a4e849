"""HTTP endpoints for MCP servers."""

from fastapi import APIRouter, Depends, Path, status

from registry.api.dependencies import get_server_service
from registry.schemas.server import ServerCreate, ServerRead
from registry.services.server_service import ServerService

router = APIRouter(tags=["servers"])


@router.get("", response_model=list[ServerRead])
async def list_servers(
    service: ServerService = Depends(get_server_service),
) -> list[ServerRead]:
    """List every registered server."""
    return await service.list_servers()


@router.get(
    "/{server_id}",
    response_model=ServerRead,
    responses={404: {"description": "Server not found"}},
)
async def get_server(
    server_id: str = Path(..., description="Server ID"),
    service: ServerService = Depends(get_server_service),
) -> ServerRead:
    """Read one server."""
    return await service.get_server(server_id)


@router.post("", response_model=ServerRead, status_code=status.HTTP_201_CREATED)
async def create_server(
    data: ServerCreate,
    service: ServerService = Depends(get_server_service),
) -> ServerRead:
    """Register a server."""
    return await service.create_server(data)


@router.delete("/{server_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_server(
    server_id: str,
    service: ServerService = Depends(get_server_service),
) -> None:
    """Remove a server."""
    await service.delete_server(server_id)
