"""A classmethod that declares routes, called on subclasses (aim's per-sequence API
configs): ``cls`` is the class it is called on, so each subclass's attributes name its
paths, and a classmethod of the class an attribute holds gives a part of one."""

from fastapi import APIRouter


class Images:
    @classmethod
    def label(cls) -> str:
        return "images"


class Texts:
    @classmethod
    def label(cls) -> str:
        return "texts"


class PageConfig:
    name = "base"
    kind: type = Images

    @classmethod
    def register(cls, router: APIRouter) -> None:
        label = cls.kind.label()

        @router.get(f"/pages/{cls.name}")
        def page() -> str:
            return cls.name

        @router.get(f"/pages/{cls.name}/{label}")
        def labelled() -> str:
            return label


class AlphaPage(PageConfig):
    name = "alpha"


class BetaPage(PageConfig):
    name = "beta"
    kind = Texts


pages = APIRouter()
AlphaPage.register(pages)
BetaPage.register(pages)
