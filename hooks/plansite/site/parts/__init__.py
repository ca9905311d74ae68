"""Parts of pages, read from the index: front matter, crumbs and paged lists, filters, notices of ended
plans, link previews, charts, a task's reports and its feedback box, the Zalo message."""
