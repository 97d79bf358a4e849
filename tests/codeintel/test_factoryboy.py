"""Fixtures pytest-factoryboy's ``register`` makes: names, visibility and what each asks for,
as pytest-factoryboy 2.8.1 (factory_boy 3.3) makes them for the same project."""

from __future__ import annotations

from pathlib import Path

import codeintel

FACTORIES = """\
import factory
from pytest_factoryboy import LazyFixture


class Author:
    def __init__(self, name, **kwargs):
        self.name = name


class Book:
    def __init__(self, title, author, **kwargs):
        self.title = title


class APIClient:
    def __init__(self, **kwargs):
        pass


class AuthorFactory(factory.Factory):
    class Meta:
        model = Author

    name = "Ann"
    _private = 1


class BookFactory(factory.Factory):
    class Meta:
        model = Book

    title = "Dune"
    author = factory.SubFactory(AuthorFactory)
    editor = LazyFixture("author")

    class Params:
        signed = False
        fancy = factory.Trait(title="Fancy")

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        return None

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return model_class(*args, **kwargs)

    def helper(self):
        return 1


class BaseClientFactory(factory.Factory):
    class Meta:
        model = APIClient

    key = "k"


class APIClientFactory(BaseClientFactory):
    secret = "s"


class Pen:
    def __init__(self, **kwargs):
        pass


Quill = Pen


class QuillFactory(factory.Factory):
    class Meta:
        model = Quill

    ink = "blue"


class ShelfFactory(factory.Factory):
    class Meta:
        model = "shelf"

    book = factory.SubFactory("tests.factories.BookFactory")
"""

CONFTEST = """\
from pytest_factoryboy import LazyFixture, register

from tests.factories import (
    APIClientFactory,
    AuthorFactory,
    BookFactory,
    QuillFactory,
    ShelfFactory,
)

register(AuthorFactory)
register(AuthorFactory, "second_author")
register(BookFactory)
register(BookFactory, "signed_book", title=LazyFixture("author"))
register(QuillFactory)
register(ShelfFactory)


@register
class LocalFactory(APIClientFactory):
    pass
"""

#: pytest's own view of the project above (each fixture's argnames; all seen below tests/)
PYTEST = {
    "api_client": ("request", "api_client__key", "api_client__secret"),
    "api_client__key": ("request",),
    "api_client__secret": ("request",),
    "author": ("request", "author__name"),
    "author__name": ("request",),
    "author_factory": ("request",),
    "book": (
        "request",
        "book__title",
        "book__author",
        "book__editor",
        "book__tags",
        "book__helper",
        "book__signed",
    ),
    "book__author": ("request", "author__name", "author"),
    "book__editor": ("request", "author"),
    "book__helper": ("request",),
    "book__signed": ("request",),
    "book__tags": ("request",),
    "book__title": ("request",),
    "book_factory": ("request",),
    "local_factory": ("request",),
    "pen": ("request", "pen__ink"),
    "pen__ink": ("request",),
    "quill_factory": ("request",),
    "second_author": ("request", "second_author__name"),
    "second_author__name": ("request",),
    "shelf": ("request", "shelf__book"),
    "shelf__book": (
        "request",
        "book__title",
        "book__author",
        "book__editor",
        "book__tags",
        "book__helper",
        "book__signed",
        "book",
    ),
    "shelf_factory": ("request",),
    "signed_book": (
        "request",
        "signed_book__title",
        "signed_book__author",
        "signed_book__editor",
        "signed_book__tags",
        "signed_book__helper",
        "signed_book__signed",
    ),
    "signed_book__author": ("request", "author__name", "author"),
    "signed_book__editor": ("request", "author"),
    "signed_book__helper": ("request",),
    "signed_book__signed": ("request",),
    "signed_book__tags": ("request",),
    "signed_book__title": ("request", "author"),
}


def _project(root: Path, conftest: str) -> codeintel.CodeGraph:
    (root / "tests").mkdir()
    (root / "tests" / "__init__.py").write_text("")
    (root / "tests" / "factories.py").write_text(FACTORIES)
    (root / "tests" / "conftest.py").write_text(conftest)
    return codeintel.analyze(root, cache=False)


def test_registered_factories_make_the_fixtures_pytest_factoryboy_makes(tmp_path: Path) -> None:
    graph = _project(tmp_path, CONFTEST)
    made = {f.name: f for f in graph.fixtures()}
    assert {name: f.requests for name, f in made.items()} == PYTEST
    assert {(f.file, f.visible_from) for f in made.values()} == {("tests/conftest.py", "tests")}
    assert sorted(graph.visible_fixtures("tests/test_x.py")) == sorted(PYTEST)
    assert graph.visible_fixtures("other/test_y.py") == {}
    assert graph.diagnostics == ()


def test_a_factory_that_cannot_be_read_is_reported(tmp_path: Path) -> None:
    graph = _project(
        tmp_path,
        "from pytest_factoryboy import register\nfrom vendor import UserFactory\n\n"
        "register(UserFactory)\n",
    )
    assert list(graph.fixtures()) == []
    assert [(d.code, d.file, d.line) for d in graph.diagnostics] == [
        ("CI205", "tests/conftest.py", 4)
    ]


def test_factories_registered_in_a_loop_over_a_list_are_each_registered(tmp_path: Path) -> None:
    """``for factory_class in [AuthorFactory, QuillFactory]: register(factory_class)``: each
    factory's fixtures, as unrolled; we saw none (a CI205)."""
    graph = _project(
        tmp_path,
        "from pytest_factoryboy import register\n\n"
        "from tests.factories import AuthorFactory, QuillFactory\n\n"
        "for factory_class in [AuthorFactory, QuillFactory]:\n    register(factory_class)\n",
    )
    names = ("author", "author__name", "author_factory", "pen", "pen__ink", "quill_factory")
    assert {f.name: f.requests for f in graph.fixtures()} == {n: PYTEST[n] for n in names}
    assert graph.diagnostics == ()
