"""A notes API in one file."""

from fastapi import FastAPI, HTTPException, WebSocket
from pydantic import BaseModel, Field

PREFIX = "/notes"

app = FastAPI(title="Notes")
_notes: dict[int, str] = {}


class Note(BaseModel):
    text: str = Field(..., min_length=1)


@app.get(PREFIX)
def list_notes() -> dict[int, str]:
    return _notes


@app.get(f"{PREFIX}/{{note_id}}")
def read_note(note_id: int) -> str:
    if note_id not in _notes:
        raise HTTPException(status_code=404, detail="note not found")
    return _notes[note_id]


@app.post(PREFIX, status_code=201)
def create_note(note: Note) -> int:
    note_id = len(_notes) + 1
    _notes[note_id] = note.text
    return note_id


@app.put(PREFIX + "/{note_id}")
@app.patch(PREFIX + "/{note_id}")
def update_note(note_id: int, note: Note) -> str:
    _notes[note_id] = note.text
    return note.text


@app.delete(PREFIX + "/{note_id}", status_code=204)
def delete_note(note_id: int) -> None:
    _notes.pop(note_id, None)


@app.api_route("/health", methods=["GET", "HEAD"])
def health() -> dict[str, str]:
    return {"status": "ok"}


@app.websocket("/ws")
async def echo(websocket: WebSocket) -> None:
    await websocket.accept()
    await websocket.send_text(await websocket.receive_text())
    await websocket.close()


def version() -> str:
    return "1.0"


app.add_api_route("/version", version, methods=["GET"])
