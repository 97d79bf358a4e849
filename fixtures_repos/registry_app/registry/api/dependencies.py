"""FastAPI dependency providers shared by the routers."""

from fastapi import Header, HTTPException, status

from registry.config import settings
from registry.services.agent_service import AgentService, agent_service
from registry.services.server_service import ServerService, server_service


def get_server_service() -> ServerService:
    return server_service


def get_agent_service() -> AgentService:
    return agent_service


def require_api_key(x_api_key: str = Header(...)) -> str:
    if x_api_key != settings.api_key:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="bad API key")
    return x_api_key
