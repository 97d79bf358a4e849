from svc.base import BaseRouter


class ChunksRouter(BaseRouter):
    def _setup_routes(self) -> None:
        @self.router.get("/chunks")
        async def list_chunks() -> list[str]:
            return []

        @self.router.delete("/chunks/{chunk_id}")
        async def delete_chunk(chunk_id: str) -> None:
            return None

    async def status(self) -> str:
        return "chunks"
