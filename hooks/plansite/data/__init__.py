"""Reading plan_data/: safe YAML, validation into the typed model, cross-checks. No MkDocs."""
