"""Resumable batch runs (``--state-dir``): the same output as a plain run, finished shards are
never redone (also after a run killed with SIGKILL), and a damaged or stale marker is
recomputed, never trusted."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import newsbrief.dedup as dedup
import newsbrief.pipeline as pipeline
from newsbrief.dedup import body_signature
from newsbrief.errors import OptionError
from newsbrief.ingest import read_inputs
from newsbrief.model import RawDocument, Result
from newsbrief.pipeline import brief, extract_result
from newsbrief.run.state import ShardResult, ShardStore, shard_key

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "examples" / "demo"
SHARD = 4


def _markers(root: Path) -> dict[str, tuple[int, int]]:
    """Each stored shard file and its (inode, modification time in ns)."""
    return {
        p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in (root / "shards").rglob("*.json")
    }


@pytest.fixture()
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Sizes of the shards that were parsed and extracted (in-process runs)."""
    calls: list[int] = []
    real = pipeline._analyse_shard

    def analyse(articles):  # type: ignore[no-untyped-def]
        calls.append(len(articles))
        return real(articles)

    monkeypatch.setattr(pipeline, "_analyse_shard", analyse)
    return calls


def test_same_output_as_a_plain_run_and_nothing_redone(
    demo_result: Result, tmp_path: Path, counted: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = brief([DEMO], state_dir=str(tmp_path), shard_size=SHARD)
    assert first.to_json() == demo_result.to_json()
    shards = -(-len(demo_result.articles) // SHARD)
    assert len(counted) == shards and len(_markers(tmp_path)) == shards
    before = _markers(tmp_path)
    for path in (tmp_path / "shards").rglob("*.json"):  # each body's dedup signature is kept
        stored = ShardResult.model_validate_json(path.read_bytes())
        assert [s.body for s in stored.signatures] == [
            body_signature(a).body for a in stored.articles
        ]
    counted.clear()
    signed: list[str] = []
    real_signature = dedup.body_signature
    monkeypatch.setattr(
        dedup, "body_signature", lambda a, *o: signed.append(a.id) or real_signature(a, *o)
    )
    seen: list[tuple[str, int, int]] = []
    again = brief(
        [DEMO], state_dir=str(tmp_path), shard_size=SHARD, progress=lambda *a: seen.append(a)
    )
    assert again.to_json() == demo_result.to_json()
    assert counted == []  # nothing parsed
    assert signed == []  # dedup used the stored signatures
    assert ("resumed", shards, shards) in seen
    assert _markers(tmp_path) == before  # nothing rewritten


def test_a_lost_or_damaged_marker_is_recomputed(tmp_path: Path, counted: list[int]) -> None:
    plain = extract_result([DEMO], state_dir=str(tmp_path), shard_size=SHARD)
    files = sorted((tmp_path / "shards").rglob("*.json"))
    files[0].unlink()
    files[1].write_text('{"articles": [ cut', encoding="utf-8")
    counted.clear()
    again = extract_result([DEMO], state_dir=str(tmp_path), shard_size=SHARD)
    assert len(counted) == 2
    assert again.to_json() == plain.to_json()


def test_changed_inputs_or_options_do_not_reuse_results(tmp_path: Path) -> None:
    doc_dir = tmp_path / "in"
    doc_dir.mkdir()
    text = (
        "Quarry to close\n\nThe stone quarry at Holmby will close in May, its owner said on "
        "Monday, after 80 years of work.\n"
    )
    (doc_dir / "a.txt").write_text(text, encoding="utf-8")
    state = tmp_path / "state"
    first = extract_result([doc_dir], state_dir=str(state))
    (doc_dir / "a.txt").write_text(text.replace("80 years", "95 years"), encoding="utf-8")
    second = extract_result([doc_dir], state_dir=str(state))
    assert "95 years" in " ".join(second.articles[0].paragraphs)
    assert first.articles[0].paragraphs != second.articles[0].paragraphs
    raw = extract_result([doc_dir], state_dir=str(state), clean=False)
    assert len(_markers(state)) == 3  # one per distinct (content, options)
    assert raw.articles[0].removed == []


def test_key_depends_on_content_boilerplate_and_options() -> None:
    doc = RawDocument(source="a.txt", content="One.")
    base = shard_key([(doc, frozenset())], options=("clean", True))
    assert base == shard_key([(doc, frozenset())], options=("clean", True))
    assert base != shard_key([(doc, frozenset({"menu"}))], options=("clean", True))
    assert base != shard_key([(doc, frozenset())], options=("clean", False))
    other = doc.model_copy(update={"content": "Two."})
    assert base != shard_key([(other, frozenset())], options=("clean", True))


def test_unusable_state_folder_is_a_coded_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OptionError, match=r"\[E301\].*--state-dir"):
        ShardStore(blocker / "state").check()


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from newsbrief.cli import main; main()", *args]


def test_killed_run_resumes_without_redoing_finished_shards(tmp_path: Path) -> None:
    state = tmp_path / "state"
    args = ["extract", str(DEMO), "--state-dir", str(state), "--shard-size", "2"]
    proc = subprocess.Popen(
        _cli(*args, "--json", str(tmp_path / "killed.json")),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 240
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if len(_markers(state) if (state / "shards").is_dir() else {}) >= 2:
                proc.send_signal(signal.SIGKILL)
                break
            time.sleep(0.02)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    assert not (tmp_path / "killed.json").exists()
    done = _markers(state)
    docs = [x for x in read_inputs([DEMO]) if isinstance(x, RawDocument)]
    total = -(-len(docs) // 2)
    assert 2 <= len(done) < total

    resumed = subprocess.run(
        _cli(*args, "--json", str(tmp_path / "resumed.json")),
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    assert f"state: {len(done)} of {total} shard(s) loaded" in resumed.stderr
    after = _markers(state)
    assert {name: after[name] for name in done} == done  # finished shards were not redone
    assert len(after) == total
    others = [p for p in (state / "shards").rglob("*") if p.is_file() and p.suffix != ".json"]
    assert all(p.name.startswith(".") and p.suffix == ".tmp" for p in others)  # never read

    plain = subprocess.run(
        _cli("extract", str(DEMO), "--json", str(tmp_path / "plain.json")),
        capture_output=True,
        timeout=300,
        check=True,
    )
    assert plain.returncode == 0
    resumed_json = json.loads((tmp_path / "resumed.json").read_text(encoding="utf-8"))
    plain_json = json.loads((tmp_path / "plain.json").read_text(encoding="utf-8"))
    assert resumed_json == plain_json
    assert os.path.getsize(tmp_path / "resumed.json") == os.path.getsize(tmp_path / "plain.json")


def test_stale_temporary_files_are_swept_and_fresh_ones_kept(tmp_path: Path) -> None:
    store = ShardStore(tmp_path)
    folder = tmp_path / "shards" / "ab"
    folder.mkdir(parents=True)
    stale, fresh = folder / ".abcdef012345-x.tmp", folder / ".abcdef012345-y.tmp"
    done = folder / "abcdef.json"
    for path in (stale, fresh, done):
        path.write_text("{}")
    two_hours_ago = time.time() - 7200
    os.utime(stale, (two_hours_ago, two_hours_ago))
    os.utime(done, (two_hours_ago, two_hours_ago))
    store.check()  # a run starting on the folder sweeps what a killed run left
    assert not stale.exists()
    assert fresh.exists() and done.exists()  # another run's file in flight; a finished shard
