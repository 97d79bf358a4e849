# csxl's course tests: two modules' fixtures of one name, imported under aliases; pytest
# registers each under its alias (an autouse one too)
from .rooms_data import fake_data as seed_rooms
from .terms_data import fake_data as seed_terms


def test_both_seeds(seed_rooms: dict[str, str], seed_terms: dict[str, str]) -> None:
    assert seed_rooms == {"rooms": "services"}
    assert seed_terms == {"terms": "fall"}
