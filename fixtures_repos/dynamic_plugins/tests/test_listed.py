import os

helper_modules = [
    name[:-3]
    for name in os.listdir("tests/helpers")
    if name.endswith(".py") and name != "__init__.py"
]
pytest_plugins = [f"tests.helpers.{module}" for module in helper_modules]


def test_token(token: str) -> None:
    assert token == "token of user of db"
