import json
import os.path as osp

import shop.models.order
from shop import Product
from shop.models import product as p

TAX = 20


class Cart:
    """A cart of products."""

    def add(self, item: Product) -> None:
        self.items.append(item)

    def checkout(self) -> str:
        order = shop.models.order.Order(self)
        return json.dumps({"total": order.total(), "dir": osp.dirname(__file__)})


class GiftCart(Cart):
    def checkout(self) -> str:
        from shop.api.pricing import gift_price

        self.add(p.Product("gift", gift_price()))
        return super().checkout()
