from sqlmodel import Session

from app import crud
from app.models import ItemCreate, UserCreate


def test_create_item(db: Session) -> None:
    user = crud.create_user(
        session=db, user_in=UserCreate(email="owner@example.com", token="owner-token")
    )
    assert user.id is not None
    item = crud.create_item(session=db, item_in=ItemCreate(title="Bar"), owner_id=user.id)
    assert item.owner_id == user.id
