"""The README's examples are real: each `$ owes ...` block matches what the tool prints."""

from __future__ import annotations

import re
import shlex

import pytest
from conftest import PROJECT, Owes

README = (PROJECT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```console\n\$ owes (.*?)\n(.*?)```", README, re.DOTALL)


def test_readme_has_examples() -> None:
    assert len(BLOCKS) >= 2


@pytest.mark.parametrize(("command", "expected"), BLOCKS, ids=[b[0] for b in BLOCKS])
def test_example_output_is_what_the_tool_prints(owes: Owes, command: str, expected: str) -> None:
    run = owes(*shlex.split(command))
    # What a person sees on a terminal: the answer, or the message on stderr.
    actual = (run.stdout + run.stderr).splitlines()
    assert "Traceback" not in run.stderr
    # "..." stands for lines left out; the shown lines must appear in order.
    position = 0
    for line in expected.splitlines():
        if line.strip() == "...":
            continue
        try:
            position = actual.index(line, position) + 1
        except ValueError:
            pytest.fail(f"README line not in the output of `owes {command}`: {line!r}")


def test_readme_commands_exist(owes: Owes) -> None:
    for name in set(re.findall(r"^\| `owes ([a-z-]+)", README, re.MULTILINE)):
        assert owes(name, "--help").exit_code == 0, name


def test_readme_names_every_source_of_the_bundled_data() -> None:
    from owes_cli.domain import load_register
    from owes_cli.domain.dataset import bundled_path, load

    sources_section = README.split("## Data and sources", 1)[1]
    for source in load(bundled_path(), load_register()).sources.values():
        host = (source.publisher or "").split(" ")[0]
        assert host in sources_section, f"README's source table lacks {source.id} ({host})"


PYTHON_EXAMPLE = re.search(r"## Use it from Python.*?```python\n(.*?)```.*?```text\n(.*?)```", README, re.DOTALL)


def test_python_example_prints_what_the_readme_says(capsys: pytest.CaptureFixture[str]) -> None:
    assert PYTHON_EXAMPLE is not None, "README has no 'Use it from Python' example"
    code, expected = PYTHON_EXAMPLE.groups()
    exec(compile(code, "README.md", "exec"), {})
    assert capsys.readouterr().out == expected
