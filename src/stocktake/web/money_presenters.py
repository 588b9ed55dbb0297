"""Display formatting for money: pounds, and shares of a whole."""

from __future__ import annotations


def pounds(value: float | None) -> str:
    """'£1,200,000'; '' for none."""
    return "" if value is None else f"£{value:,.0f}"


def pounds_signed(value: float | None) -> str:
    """A variance in pounds with its sign: '+£12,000', or a minus sign (U+2212) before '£3,500'."""
    if value is None:
        return ""
    shown = pounds(abs(value))
    if round(value) == 0:
        return shown
    return f"+{shown}" if value > 0 else f"\N{MINUS SIGN}{shown}"


def share(value: float | None) -> str:
    """A share of a whole as a percentage: '48%'; '' for none."""
    return "" if value is None else f"{value:.0%}"


FILTERS = {"pounds": pounds, "pounds_signed": pounds_signed, "share": share}
