"""Escaped HTML and the words every page shares: markup helpers, labels, headings, the glossary's
first-use marks, statuses, the site's identity and the navigation pages' subject words."""
