"""Open data: the model written out as files anyone can take away (the site's du-lieu/ folder).

Made from the loaded `Project`, never scraped from the HTML, as {site path: bytes}: the same bytes
for the same data and build date.

    records   every record as JSON, keys in its schema's order (data/schema.py)
    table     a CSV table: its columns (name, type, meaning, how each cell is read from a row), the writer
    tables    the four CSV tables: tasks, agencies, legal documents, task reports
    catalogue every published file: its address, format and meaning (the data page lists the same)
    package   the Frictionless Data Package descriptor, datapackage.json
    files     export_files(): all of them together
"""
