"""The paralegal toolkit: validate, lint, export, starters, schemas, preview."""
