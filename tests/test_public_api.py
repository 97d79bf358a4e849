from __future__ import annotations

import codeintel


def test_every_public_name_is_exported() -> None:
    public = {name for name in vars(codeintel) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(codeintel, name)).__name__ == "module"}
    assert sorted(public - modules - {"annotations"}) == sorted(codeintel.__all__)
