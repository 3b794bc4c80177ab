"""The versions the product was checked against, and the constraints file that pins them in CI."""

from __future__ import annotations

from importlib.metadata import version

from conftest import PROJECT

# render/screen.py draws answers byte for byte as Rich does (tests/test_screen.py compares
# the two). It was checked against Rich 15.0; another minor release may draw otherwise.
RICH_CHECKED = "15.0"
CONSTRAINTS = PROJECT / ".ci" / "constraints.txt"


def _minor(text: str) -> str:
    return ".".join(text.split(".")[:2])


def test_the_installed_rich_is_the_one_the_screen_copy_was_checked_against() -> None:
    installed = version("rich")
    assert _minor(installed) == RICH_CHECKED, (
        f"Rich {installed} is installed; render/screen.py was checked against Rich {RICH_CHECKED}.x. "
        "Check tests/test_screen.py passes with it, then update RICH_CHECKED and .ci/constraints.txt."
    )


def test_the_constraints_pin_rich_to_that_minor_range_and_the_tools_exactly() -> None:
    lines = [line.split("#")[0].strip() for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines()]
    pins = dict(line.split("==") for line in lines if "==" in line)
    major, minor = RICH_CHECKED.split(".")
    assert f"rich>={RICH_CHECKED},<{major}.{int(minor) + 1}" in lines
    for tool in ("pytest", "hypothesis", "ruff", "mypy", "import-linter"):
        assert tool in pins, f"{tool} is not pinned in {CONSTRAINTS}"
        assert version(tool) == pins[tool], f"{tool} {version(tool)} is installed, {pins[tool]} pinned"


def test_ci_installs_with_the_constraints_and_lints_before_it_tests() -> None:
    script = (PROJECT / ".ci" / "run").read_text(encoding="utf-8")
    assert "PIP_CONSTRAINT=" in script and ".ci/constraints.txt" in script
    assert script.index("ruff check .'") < script.index("not fuzz") < script.index("-m fuzz")
