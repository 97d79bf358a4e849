def test_courier(courier: str) -> None:
    assert courier == "courier:0"
