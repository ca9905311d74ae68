"""Plan site: plan_data/ YAML → validated model → Markdown pages, without MkDocs."""
