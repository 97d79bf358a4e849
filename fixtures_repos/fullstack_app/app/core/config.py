"""Settings read from the environment, with defaults for local development."""

from typing import Literal

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    API_V1_STR: str = "/api/v1"
    PROJECT_NAME: str = "Fullstack App"
    ENVIRONMENT: Literal["local", "staging", "production"] = "local"
    DATABASE_URL: str = "sqlite://"


settings = Settings()
