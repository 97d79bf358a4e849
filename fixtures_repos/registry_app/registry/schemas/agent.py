"""Request and response models for agents."""

from pydantic import BaseModel, Field


class AgentCreate(BaseModel):
    name: str = Field(..., min_length=1, max_length=64)
    server_ids: list[str] = Field(default_factory=list)


class AgentRead(AgentCreate):
    id: str
