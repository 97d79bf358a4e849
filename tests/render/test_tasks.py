"""What the tasks tell the implementer to do to the router."""

from __future__ import annotations

from pathlib import Path

import codeintel
from render.plan import build_plan

_COMMENTS = """from fastapi import APIRouter

router = APIRouter()


@router.get("/comments")
def list_comments() -> list[str]:
    return []


@router.post("/comments")
def create_comment(body: str) -> str:
    return body


@router.delete("/comments/{comment_id}")
def delete_comment(comment_id: int) -> None:
    return None
"""


def _project(root: Path) -> codeintel.CodeGraph:
    (root / "comments.py").write_text(_COMMENTS)
    (root / "main.py").write_text(
        "from fastapi import FastAPI\n\nfrom comments import router\n\n"
        "app = FastAPI()\napp.include_router(router)\n"
    )
    return codeintel.analyze(root)


def test_an_edit_on_a_router_with_no_put_or_patch_adds_the_endpoint(tmp_path: Path) -> None:
    context = build_plan(_project(tmp_path), "Allow authors to edit their comments")
    (task,) = [t for t in context.tasks if t.target == "comments.py"]
    assert task.implement.startswith("ADD a `PUT` or `PATCH` endpoint (the router has none)")


def test_a_change_the_router_has_a_route_for_changes_that_route(tmp_path: Path) -> None:
    context = build_plan(_project(tmp_path), "Let authors delete comments of banned users")
    (task,) = [t for t in context.tasks if t.target == "comments.py"]
    assert task.implement.startswith("Change `DELETE /comments/{comment_id}` for:")
