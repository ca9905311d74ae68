"""The search: one tokenizer (mirrored by docs/assets/plan-search.js) and the sharded index writer."""
