"""What the pages know: the both-way index of the project (relations, in small frozen parts), the
mentions found in text (linking) and the records a one-plan preview keeps."""
