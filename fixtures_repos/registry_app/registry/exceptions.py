"""Domain errors; registry.main maps them to HTTP responses."""


class RegistryError(Exception):
    """Base class of every registry error."""


class NotFoundError(RegistryError):
    def __init__(self, resource: str, key: str) -> None:
        super().__init__(f"{resource} {key!r} not found")
        self.resource = resource
        self.key = key


class DuplicateError(RegistryError):
    """A resource with the same unique name exists already."""
