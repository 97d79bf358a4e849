import sys
from pathlib import Path

# The app is served from inside src/ (``uvicorn app.main:app`` run there).
sys.path.insert(0, str(Path(__file__).parent / "src"))
