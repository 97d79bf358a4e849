from helpers import apply_marks, maybe_db, pipeline_params


@apply_marks
class TestStreaming:
    def test_stream(self, db: str, model: str, stream: bool) -> None:
        assert model in ("small", "large")


@pipeline_params(argname="backend_kind")
def test_pipeline(db: str, model: str, backend_kind: str) -> None:
    assert backend_kind in ("pt", "tm")


@maybe_db(False)
def test_real_db(db: str) -> None:
    assert db != "fake"


@maybe_db(True)
def test_fake_db(db: str) -> None:
    assert db == "fake"
