from fastapi import FastAPI


def make_offline(app: FastAPI) -> None:
    """Serves the docs' assets locally, at paths read from the app it is given into locals
    first (Langchain-Chatchat's MakeFastAPIOffline)."""
    redirect_url = app.swagger_ui_oauth2_redirect_url
    openapi_url = app.openapi_url

    @app.get(redirect_url, include_in_schema=False)
    async def swagger_ui_redirect() -> dict[str, str]:
        return {}

    @app.get(openapi_url + "/copy", include_in_schema=False)
    async def openapi_copy() -> dict[str, str]:
        return {}
