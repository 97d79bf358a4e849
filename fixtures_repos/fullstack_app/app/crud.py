"""Database operations, as plain functions taking a session."""

from sqlmodel import Session, select

from app.models import Item, ItemCreate, User, UserCreate


def create_user(*, session: Session, user_in: UserCreate) -> User:
    user = User.model_validate(user_in)
    session.add(user)
    session.commit()
    session.refresh(user)
    return user


def get_user_by_token(*, session: Session, token: str) -> User | None:
    return session.exec(select(User).where(User.token == token)).first()


def create_item(*, session: Session, item_in: ItemCreate, owner_id: int) -> Item:
    item = Item.model_validate(item_in, update={"owner_id": owner_id})
    session.add(item)
    session.commit()
    session.refresh(item)
    return item
