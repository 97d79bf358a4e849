"""A generated FastAPI project of N modules in the layered style: routers, services,
repositories, schemas and tests, one set per resource, all wired together."""

from __future__ import annotations

from pathlib import Path

#: Modules written per resource: router, service, repository, schema, test.
PER_RESOURCE = 5

_SCHEMA = '''"""Schemas of {plural}."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class {cls}Base(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    description: str | None = Field(default=None, max_length=500)
    priority: int = Field(default=0, ge=0, le=10)


class {cls}Create({cls}Base):
    pass


class {cls}Update(BaseModel):
    name: str | None = Field(default=None, min_length=1, max_length=100)
    description: str | None = None
    priority: int | None = Field(default=None, ge=0, le=10)


class {cls}Read({cls}Base):
    model_config = ConfigDict(from_attributes=True)

    id: int
    created_at: datetime
'''

_REPOSITORY = '''"""Storage of {plural}."""

from __future__ import annotations

from datetime import datetime, timezone

from app.core.db import Session
from app.schemas.{name} import {cls}Create, {cls}Read, {cls}Update

_ROWS: dict[int, {cls}Read] = {{}}


class {cls}Repository:
    def __init__(self, session: Session) -> None:
        self.session = session
        self._rows = _ROWS

    def get(self, item_id: int) -> {cls}Read | None:
        return self._rows.get(item_id)

    def list(self, offset: int = 0, limit: int = 100) -> list[{cls}Read]:
        rows = sorted(self._rows.values(), key=lambda row: row.id)
        return rows[offset : offset + limit]

    def add(self, data: {cls}Create) -> {cls}Read:
        row = {cls}Read(
            id=len(self._rows) + 1, created_at=datetime.now(timezone.utc), **data.model_dump()
        )
        self._rows[row.id] = row
        self.session.commit()
        return row

    def update(self, item_id: int, data: {cls}Update) -> {cls}Read | None:
        row = self._rows.get(item_id)
        if row is None:
            return None
        changed = row.model_copy(update=data.model_dump(exclude_unset=True))
        self._rows[item_id] = changed
        return changed

    def delete(self, item_id: int) -> bool:
        return self._rows.pop(item_id, None) is not None
'''

_SERVICE = '''"""Business rules for {plural}."""

from __future__ import annotations

import logging

from app.core.errors import NotFoundError
from app.repositories.{name}_repository import {cls}Repository
from app.schemas.{name} import {cls}Create, {cls}Read, {cls}Update

logger = logging.getLogger(__name__)


class {cls}Service:
    def __init__(self, repository: {cls}Repository) -> None:
        self.repository = repository

    def get_{name}(self, item_id: int) -> {cls}Read:
        found = self.repository.get(item_id)
        if found is None:
            raise NotFoundError("{name}", item_id)
        return found

    def list_{plural}(self, offset: int, limit: int) -> list[{cls}Read]:
        return self.repository.list(offset, limit)

    def create_{name}(self, data: {cls}Create) -> {cls}Read:
        logger.info("creating {name} %s", data.name)
        return self.repository.add(data)

    def update_{name}(self, item_id: int, data: {cls}Update) -> {cls}Read:
        updated = self.repository.update(item_id, data)
        if updated is None:
            raise NotFoundError("{name}", item_id)
        return updated

    def delete_{name}(self, item_id: int) -> None:
        if not self.repository.delete(item_id):
            raise NotFoundError("{name}", item_id)
'''

_ROUTER = '''"""HTTP endpoints for {plural}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, status

from app.core.deps import get_session
from app.core.db import Session
from app.repositories.{name}_repository import {cls}Repository
from app.schemas.{name} import {cls}Create, {cls}Read, {cls}Update
from app.services.{name}_service import {cls}Service

router = APIRouter(prefix="/{plural}", tags=["{plural}"])


def get_{name}_service(session: Annotated[Session, Depends(get_session)]) -> {cls}Service:
    return {cls}Service({cls}Repository(session))


ServiceDep = Annotated[{cls}Service, Depends(get_{name}_service)]


@router.get("/", response_model=list[{cls}Read])
async def list_{plural}(service: ServiceDep, offset: int = 0, limit: int = 100) -> list[{cls}Read]:
    return service.list_{plural}(offset, limit)


@router.get("/{{item_id}}", response_model={cls}Read)
async def get_{name}(item_id: int, service: ServiceDep) -> {cls}Read:
    return service.get_{name}(item_id)


@router.post("/", response_model={cls}Read, status_code=status.HTTP_201_CREATED)
async def create_{name}(data: {cls}Create, service: ServiceDep) -> {cls}Read:
    return service.create_{name}(data)


@router.patch("/{{item_id}}", response_model={cls}Read)
async def update_{name}(item_id: int, data: {cls}Update, service: ServiceDep) -> {cls}Read:
    return service.update_{name}(item_id, data)


@router.delete("/{{item_id}}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_{name}(item_id: int, service: ServiceDep) -> None:
    service.delete_{name}(item_id)
'''

