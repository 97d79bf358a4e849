from dataclasses import dataclass


@dataclass
class Product:
    sku: str
    price: int

    def discounted(self, percent: int) -> int:
        return self.price * (100 - percent) // 100
