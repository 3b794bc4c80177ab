"""Completion in the real shells: bash, zsh and fish run the script `owes --show-completion` prints.

Each shell runs interactively in tmux (a terminal, so its line editor is on);
the test types a command, presses Tab, then Enter. `owes` is, in that shell, a
function that writes the words it was given to a file, so the test reads what
the shell itself made of the completed line: no screen scraping, no timing
(the keys wait in the terminal until the shell reads them; the test waits for
the file, up to a generous limit that only a hung shell reaches).

The completion itself runs the real program: the installed `owes` for the
bundled data, and for hostile values a copy of it whose directory holds the
values the test names (the dataset's schema refuses them, so only a bypass
can offer them: these tests check the second line of defence, the escaping).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from itertools import count
from pathlib import Path

import pytest
from conftest import PROJECT

SHELLS = ("bash", "zsh", "fish")
OWES = Path(sys.executable).with_name("owes")
_SERVERS = count()  # numbers the tmux servers this process starts

# A program named `owes` that completes from the values in $OWES_TEST_VALUES (a JSON list).
STUB = f"""#!{sys.executable}
import importlib, json, os
from types import SimpleNamespace

app = importlib.import_module("owes_cli.cli.app")  # the module; the package's `app` is the Typer object

values = json.loads(open(os.environ["OWES_TEST_VALUES"], encoding="utf-8").read())
offered = SimpleNamespace(
    complete_centre=lambda typed: [value for value in values if value.startswith(typed)],
    complete_county=lambda typed: [],
)
app.Directory = SimpleNamespace(load=lambda *args, **kwargs: offered)
app.main()
"""

HOSTILE = [
    'x\\");touch PWNED;ws=(\\"',  # the id: zsh evaluated it
    "$(touch PWNED)",
    "`touch PWNED`",
    "a;touch PWNED",
    "it's",
    'say "hi"',
    "back\\slash",
    "l*",  # bash expanded it to the files here
    "two words",
    "colon:inside",
    "{a,b}",
    "~root",
    "a&b|c>d<e",
    "#hash",
    "!bang",
]


class Shell:
    """One interactive shell in a tmux session of its own."""

    def __init__(self, name: str, home: Path, path: str, env: dict[str, str]) -> None:
        self.name, self.home = name, home
        # A server of its own for each shell: tmux's kill-server returns before the server has let go
        # of its socket, and a new session on the same name then fails ("server exited unexpectedly")
        # on a busy machine, 12 times in 30 in a row.
        self.socket = f"owes-test-{os.getpid()}-{next(_SERVERS)}-{name}"
        self.said = home / "said.txt"
        command = {"bash": "bash --norc --noprofile -i", "zsh": "zsh -f -i", "fish": "fish --no-config -i"}[name]
        environment = {"HOME": str(home), "PATH": path, "TERM": "xterm", "LANG": "C.UTF-8", **env}
        launch = ["env", "-i", *(f"{k}={v}" for k, v in environment.items()), *command.split()]
        subprocess.run(
            [
                "tmux",
                "-L",
                self.socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-x",
                "200",
                "-y",
                "50",
                "-c",
                str(home),
            ]
            + [subprocess.list2cmdline(launch)],
            check=True,
        )
        ready = home / "ready"
        # `owes` writes its words to a file of its own, then renames it to said.txt: a shell's printf
        # may write one word at a time (fish does), and the test, waiting for said.txt, would read
        # half of them (seen under load: ['centre'] for ['centre', 'say "hi"']).
        writing = f"{self.said}.part"
        setup = {
            "bash": "source <(owes --show-completion bash); "
            f"owes() {{ printf '<%s>\\n' \"$@\" > {writing}; command mv {writing} {self.said}; }}",
            "zsh": "autoload -Uz compinit && compinit -u -d ~/.zcompdump && source <(owes --show-completion zsh); "
            f"owes() {{ printf '<%s>\\n' \"$@\" > {writing}; command mv {writing} {self.said}; }}",
            "fish": "owes --show-completion fish | source; "
            f"function owes; printf '<%s>\\n' $argv > {writing}; command mv {writing} {self.said}; end",
        }[name]
        self.type(f"{setup}; echo ready > {ready}", "Enter")
        self._wait_for(ready)

    def type(self, *keys: str) -> None:
        for key in keys:
            literal = [] if key in ("Enter", "Tab") else ["-l"]
            subprocess.run(["tmux", "-L", self.socket, "send-keys", "-t", "0", *literal, key], check=True)

    def complete(self, line: str) -> list[str]:
        """Type `line`, press Tab then Enter: the words the shell passed to `owes`."""
        self.said.unlink(missing_ok=True)
        self.type(line, "Tab", "Enter")
        self._wait_for(self.said)
        return [word[1:-1] for word in self.said.read_text(encoding="utf-8").splitlines()]

    def _wait_for(self, path: Path) -> None:
        deadline = time.monotonic() + 60  # a hung shell, not a slow one, reaches this
        while not (path.exists() and path.stat().st_size):
            if time.monotonic() > deadline:
                screen = subprocess.run(
                    ["tmux", "-L", self.socket, "capture-pane", "-p"], capture_output=True, text=True, check=False
                ).stdout
                pytest.fail(f"{self.name} did not answer; its screen:\n{screen}")
            time.sleep(0.05)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], check=False, capture_output=True)


def _need(program: str) -> None:
    if shutil.which(program) is None:
        pytest.skip(f"{program} is not installed (.ci/run installs it)")


@pytest.fixture(params=SHELLS)
def real_shell(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Shell]:
    _need("tmux")
    _need(request.param)
    shell = Shell(
        request.param,
        tmp_path,
        f"{OWES.parent}:/usr/bin:/bin",
        {"OWES_NO_CACHE": "1", "OWES_LANG": "en", "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"},
    )
    yield shell
    shell.close()


def test_a_county_of_two_words_arrives_as_one_word(real_shell: Shell) -> None:
    assert real_shell.complete("owes history --county Zielona") == ["history", "--county", "Zielona Góra"]
    assert real_shell.complete("owes which-centre --county żar") == ["which-centre", "--county", "żarski"]


@pytest.fixture(params=SHELLS)
def stub_shell(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Shell]:
    _need("tmux")
    _need(request.param)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "owes").write_text(STUB, encoding="utf-8")
    (bin_dir / "owes").chmod(0o755)
    values = tmp_path / "values.json"
    values.write_text("[]", encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    (home / "lala").touch()  # a file `l*` would expand to
    shell = Shell(
        request.param,
        home,
        f"{bin_dir}:/usr/bin:/bin",
        {
            "OWES_TEST_VALUES": str(values),
            "PYTHONPATH": str(PROJECT),
            "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1",
        },
    )
    yield shell
    shell.close()


def test_a_hostile_value_is_inserted_as_data_and_runs_nothing(stub_shell: Shell) -> None:
    values = stub_shell.home.parent / "values.json"
    for value in HOSTILE:
        values.write_text(json.dumps([value]), encoding="utf-8")
        # Nothing typed after `centre `: the one value on offer is inserted whole.
        inserted = stub_shell.complete("owes centre ")
        if stub_shell.name == "fish" and value.startswith("~"):
            # Fish inserts a leading ~ unescaped and expands it (to /root): such a value is not offered to fish.
            assert inserted == ["centre"]
        else:
            assert inserted == ["centre", value], stub_shell.name
        assert not (stub_shell.home / "PWNED").exists(), f"{stub_shell.name} ran a command from {value!r}"
