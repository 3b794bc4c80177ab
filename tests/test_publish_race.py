"""Two runs writing one new file at once: one wins, the other says the file exists (exit 6).

The race is made deterministic: the other writer's file appears at the last
possible moment, as this run publishes its own (inside os.link, or os.replace
where owes used that), not by timing two processes.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import run_owes

THEIRS = b"<svg>the other run's map</svg>"


def _other_writer_first(real: Callable[..., Any], target: Path) -> Callable[..., Any]:
    def publish(source: Any, destination: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(destination) == target and not target.exists():
            target.write_bytes(THEIRS)  # the other run published a moment ago
        return real(source, destination, *args, **kwargs)

    return publish


def test_of_two_racing_writers_the_second_exits_6_and_keeps_the_first_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "r.svg"
    monkeypatch.setattr(os, "link", _other_writer_first(os.link, target))
    monkeypatch.setattr(os, "replace", _other_writer_first(os.replace, target))
    done = run_owes("map", "-o", str(target), "--on", "2014-06-01")
    assert done.exit_code == 6, done.stderr
    assert "already exists" in done.stderr and "--force" in done.stderr
    assert target.read_bytes() == THEIRS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.svg"]  # no temporary file left


def test_force_replaces_what_the_other_writer_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "r.svg"
    monkeypatch.setattr(os, "replace", _other_writer_first(os.replace, target))
    done = run_owes("map", "-o", str(target), "--on", "2014-06-01", "--force")
    assert done.exit_code == 0, done.stderr
    assert target.read_bytes().startswith(b"<?xml") or b"<svg" in target.read_bytes()[:200]
    assert target.read_bytes() != THEIRS


@pytest.mark.parametrize("code", [errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK])
def test_where_hard_links_are_not_supported_the_file_is_still_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    def no_links(*args: Any, **kwargs: Any) -> None:
        raise OSError(code, os.strerror(code))  # FAT, some network and FUSE file systems

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "r.svg"
    done = run_owes("map", "-o", str(target), "--on", "2014-06-01")
    assert done.exit_code == 0, done.stderr
    assert b"<svg" in target.read_bytes()[:400]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.svg"]
    again = run_owes("map", "-o", str(target), "--on", "2017-06-01")
    assert again.exit_code == 6 and "already exists" in again.stderr
