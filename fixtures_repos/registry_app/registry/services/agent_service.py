"""Business logic for agents."""

import logging
import uuid

from registry.repositories.agent_repository import AgentRepository
from registry.schemas.agent import AgentCreate, AgentRead

logger = logging.getLogger(__name__)


class AgentService:
    def __init__(self, repository: AgentRepository) -> None:
        self._repository = repository

    async def list_agents(self) -> list[AgentRead]:
        return self._repository.list()

    async def create_agent(self, data: AgentCreate) -> AgentRead:
        agent = AgentRead(id=uuid.uuid4().hex, **data.model_dump())
        self._repository.add(agent.id, agent)
        logger.info("agent registered: %s", agent.name)
        return agent


agent_service = AgentService(AgentRepository())
