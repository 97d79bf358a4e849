from svc.app import ServiceApp
from svc.chunks import ChunksRouter
from svc.users import UsersRouter


def build() -> ServiceApp:
    routers = {
        "chunks_router": ChunksRouter("chunks").get_router(),
        "users_router": UsersRouter("users").router,
    }
    return ServiceApp(version="3", **routers)


async def start() -> ServiceApp:
    return build()
