"""What people type, made into what the answers store: dates as lawyers write them, fragments as sentences."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {m.lower(): i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"], 1)}
_MONTHS.update({name[:3]: number for name, number in list(_MONTHS.items())})
_MONTHS["sept"] = 9

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_US = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
_WORDS = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")  # November 20, 2026 / Nov. 20, 2026
_DAY_FIRST = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$")  # 20 November 2026


def parse_date(text: str, today: dt.date | None = None) -> dt.date:
    """"2026-11-20", "11/20/2026", "11/20/26", "November 20, 2026", "Nov. 20, 2026", "today" → a date.

    ValueError names what was typed and the forms that work, ending with a full stop.
    """
    typed = text.strip()
    lower = typed.lower()
    if lower == "today":
        return today or dt.date.today()
    parts: tuple[int, int, int] | None = None
    if m := _ISO.match(typed):
        parts = int(m[1]), int(m[2]), int(m[3])
    elif m := _US.match(typed):
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        parts = year, int(m[1]), int(m[2])
    elif (m := _WORDS.match(typed)) and m[1].lower() in _MONTHS:
        parts = int(m[3]), _MONTHS[m[1].lower()], int(m[2])
    elif (m := _DAY_FIRST.match(typed)) and m[2].lower() in _MONTHS:
        parts = int(m[3]), _MONTHS[m[2].lower()], int(m[1])
    if parts is None:
        raise ValueError(f"'{typed}' is not a date; write it as 11/20/2026, November 20, 2026 or 2026-11-20.")
    try:
        return dt.date(*parts)
    except ValueError:
        raise ValueError(f"'{typed}' is not a day of the calendar; check the month and the day.") from None


_END = (".", "?", "!", ".)", ".”", ".\"", "…")


def as_sentence(text: str) -> str:
    """A fragment typed as an answer ("personnel files, 2019 to 2024") → a sentence the order can print:
    first letter capitalised, a full stop at the end. Text already ending a sentence is left as it is."""
    text = " ".join(text.split())
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith(_END) else text.rstrip(",;:") + "."