_TEST = '''"""Tests of the {plural} endpoints."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.core.deps import get_session
from app.main import app


def test_create_then_get_{name}(client: TestClient) -> None:
    created = client.post("/api/{plural}/", json={{"name": "first"}})
    assert created.status_code == 201
    fetched = client.get(f"/api/{plural}/{{created.json()['id']}}")
    assert fetched.json()["name"] == "first"


def test_missing_{name}_is_404(client: TestClient) -> None:
    assert client.get("/api/{plural}/999").status_code == 404


def test_invalid_{name}_is_422(client: TestClient) -> None:
    assert client.post("/api/{plural}/", json={{"name": ""}}).status_code == 422


def test_session_override_is_used(client: TestClient) -> None:
    assert get_session in app.dependency_overrides
'''

_FIXED = {
    "app/__init__.py": "",
    "app/api/__init__.py": "",
    "app/services/__init__.py": "",
    "app/repositories/__init__.py": "",
    "app/schemas/__init__.py": "",
    "app/core/__init__.py": "",
    "app/core/db.py": (
        '"""A stand-in database session."""\n\n\nclass Session:\n'
        "    def commit(self) -> None:\n        pass\n"
    ),
    "app/core/deps.py": (
        '"""Shared dependencies."""\n\nfrom collections.abc import Iterator\n\n'
        "from app.core.db import Session\n\n\n"
        "def get_session() -> Iterator[Session]:\n    yield Session()\n"
    ),
    "app/core/errors.py": (
        '"""Domain errors."""\n\n\nclass NotFoundError(Exception):\n'
        "    def __init__(self, kind: str, item_id: int) -> None:\n"
        '        super().__init__(f"{kind} {item_id} not found")\n'
    ),
    "tests/conftest.py": (
        "from collections.abc import Iterator\n\nimport pytest\n"
        "from fastapi.testclient import TestClient\n\n"
        "from app.core.db import Session\nfrom app.core.deps import get_session\n"
        "from app.main import app\n\n\n@pytest.fixture\n"
        "def client() -> Iterator[TestClient]:\n"
        "    app.dependency_overrides[get_session] = Session\n"
        "    yield TestClient(app)\n    app.dependency_overrides.clear()\n"
    ),
    "pyproject.toml": (
        '[project]\nname = "generated"\nversion = "0"\n'
        'dependencies = ["fastapi", "pydantic"]\n\n'
        '[tool.pytest.ini_options]\ntestpaths = ["tests"]\n'
    ),
}


def generate(root: Path, modules: int) -> int:
    """Write a project of about ``modules`` Python modules under ``root``; return how many
    resources it has. The fixed part (packages, core, main, conftest) adds a dozen."""
    resources = max(1, modules // PER_RESOURCE)
    for path, text in _FIXED.items():
        _write(root / path, text)
    names = [f"thing{number:04}" for number in range(resources)]
    for name in names:
        values = {"name": name, "plural": f"{name}s", "cls": name.capitalize()}
        _write(root / f"app/schemas/{name}.py", _SCHEMA.format(**values))
        _write(root / f"app/repositories/{name}_repository.py", _REPOSITORY.format(**values))
        _write(root / f"app/services/{name}_service.py", _SERVICE.format(**values))
        _write(root / f"app/api/{name}.py", _ROUTER.format(**values))
        _write(root / f"tests/test_{name}.py", _TEST.format(**values))
    imports = "".join(f"from app.api import {name}\n" for name in names)
    includes = "".join(f'app.include_router({name}.router, prefix="/api")\n' for name in names)
    _write(
        root / "app/main.py",
        f'"""The application."""\n\nfrom fastapi import FastAPI, Request\n'
        f"from fastapi.responses import JSONResponse\n\n"
        f"from app.core.errors import NotFoundError\n{imports}\n"
        f'app = FastAPI(title="generated")\n{includes}\n\n'
        f"@app.exception_handler(NotFoundError)\n"
        f"async def not_found(request: Request, exc: NotFoundError) -> JSONResponse:\n"
        f'    return JSONResponse(status_code=404, content={{"detail": str(exc)}})\n',
    )
    return resources


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
