"""What leaves the page: loudspeaker bulletins (read aloud), what changed (page and Atom feed), the
link-preview pictures (drawn, cached by content, in a pool)."""
