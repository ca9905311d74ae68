"""Pages from the model: addresses, the both-way index, mention linking, escaping, renderers. No MkDocs."""
