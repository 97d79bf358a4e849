"""Application settings, read from the environment."""

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="REGISTRY_")

    app_name: str = "MCP Registry"
    api_prefix: str = "/api/v1"
    api_key: str = "dev-key"
    max_servers: int = 1000


settings = Settings()
