"""Reading a draft back: check, drafting memo, redlines, reports on profiles."""
