from fastapi import FastAPI


class BaseManager:
    def get_app(self) -> FastAPI | None:
        return None


class SimpleManager(BaseManager):
    def get_app(self) -> FastAPI | None:
        app = FastAPI()

        @app.post("/token")
        def token() -> dict[str, str]:
            return {}

        return app


def create_manager() -> BaseManager:
    """Annotated with the base, returning a subclass (airflow's create_auth_manager)."""
    return SimpleManager()


def init_managers(app: FastAPI) -> None:
    manager = create_manager()
    if app and (sub := manager.get_app()):
        app.mount("/auth2", sub)
