from shop.extra import register_extra
from shop.factory import create_app

app = create_app()


def run() -> None:
    register_extra(app)


run()
