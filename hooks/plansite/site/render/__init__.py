"""The pages: one renderer per kind (render_*), all of them made by `pages.build_site`, rendered when
MkDocs reads them (lazy)."""
