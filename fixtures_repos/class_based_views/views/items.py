from fastapi import APIRouter, Depends
from fastapi_restful.cbv import cbv

router = APIRouter(prefix="/items")


def get_store() -> dict[str, str]:
    return {}


@cbv(router)
class ItemViews:
    store: dict[str, str] = Depends(get_store)

    @router.get("/")
    def list_items(self) -> list[str]:
        return list(self.store)

    @router.get("/{item_id}")
    def get_item(self, item_id: str) -> str:
        return self.store[item_id]

    @router.delete("/{item_id}")
    def delete_item(self, item_id: str) -> None:
        self.store.pop(item_id, None)

    def helper(self) -> int:
        return len(self.store)


@router.get("/count/all")
def count() -> int:
    return 0
