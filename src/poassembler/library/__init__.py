"""Reading the data: answers files, jurisdiction profiles, clauses, library folders."""
