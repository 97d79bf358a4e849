"""An in-memory repository base; a real deployment swaps in a database."""

from typing import Generic, TypeVar

T = TypeVar("T")


class InMemoryRepository(Generic[T]):
    def __init__(self) -> None:
        self._items: dict[str, T] = {}

    def get(self, key: str) -> T | None:
        return self._items.get(key)

    def list(self) -> list[T]:
        return [self._items[key] for key in sorted(self._items)]

    def add(self, key: str, item: T) -> None:
        self._items[key] = item

    def delete(self, key: str) -> bool:
        return self._items.pop(key, None) is not None

    def clear(self) -> None:
        self._items.clear()
