from __future__ import annotations

import pytest

from render.errors import PlanError
from render.naming import plural, swap
from render.request import understand
from render.words import singular, split_identifier, terms

RESOURCES = {"server", "agent", "health"}


@pytest.mark.parametrize(
    ("text", "kind", "resource", "related"),
    [
        ("Add tag management to servers", "New Capability", "tag", ("server",)),
        ("Add pagination to the list servers endpoint", "Enhancement", "server", ("server",)),
        ("Fix 404 when deleting an unknown agent", "Bug Fix", "agent", ("agent",)),
        ("Refactor the server repository", "Refactor", "server", ("server",)),
        ("Add a categories resource with CRUD endpoints", "New Capability", "category", ()),
        ("Improve the health check", "Enhancement", "health", ("health",)),
        ("Add a priority field to servers", "Enhancement", "server", ("server",)),
        ("Add an owner column to agents", "Enhancement", "agent", ("agent",)),
        ("Fix the priority field of servers", "Bug Fix", "server", ("server",)),
    ],
)
def test_request_kind_and_resource(
    text: str, kind: str, resource: str, related: tuple[str, ...]
) -> None:
    request = understand(text, RESOURCES)
    assert (request.kind, request.resource, request.related) == (kind, resource, related)


def test_slug_is_bounded_kebab_case_of_ascii_words() -> None:
    assert understand("Add tag management to servers!", RESOURCES).slug == (
        "add-tag-management-to-servers"
    )
    long = understand("word " * 2000, RESOURCES)
    assert len(long.slug) <= 60 and long.slug.startswith("word-word")
    assert understand("../../etc/passwd; rm -rf ~", RESOURCES).slug == "etc-passwd-rm-rf"


def test_request_without_ascii_words_gets_a_stable_hashed_slug() -> None:
    first = understand("Ajouter des étiquettes ça", RESOURCES)
    assert first.slug == "ajouter-des-tiquettes-a"
    only_unicode = understand("添加标签", RESOURCES)
    assert only_unicode.slug.startswith("feature-") and len(only_unicode.slug) == 16
    assert understand("添加标签", RESOURCES).slug == only_unicode.slug


@pytest.mark.parametrize("text", ["", "   \n\t ", "!!! ???"])
def test_request_without_words_is_refused(text: str) -> None:
    with pytest.raises(PlanError):
        understand(text, RESOURCES)


def test_words() -> None:
    assert split_identifier("ServerRepository.get_server api-keys HTTPError") == [
        "server",
        "repository",
        "get",
        "server",
        "api",
        "keys",
        "http",
        "error",
    ]
    assert [singular(w) for w in ["categories", "boxes", "status", "addresses", "tags"]] == [
        "category",
        "box",
        "status",
        "address",
        "tag",
    ]
    assert terms("Add the Servers to an agent") == ["server", "agent"]


def test_swap_keeps_case_and_number_and_leaves_longer_words() -> None:
    assert plural("category") == "categories" and plural("box") == "boxes"
    text = "from registry.schemas.server import ServerCreate  # servers, getServer, observer"
    assert swap(text, "server", "category") == (
        "from registry.schemas.category import CategoryCreate  # categories, getCategory, observer"
    )
