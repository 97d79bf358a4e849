"""Request and response models for MCP servers."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator


class ServerBase(BaseModel):
    name: str = Field(..., min_length=1, max_length=100)
    url: str = Field(..., pattern=r"^https?://")
    description: str | None = Field(default=None, max_length=500)


class ServerCreate(ServerBase):
    tags: list[str] = Field(default_factory=list)

    @field_validator("name")
    @classmethod
    def name_is_slug(cls, value: str) -> str:
        if not value.replace("-", "").isalnum():
            raise ValueError("name must be letters, digits and dashes")
        return value

    model_config = ConfigDict(
        json_schema_extra={"example": {"name": "weather", "url": "https://weather.example"}}
    )


class ServerRead(ServerBase):
    id: str
    created_at: datetime

    model_config = ConfigDict(from_attributes=True)
