"""The storage backends: a subpackage the app's package also has."""


class Backend:
    pass
