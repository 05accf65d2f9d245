"""Answers to Word: case facts, clause selection, render context, docxtpl rendering, writing files."""
