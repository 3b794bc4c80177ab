"""The checked dataset is kept between runs, and an entry is used only when it can be trusted."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import BUNDLED, run_owes

from owes_cli.domain import dataset, dataset_cache

TRUE_NAME = "Żarski"  # what the bundled data calls the county żarski; tampered entries say otherwise
TAMPERED = "TAMPERED-IN-CACHE"


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    data = tmp_path / "centres.toml"
    shutil.copyfile(BUNDLED, data)
    return data, {"XDG_CACHE_HOME": str(tmp_path / "cache")}


def ask(data: Path, env: dict[str, str], *extra: str) -> str:
    """The county's name as a fresh run answers it (this process also keeps what it loaded)."""
    dataset._cache.clear()
    done = run_owes(*extra, "which-centre", "--county", "0811", "--format", "json", "--data", str(data), env=env)
    assert done.exit_code == 0, done.stderr
    assert done.stderr == ""
    name: str = json.loads(done.stdout)["county"]["name"]
    return name


def entries(env: dict[str, str]) -> list[Path]:
    folder = Path(env["XDG_CACHE_HOME"]) / "owes"
    return sorted(folder.glob("dataset-*.json")) if folder.is_dir() else []


def tamper(entry: Path, **key_changes: object) -> None:
    """Rename the county in a valid entry, so that a run that trusts it shows so."""
    stored = json.loads(entry.read_text(encoding="utf-8"))
    for county in stored["raw"]["counties"]:
        if county["teryt"] == "0811":
            county["name"] = TAMPERED
    stored["key"].update(key_changes)
    entry.write_bytes(dataset_cache.encode(stored["key"], stored["raw"]))  # as owes writes an entry
    entry.chmod(0o600)


def test_the_first_run_keeps_the_checked_dataset_and_the_next_uses_it(setup: tuple[Path, dict[str, str]]) -> None:
    data, env = setup
    assert ask(data, env).lower() == TRUE_NAME.lower()
    [entry] = entries(env)
    assert entry.stat().st_mode & 0o077 == 0
    tamper(entry)
    # The entry matches the file, so it is what the next run reads.
    assert ask(data, env) == TAMPERED


def test_a_corrupt_entry_is_ignored_and_rebuilt(setup: tuple[Path, dict[str, str]]) -> None:
    data, env = setup
    ask(data, env)
    [entry] = entries(env)
    for garbage in (b"", b"{not json", b"\xff\xfe\x00", b"[]", b'{"key": 1, "raw": []}', b"[" * 100_000):
        entry.write_bytes(garbage)
        assert ask(data, env).lower() == TRUE_NAME.lower()
        assert json.loads(entry.read_text(encoding="utf-8"))["raw"]["schema"] == 1  # rewritten whole


def test_a_valid_looking_entry_of_the_wrong_shape_is_not_trusted(setup: tuple[Path, dict[str, str]]) -> None:
    data, env = setup
    ask(data, env)
    [entry] = entries(env)
    stored = json.loads(entry.read_text(encoding="utf-8"))
    del stored["raw"]["counties"][0]["kind"]
    entry.write_text(json.dumps(stored), encoding="utf-8")
    assert ask(data, env).lower() == TRUE_NAME.lower()


def test_an_entry_others_may_write_is_foreign_and_ignored(setup: tuple[Path, dict[str, str]]) -> None:
    data, env = setup
    ask(data, env)
    [entry] = entries(env)
    tamper(entry)
    entry.chmod(0o666)
    assert ask(data, env).lower() == TRUE_NAME.lower()
    tamper(entry)
    entry.parent.chmod(0o777)  # a directory anyone may write: nothing in it is read
    assert ask(data, env).lower() == TRUE_NAME.lower()


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="giving a file away needs root")
def test_an_entry_owned_by_another_user_is_ignored(setup: tuple[Path, dict[str, str]]) -> None:
    data, env = setup
    ask(data, env)
    [entry] = entries(env)
    tamper(entry)
    os.chown(entry, 12345, 12345)
    assert ask(data, env).lower() == TRUE_NAME.lower()


@pytest.mark.parametrize(
    "change",
    [
        {"checked_by": ["owes-checked-dataset/0"]},  # another version of the checking code or register
        {"format": "owes-checked-dataset/0"},
        {"mtime_ns": 1},
        {"crc32": 0},
    ],
)
def test_an_outdated_entry_is_ignored(setup: tuple[Path, dict[str, str]], change: dict[str, object]) -> None:
    data, env = setup
    ask(data, env)
    [entry] = entries(env)
    tamper(entry, **change)
    assert ask(data, env).lower() == TRUE_NAME.lower()


def test_an_edited_dataset_is_checked_again(setup: tuple[Path, dict[str, str]]) -> None:
    data, env = setup
    ask(data, env)
    mtime = data.stat().st_mtime_ns
    # The same size and modification time: only the checksum tells.
    data.write_text(data.read_text(encoding="utf-8").replace("wschowski", "wschowskx"), encoding="utf-8")
    os.utime(data, ns=(mtime, mtime))
    dataset._cache.clear()
    done = run_owes("validate", str(data), env=env)
    assert done.exit_code != 0
    bad = run_owes("which-centre", "--county", "0811", "--data", str(data), env=env)
    assert bad.exit_code != 0 and "wschowskx" in bad.stderr


