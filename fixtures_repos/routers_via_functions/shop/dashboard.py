"""An endpoint that mounts a fresh app of its own factory when it is requested (gradio's
analytics dashboard): what an endpoint's body does runs per request, never while the app is
built, so the app serves its own two routes and nothing mounted."""

from fastapi import FastAPI


def create_dashboard_app() -> FastAPI:
    app = FastAPI()

    @app.get("/ping")
    def ping() -> bool:
        return True

    @app.get("/monitoring/{key}")
    def monitoring(key: str) -> dict[str, str]:
        mount_dashboard(app, f"/monitoring/{key}/dashboard")
        return {}

    return app


def mount_dashboard(app: FastAPI, path: str) -> None:
    app.mount(path, create_dashboard_app())


dashboard_app = create_dashboard_app()
