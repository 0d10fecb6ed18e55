"""Scorers for the public labelled data sets, and the harness that runs them with quality floors.

Each scorer reads a data set from the shared data folder (never copied into this repository),
runs the matching newsbrief stage on it and returns flat ``{metric: number}`` scores; see
:mod:`newsbrief.eval.harness` and ``bench/quality.py``.
"""
