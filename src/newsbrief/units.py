"""Unit words shared by extraction (reading "$5m") and the renderers (writing "$5 million")."""

from __future__ import annotations

CURRENCY_SYMBOLS = {"$": "dollar", "€": "euro", "£": "pound", "¥": "yen", "₹": "rupee"}
"""A currency symbol and the unit name a quantity gets for it."""

SYMBOL_OF = {name: symbol for symbol, name in CURRENCY_SYMBOLS.items()}
"""A currency unit name and the symbol it is written with."""

PERCENT = "percent"
"""The unit of a percentage ("52%", "52 per cent")."""
