"""One route per name a helper is given, deduplicated and sorted first (polar's versioned
OpenAPI documents: ``supported = tuple(sorted(set(versions)))``)."""

from fastapi import FastAPI


def document() -> dict[str, str]:
    return {}


def add_documents(app: FastAPI, names: set[str]) -> None:
    supported = tuple(sorted(set(names)))
    for name in supported:
        app.add_api_route(f"/documents/{name}", document, methods=["GET"])
