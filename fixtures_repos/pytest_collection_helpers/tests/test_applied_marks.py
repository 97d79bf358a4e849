from helpers import apply_marks, pipeline_params


@apply_marks
class TestStreaming:
    def test_stream(self, db: str, model: str, stream: bool) -> None:
        assert model in ("small", "large")


@pipeline_params(argname="backend_kind")
def test_pipeline(db: str, model: str, backend_kind: str) -> None:
    assert backend_kind in ("pt", "tm")
