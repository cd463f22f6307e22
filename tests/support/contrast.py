"""WCAG 2.x contrast of two sRGB colours (``#rrggbb`` or ``rgb(r, g, b)``), for chart tests."""

import re


def _channels(colour: str) -> tuple[int, int, int]:
    colour = colour.strip().lower()
    if colour.startswith("#"):
        return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    if colour in ("white", "black"):
        return (255, 255, 255) if colour == "white" else (0, 0, 0)
    r, g, b = (int(v) for v in re.findall(r"\d+", colour)[:3])
    return r, g, b


def luminance(colour: str) -> float:
    def linear(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(v) for v in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
