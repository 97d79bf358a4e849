from tests.unit.test_shared_base import TestShared, TestTokens


class TestReused(TestShared):
    def test_uses_db(self, db: str, tmp_path: object) -> None:
        assert db and tmp_path


__all__ = ["TestTokens"]
