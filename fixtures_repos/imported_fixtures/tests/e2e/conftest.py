# tests/e2e has no __init__.py: pytest puts this folder first on sys.path before importing
# this conftest, so its `support` package imports by that bare name (agenta's suite).
from support.accounts import account  # noqa: F401
