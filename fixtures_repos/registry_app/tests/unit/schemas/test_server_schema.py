import pytest
from pydantic import ValidationError

from registry.schemas.server import ServerCreate


@pytest.mark.unit
def test_name_must_be_a_slug() -> None:
    with pytest.raises(ValidationError):
        ServerCreate(name="not a slug", url="https://w.example")
