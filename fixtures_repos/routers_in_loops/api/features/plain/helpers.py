"""A feature package without a router: importing ``api.features.plain.router`` raises."""