def test_an_unwritable_cache_directory_costs_only_speed(setup: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    data, _ = setup
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory would be", encoding="utf-8")
    for env in ({"XDG_CACHE_HOME": str(blocker)}, {"XDG_CACHE_HOME": str(blocker / "below")}):
        assert ask(data, env).lower() == TRUE_NAME.lower()
        assert ask(data, env).lower() == TRUE_NAME.lower()


@pytest.mark.parametrize("switch", ["option", "variable"])
def test_no_cache_reads_the_file_and_keeps_nothing(setup: tuple[Path, dict[str, str]], switch: str) -> None:
    data, env = setup
    extra = ("--no-cache",) if switch == "option" else ()
    off = {**env, dataset_cache.NO_CACHE_ENV: "1"} if switch == "variable" else env
    assert ask(data, off, *extra).lower() == TRUE_NAME.lower()
    assert entries(env) == []
    ask(data, env)
    [entry] = entries(env)
    tamper(entry)
    assert ask(data, off, *extra).lower() == TRUE_NAME.lower()
    assert ask(data, env) == TAMPERED  # the switch lasts one run


def test_the_cache_keeps_a_bounded_number_of_entries(tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    for i in range(dataset_cache.MAX_ENTRIES + 5):
        data = tmp_path / f"copy{i}.toml"
        shutil.copyfile(BUNDLED, data)
        ask(data, env)
    assert len(entries(env)) == dataset_cache.MAX_ENTRIES
    # The newest is kept: the last dataset asked about is still cached.
    newest = max(entries(env), key=lambda entry: entry.stat().st_mtime_ns)
    assert json.loads(newest.read_text(encoding="utf-8"))["key"]["path"].endswith(
        f"copy{dataset_cache.MAX_ENTRIES + 4}.toml"
    )


WRONG_SHAPES = {
    "a service id that is a number": lambda raw: raw["centres"][0].__setitem__("services", [42]),
    "a centre of an unknown period": lambda raw: raw["centres"][0].__setitem__("period", "nope"),
    "no periods": lambda raw: raw.__setitem__("periods", []),
    "no services": lambda raw: raw.__setitem__("services", []),
    "audiences as a table": lambda raw: raw.__setitem__("audiences", {}),
    "coverage of an unknown county": lambda raw: raw["centres"][0]["coverage"].__setitem__("counties", ["9999"]),
    "an unknown operator": lambda raw: raw["centres"][0]["operators"][0].__setitem__("organisation", "nope"),
}
COMMANDS = [
    ("which-centre", "--place", "Żary"),
    ("centres",),
    ("periods",),
    ("audiences",),
    ("history", "--county", "żarski"),
]


@pytest.mark.parametrize("change", WRONG_SHAPES.values(), ids=WRONG_SHAPES.keys())
def test_an_entry_whose_key_matches_but_whose_data_is_the_wrong_shape_is_rebuilt(
    setup: tuple[Path, dict[str, str]], change: Any
) -> None:
    data, env = setup
    dataset._cache.clear()
    expected = [run_owes(*command, "--data", str(data), env={**env, "OWES_NO_CACHE": "1"}) for command in COMMANDS]
    ask(data, env)
    [entry] = entries(env)
    stored = json.loads(entry.read_text(encoding="utf-8"))
    change(stored["raw"])
    written = json.dumps(stored, ensure_ascii=False)
    for command, answer in zip(COMMANDS, expected, strict=True):
        entry.write_text(written, encoding="utf-8")  # the key still matches the file
        entry.chmod(0o600)
        dataset._cache.clear()
        done = run_owes(*command, "--data", str(data), env=env)
        assert (done.exit_code, done.stdout, done.stderr) == (0, answer.stdout, ""), command


def test_no_home_directory_costs_only_speed(
    setup: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """HOME unset and a user id with no passwd entry (`docker run --user 12345`): Path.home() fails."""
    data, _ = setup

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", no_home)
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.delenv("HOME", raising=False)
    assert ask(data, {}).lower() == TRUE_NAME.lower()
    assert ask(data, {}).lower() == TRUE_NAME.lower()


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="running as another user id needs root")
@pytest.mark.skipif(shutil.which("setpriv") is None, reason="setpriv (util-linux) is not installed")
def test_a_user_with_no_home_and_no_passwd_entry_gets_an_answer(tmp_path: Path) -> None:
    import pwd
    import subprocess
    import sys

    uid = 54321
    with pytest.raises(KeyError):
        pwd.getpwuid(uid)  # the point: no passwd entry, so Python cannot find a home either
    tmp_path.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_CACHE_HOME")}
    done = subprocess.run(
        ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", sys.executable, "-m", "owes_cli"]
        + ["which-centre", "--county", "żarski", "--format", "json", "--data", str(BUNDLED)],
        capture_output=True,
        text=True,
        env={**env, "OWES_LANG": "en"},
        cwd=tmp_path,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout)["county"]["teryt"] == "0811"
