"""Per-file facts from one parsed module (symbols, imports, references), extracted in parallel."""
