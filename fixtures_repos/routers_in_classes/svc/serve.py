from svc.builder import build

# The service's own app, served directly (``uvicorn svc.serve:app``).
app = build().app
