"""The MkDocs side: state kept across `mkdocs serve` rebuilds, building and atomic publishing."""
