"""The database engine; an in-memory SQLite database unless DATABASE_URL says otherwise."""

from sqlmodel import Session, SQLModel, create_engine
from sqlmodel.pool import StaticPool

from app.core.config import settings

engine = create_engine(
    settings.DATABASE_URL, connect_args={"check_same_thread": False}, poolclass=StaticPool
)


def init_db(session: Session) -> None:
    SQLModel.metadata.create_all(engine)
    session.commit()
