from fastapi import FastAPI

from api.routers import flows, runs


def include_chosen(app: FastAPI) -> None:
    """Routers looked up per loop item in a dict of modules (tabbyAPI's router_mapping)."""
    router_modules = {"flows": flows, "runs": runs}
    for kind in ["FLOWS", "Runs"]:
        chosen = router_modules.get(kind.lower())
        if chosen:
            app.include_router(chosen.router, prefix="/chosen")
    for kind in ["runs"]:
        picked = router_modules[kind]
        app.include_router(picked.router, prefix="/picked")
