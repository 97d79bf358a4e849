"""Framework facts on the graph: FastAPI routes and Depends, schemas, fixtures, services."""
