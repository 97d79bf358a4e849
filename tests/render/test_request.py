from __future__ import annotations

import pytest

from render.errors import PlanError
from render.naming import plural, swap
from render.request import _slug, understand
from render.words import singular, split_identifier, terms

RESOURCES = {"server", "agent", "health"}
#: The other names a small project has: modules, classes, fields, route segments.
NAMES = ["registry/api/logout.py", "well-known", "A2AServer", "ServerService", "created_at"]
NAMES += ["api_key", "status", "name", "password", "comment", "labels", "lookup", "word"]
PROJECT = RESOURCES | {"team", "project", "user", "order", "member", "item", "case"}


@pytest.mark.parametrize(
    ("text", "kind", "resource", "related"),
    [
        ("Add tag management to servers", "New Capability", "tag", ("server",)),
        ("Add a tags field to servers", "Enhancement", "server", ("server",)),
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
    long = understand("word " * 2000, RESOURCES, NAMES)
    assert len(long.slug) <= 60 and long.slug.startswith("word-word")
    assert understand("../../etc/passwd; rm -rf ~ servers", RESOURCES).slug == (
        "etc-passwd-rm-rf-servers"
    )


def test_request_without_ascii_words_gets_a_stable_hashed_slug() -> None:
    first = understand("Ajouter des étiquettes ça aux servers", RESOURCES)
    assert first.slug == "ajouter-des-tiquettes-a-aux-servers"
    only_unicode = understand("添加标签 Server", RESOURCES)
    assert only_unicode.slug == "server"
    assert _slug("添加标签").startswith("feature-") and len(_slug("添加标签")) == 16
    assert _slug("添加标签") == _slug("添加标签") != _slug("添加")


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


# The requests of issue 12 and others like them: the target, the type, and no new resource
# made of a verb, an adjective or an adverb.
@pytest.mark.parametrize(
    ("text", "kind", "resource", "related"),
    [
        ("Disallow creating a team with a duplicate name", "Bug Fix", "team", ("team",)),
        ("Retrieve the live status in the lookup endpoint", "Enhancement", "lookup", ()),
        ("Handle missing project ids", "Bug Fix", "project", ("project",)),
        ("Log out suspended users", "Enhancement", "user", ("user",)),
        ("Let the current user change their password", "Enhancement", "user", ("user",)),
        ("Revoke a member's API keys", "Enhancement", "member", ("member",)),
        ("Add internal comments to orders", "Enhancement", "order", ("order",)),
        (
            "Add labels and owners fields to the list-projects request",
            "Enhancement",
            "project",
            ("project",),
        ),
        ("Add created_at to users and orders", "Enhancement", "user", ("user", "order")),
        ("Serve the well-known A2A agent card", "Enhancement", "agent", ("agent",)),
        ("Return 404 instead of 500 for unknown items", "Bug Fix", "item", ("item",)),
        ("Prevent deleting a server twice", "Bug Fix", "server", ("server",)),
        ("Don't return deleted agents", "Bug Fix", "agent", ("agent",)),
        ("Refactor health ServerService", "Refactor", "health", ("health", "server")),
        ("Gracefully reject empty server names", "Bug Fix", "server", ("server",)),
        ("Add a /health endpoint for load balancers", "New Capability", "health", ("health",)),
        ("Use the correct status for unknown servers", "Bug Fix", "server", ("server",)),
        ("Add server removal checks", "Enhancement", "server", ("server",)),
    ],
)
def test_verbs_adjectives_and_adverbs_never_become_resources(
    text: str, kind: str, resource: str, related: tuple[str, ...]
) -> None:
    request = understand(text, PROJECT, NAMES)
    assert (request.kind, request.resource, request.related) == (kind, resource, related)
    assert request.creates is None
    invented = {"disallow", "retrieve", "live", "handle", "log", "current", "revoke", "internal"}
    assert not invented & {t.term for t in request.targets}


# Who may act ("let users ...", "allow admins to ...") is not what changes; a resource named
# twice keeps its place of first mention.
@pytest.mark.parametrize(
    ("text", "resource", "related"),
    [
        ("Add comments to teams and let users filter orders by team", "team", ("team", "order")),
        ("Allow members to delete orders", "order", ("order",)),
        ("Allow members to delete comments", "member", ("member",)),
        ("Add a way for users to export orders", "order", ("order",)),
        ("Help members find projects by name", "project", ("project",)),
        ("Enable teams to share projects", "project", ("project",)),
        ("Let the current user change their password", "user", ("user",)),
        ("Allow users to be deleted by members", "user", ("user", "member")),
        ("Allow users to have many orders", "user", ("user", "order")),
        ("Add status to orders and to items of orders", "order", ("order", "item")),
        # acted on too, so not only who acts; and no one acts in "let orders ..."
        ("Let users list users by team", "user", ("user", "team")),
        ("Let orders reference projects", "order", ("order", "project")),
        # a compound naming who acts ("team members") is context as a whole
        ("Let team members edit projects", "project", ("project",)),
    ],
)
def test_who_acts_is_context_and_first_mention_leads(
    text: str, resource: str, related: tuple[str, ...]
) -> None:
    request = understand(text, PROJECT, NAMES)
    assert (request.resource, request.related) == (resource, related)


# A noun before another is a modifier of it ("a classroom booking" is a booking); what a
# "when"/"if" clause names is where the change happens, not what is made.
@pytest.mark.parametrize(
    ("text", "resource", "related"),
    [
        ("Add a waitlist when a team project is full", "project", ("project", "team")),
        ("Archive order items", "item", ("item", "order")),
        ("Notify members if an order item is late", "member", ("member", "item", "order")),
        ("Add a priority field to order items", "item", ("item", "order")),
    ],
)
def test_a_compound_s_head_leads_its_modifiers(
    text: str, resource: str, related: tuple[str, ...]
) -> None:
    request = understand(text, PROJECT, NAMES)
    assert (request.resource, request.related, request.creates) == (resource, related, None)


def test_compounds_hyphens_and_acronyms_match_the_project_names() -> None:
    request = understand(
        "Log out suspended users and serve the well-known A2A card", PROJECT, NAMES
    )
    assert {"logout", "wellknown", "a2a"} <= set(request.terms)
    assert "IDs" and "id" in understand("Handle missing project IDs", PROJECT, NAMES).terms


def test_roles_attributes_and_qualifiers() -> None:
    request = understand("Add labels and owners fields to the list-projects request", PROJECT)
    assert request.attributes == ("label", "owner")
    assert [(t.term, t.role) for t in request.targets] == [("project", "target")]
    assert understand("Log out suspended users", PROJECT, NAMES).qualifiers == ("suspended",)


def test_a_creation_verb_object_that_names_nothing_is_new() -> None:
    request = understand("Create invoices for orders", PROJECT, NAMES)
    assert (request.kind, request.creates, request.related) == (
        "New Capability",
        "invoice",
        ("order",),
    )


@pytest.mark.parametrize(
    ("text", "resource"),
    [
        ("Add rate limiting to the login endpoint", "login"),
        ("Add request logging to orders", "order"),
        ("Add response caching to the list orders endpoint", "order"),
    ],
)
def test_an_activity_on_a_noun_is_no_new_resource(text: str, resource: str) -> None:
    # "rate limiting" limits a rate: the request adds an activity to what exists
    request = understand(text, PROJECT, [*NAMES, "users/login"])
    assert (request.creates, request.kind, request.resource) == (None, "Enhancement", resource)


@pytest.mark.parametrize("text", ["asdf qwer", "add asdf", "the and of"])
def test_a_request_naming_nothing_in_the_project_is_refused_with_the_closest(text: str) -> None:
    with pytest.raises(PlanError, match="names nothing in the project; closest") as error:
        understand(text, PROJECT, NAMES)
    assert "\n" not in str(error.value)


def test_match_share_tracks_how_much_of_the_request_the_project_names() -> None:
    full = understand("Add created_at to users and orders", PROJECT, NAMES).matched
    half = understand("Add created_at to users and unicorns", PROJECT, NAMES).matched
    assert full == 1.0 and 0 < half < full


def test_swap_renames_whole_words_only() -> None:
    text = "from fastapi.security import OAuth2PasswordRequestForm  # get_auth, AuthService"
    assert swap(text, "auth", "current") == (
        "from fastapi.security import OAuth2PasswordRequestForm  # get_current, CurrentService"
    )
    assert swap("SERVERS server2 Servers", "server", "tag") == "TAGS server2 Tags"


@pytest.mark.parametrize(
    ("text", "unsaid"),
    [
        ("Make server listing better", "server listing"),
        ("Improve agents", "agents"),
        ("Enhance the health handling", "health handling"),
    ],
)
def test_a_request_asking_only_that_something_be_better_is_unclear(text: str, unsaid: str) -> None:
    unclear = understand(text, RESOURCES).unclear
    assert unclear == f"it asks for {unsaid} to be better without saying what should change"


@pytest.mark.parametrize(
    "text",
    [
        "Make server listing faster",  # a quality: what better means
        "Improve the error message when a server is not found",  # what to change
        "Make the server name optional",
        "Improve servers with a priority field",
        "Add tag management to servers",
    ],
)
def test_a_request_saying_what_should_change_is_clear(text: str) -> None:
    assert understand(text, RESOURCES).unclear is None


def test_a_name_the_project_has_counts_as_what_exists_in_an_unclear_request() -> None:
    """ "lookup" is no resource here, but the project has it (a module, a field): asking for
    it to be better still says no change."""
    unclear = understand("Make the lookup better", RESOURCES, NAMES).unclear
    assert unclear == "it asks for lookup to be better without saying what should change"
