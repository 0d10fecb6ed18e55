"""Ingest under stress (issue 10): two ingests at once, and an ingest killed and rerun, leave
every article stored exactly once, on SQLite and on PostgreSQL.

The ingests run as real ``newsbrief ingest`` processes over a small corpus written here (three
short fictional reports), so the kill lands wherever the process happens to be.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsbrief.store import Store

REPORTS = {
    "quay.txt": (
        "Harbour quay closes after storm\n\n"
        "The Harbour Authority closed the north quay on Monday after a storm cracked its wall. "
        "“Nobody may fish here until the wall is safe,” the authority said in a statement.\n\n"
        "Repairs will cost about 2.4 million marks, according to the authority."
    ),
    "ferry.txt": (
        "Ferry to Selvik resumes on Friday\n\n"
        "The ferry between Port Elin and Selvik will run again on Friday, its operator said. "
        "“We have checked every hull twice,” said Ada Ruiz, the operator's chief engineer.\n\n"
        "About 1,200 passengers use the crossing each day."
    ),
    "nets.txt": (
        "Fishermen count the cost of the storm\n\n"
        "Omar Reyes, a fisherman, lost three boats in Monday's storm. “The nets come up empty "
        "and the boats are gone,” he said.\n\n"
        "The fishermen's union said 40 boats were damaged along the coast."
    ),
}


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _ingest(folder: Path, db: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", "from newsbrief.cli import main; main()", "ingest", str(folder)]
        + ["--db", db, "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _stored_once(db: str) -> None:
    with Store(db) as store:
        assert store.counts()["articles"] == len(REPORTS)


def test_two_ingests_at_once_store_each_article_once(tmp_path: Path, db_url: str) -> None:
    folder = _corpus(tmp_path)
    runs = [_ingest(folder, db_url), _ingest(folder, db_url)]
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err.decode()
    _stored_once(db_url)


@pytest.mark.parametrize("delay", [2.0, 5.0, 8.0])
def test_killed_ingest_rerun_stores_each_article_once(
    tmp_path: Path, db_url: str, delay: float
) -> None:
    folder = _corpus(tmp_path)
    first = _ingest(folder, db_url)
    time.sleep(delay)  # loading, parsing or writing, depending on the machine
    first.kill()
    first.wait(timeout=60)
    again = _ingest(folder, db_url)
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err.decode()
    _stored_once(db_url)
