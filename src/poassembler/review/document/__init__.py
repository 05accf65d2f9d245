"""Checking any protective order in Word: read it as displayed, outline it, run the document rules, annotate it."""
