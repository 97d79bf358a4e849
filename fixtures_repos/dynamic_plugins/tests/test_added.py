pytest_plugins = ["tests.added.stock"]
# pytest reads the list once the module has run: what is added in place counts too
pytest_plugins.append("tests.added.price")
pytest_plugins += ["tests.added.cart"]


def test_basket(stock: str, price: str, cart: str) -> None:
    assert (stock, price, cart) == ("stock", "price", "cart")
