"""HTTP endpoints for agents; writes need an API key."""

from fastapi import APIRouter, Depends, status

from registry.api.dependencies import get_agent_service, require_api_key
from registry.schemas.agent import AgentCreate, AgentRead
from registry.services.agent_service import AgentService

router = APIRouter(prefix="/agents", tags=["agents"], dependencies=[Depends(require_api_key)])


@router.get("/", response_model=list[AgentRead])
async def list_agents(service: AgentService = Depends(get_agent_service)) -> list[AgentRead]:
    return await service.list_agents()


@router.post("/", response_model=AgentRead, status_code=status.HTTP_201_CREATED)
async def create_agent(
    data: AgentCreate, service: AgentService = Depends(get_agent_service)
) -> AgentRead:
    return await service.create_agent(data)
