from fastapi import APIRouter

wallet_router = APIRouter(prefix="/api/v1/wallet")
PROXY_METHODS = ["GET", "POST", "DELETE"]
REGISTRATION_ENABLED = True


@wallet_router.get("")
async def wallet() -> dict[str, str]:
    return {}


@wallet_router.api_route("/proxy/{path:path}", methods=PROXY_METHODS)
async def proxy(path: str) -> dict[str, str]:
    return {"path": path}


async def register() -> dict[str, str]:
    return {}


if REGISTRATION_ENABLED:
    register = wallet_router.post("/register")(register)


def health(name: str):  # noqa: ANN201
    async def _health() -> dict[str, str]:
        return {"name": name}

    return _health


wallet_router.add_api_route("/health", health(name="wallet"), methods=["GET"])

STREAM_OPTIONS = {"methods": ["GET", "POST", "DELETE"]}


@wallet_router.api_route("/stream", **STREAM_OPTIONS)
async def stream() -> dict[str, str]:
    return {}
