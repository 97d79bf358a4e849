"""The server command (NeMo-Guardrails' ``nemoguardrails server``): the status app itself, or
an outer app that mounts it under the prefix given."""

from fastapi import FastAPI

from site_app import status


def serve(prefix: str = "") -> FastAPI:
    if prefix:
        server_app = FastAPI()
        server_app.mount(prefix, status.app)
    else:
        server_app = status.app
    return server_app
