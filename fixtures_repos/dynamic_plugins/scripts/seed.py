# A script, not a conftest, test module or plugin: pytest never imports it, so this list
# loads nothing.
pytest_plugins = ["tests.fixtures._private"]
