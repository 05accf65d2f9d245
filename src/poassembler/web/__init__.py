"""`poassembler serve`: the interview as a local browser form (Starlette + Jinja2 + htmx).

`app.py` routes, `security.py` the Host check and CSRF token, `session.py` one case's answers file
driven through the interview plan, `steps.py` lays that plan out as pages, `fields.py` turns form
values into answers, `downloads.py` renders the outputs, `server.py` starts it on loopback.
"""
