"""A classmethod that declares routes, called on subclasses (aim's per-sequence API
configs): ``cls`` is the class it is called on, so each subclass's attributes name its
paths."""

from fastapi import APIRouter


class PageConfig:
    name = "base"

    @classmethod
    def register(cls, router: APIRouter) -> None:
        @router.get(f"/pages/{cls.name}")
        def page() -> str:
            return cls.name


class AlphaPage(PageConfig):
    name = "alpha"


class BetaPage(PageConfig):
    name = "beta"


pages = APIRouter()
AlphaPage.register(pages)
BetaPage.register(pages)
