from fastapi import FastAPI


def create_pages() -> FastAPI:
    pages = FastAPI()

    def attach(page: str) -> None:
        @pages.get(f"/{page}")
        def page_route() -> str:
            return page

    for page in ("home", "about"):
        attach(page)
    return pages
