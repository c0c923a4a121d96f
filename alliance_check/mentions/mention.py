"""The scanner's record: one value in a sentence, where it is and what it says."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mention:
    """One value in the text, with offsets relative to the text scanned."""

    start: int
    end: int
    kind: str
    value: float | str
    unit: str | None = None
    qualifier: str = "exact"
    precision: float | str = 1.0
    value_max: float | str | None = None
    num_start: int = 0
    num_end: int = 0
    spelled: bool = False
    yearlike: bool = False
    compound: str | None = None
    relative: bool = False
    note: str | None = None
    form: str = ""
    shift_days: int | None = None  # a day told from the day last mentioned ('the previous day')
    # the start of the mention this one restates in another unit or currency, in brackets after it
    # ('A$512 billion ($337 billion)', '250 metres (820 feet)'): the same amount, never a conflict
    restates: int | None = None
    earlier: bool = False  # the value before a change ('rose from 14 to 96'): not today's value
    top: int | None = None  # where a range's top end is written: '20 km' in 'between 10 and 20 km'
