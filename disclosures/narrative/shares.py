"""Shares of a whole (占比) that add up to exactly 100.00%, by largest-remainder rounding.

Rounding each share on its own can give 99.99% or 100.01% (three equal parts give
33.33% × 3); the examples then fudge one figure by hand (001 prints 52.50% for 52.51%).
Here every share is first rounded down to 0.01%, and the missing hundredths go to the
parts with the largest remainders, so the printed shares always total 100.00%.
"""

from decimal import ROUND_FLOOR, Decimal

HUNDREDTH = Decimal("0.01")


def shares(parts: list[Decimal]) -> list[Decimal]:
    """Percentages (two decimals) of ``parts`` in their sum; all zero when the sum is zero."""
    whole = sum(parts, Decimal(0))
    if whole <= 0:
        return [Decimal("0.00") for _ in parts]
    exact = [part * 100 / whole for part in parts]
    floors = [value.quantize(HUNDREDTH, rounding=ROUND_FLOOR) for value in exact]
    missing = int((Decimal(100) - sum(floors, Decimal(0))) / HUNDREDTH)
    # Largest remainder first; ties go to the earlier part (stable order).
    order = sorted(range(len(parts)), key=lambda i: exact[i] - floors[i], reverse=True)
    for i in order[:missing]:
        floors[i] += HUNDREDTH
    return floors


def share(part: Decimal, whole: Decimal) -> Decimal:
    """One percentage (two decimals) of ``part`` in ``whole``, for a single figure."""
    if whole <= 0:
        return Decimal("0.00")
    return shares([part, whole - part])[0]
