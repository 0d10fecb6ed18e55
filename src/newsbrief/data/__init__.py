"""Data files shipped with newsbrief (the fitted line model)."""
