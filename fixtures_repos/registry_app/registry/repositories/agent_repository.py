"""Storage of agents."""

from registry.repositories.base import InMemoryRepository
from registry.schemas.agent import AgentRead


class AgentRepository(InMemoryRepository[AgentRead]):
    pass
