"""The web form for frequent edits: a Decap CMS configuration made from the schemas (see config.py)."""
