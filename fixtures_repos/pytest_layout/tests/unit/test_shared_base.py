class TestShared:
    def test_uses_db(self, db: str) -> None:
        assert db


class TestSharedChild(TestShared):
    def test_own(self) -> None:
        pass
