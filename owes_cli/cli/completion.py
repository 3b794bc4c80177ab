"""Shell completion whose values are data, never code, in bash, zsh and fish.

Typer 0.28's own scripts trust what the program prints: zsh's runs `eval`
on it (and `_arguments` evals the list again), bash's splits it unquoted, so
pathname expansion runs on every value and a space splits a county name in
two. Here each shell gets a script that reads the program's answer as plain
lines, and each value is escaped for that shell:
- bash: `mapfile` reads the lines (no splitting, no globbing); each value
  arrives backslash-escaped as bash's own `printf %q` would write it, so
  `Zielona Góra` is inserted as `Zielona\\ Góra`;
- zsh: the lines become an array handed to `_describe`, which inserts each
  value quoted (compadd's own quoting); only `\\` and `:` are escaped, as
  `_describe` reads them;
- fish: the lines are completion candidates; fish escapes what it inserts,
  all but a leading `~` (it expands it), so such a value is not offered to fish.
A value holding a control character (a newline would end it, a tab start its
description) is left out in every shell: the dataset's schema refuses such
values, so this is the second line of defence, not the first.
"""

from __future__ import annotations

import re
from typing import Any

from owes_cli.cli import click_compat as compat

# What bash's `printf %q` leaves alone; every other printable character gets a backslash.
_BASH_PLAIN = re.compile(r"[\w@%+=:,./-]")

BASH_SCRIPT = """
%(complete_func)s() {
    local -a answer
    mapfile -t answer < <(env COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD="$COMP_CWORD" \\
                              %(autocomplete_var)s=complete_bash "$1" 2>/dev/null)
    COMPREPLY=("${answer[@]}")
    return 0
}

complete -o default -F %(complete_func)s %(prog_name)s
"""

ZSH_SCRIPT = """
#compdef %(prog_name)s

%(complete_func)s() {
  local -a answer
  answer=("${(@f)$(env _TYPER_COMPLETE_ARGS="${words[1,$CURRENT]}" \\
                      %(autocomplete_var)s=complete_zsh %(prog_name)s 2>/dev/null)}")
  answer=("${(@)answer:#}")
  if (( ${#answer} )); then
    _describe -t values '%(prog_name)s' answer
  else
    _files
  fi
}

compdef %(complete_func)s %(prog_name)s
"""

# Typer's fish script already reads the answer as lines and never evaluates it.
FISH_SCRIPT = compat.typer_completion_script("fish")


def offered(value: str) -> bool:
    """Whether `value` can be offered at all: one line, no control characters."""
    return value.isprintable()


def for_bash(value: str) -> str:
    """`value` as bash reads it back as one word: a backslash before each character bash treats specially."""
    return "".join(char if _BASH_PLAIN.fullmatch(char) else "\\" + char for char in value)


def for_zsh(value: str, description: str | None) -> str:
    """One `_describe` entry: `value:description`, with `\\` and `:` in each escaped by a backslash."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace(":", "\\:")

    if description:
        return f"{escape(value)}:{escape(' '.join(description.split()))}"
    return escape(value)


def for_fish(value: str, description: str | None) -> str:
    """One fish candidate: `value`, then a tab and the description on the same line."""
    return f"{value}\t{' '.join(description.split())}" if description else value


def _help(item: Any) -> str | None:
    text = getattr(item, "help", None)
    return text if text and text.isprintable() else None


class BashComplete(compat.TyperBashComplete):
    source_template = BASH_SCRIPT

    def format_completion(self, item: Any) -> str:
        return for_bash(str(item.value))

    def complete(self) -> str:
        args, incomplete = self.get_completion_args()
        return "\n".join(self.format_completion(i) for i in self.get_completions(args, incomplete) if offered(i.value))


class ZshComplete(compat.TyperZshComplete):
    source_template = ZSH_SCRIPT

    def format_completion(self, item: Any) -> str:
        return for_zsh(str(item.value), _help(item))

    def complete(self) -> str:
        # Lines, not a command: the script hands them to _describe as data.
        args, incomplete = self.get_completion_args()
        return "\n".join(self.format_completion(i) for i in self.get_completions(args, incomplete) if offered(i.value))


def offered_to_fish(value: str) -> bool:
    """Fish escapes every value it inserts but a leading `~`, which it then expands to a home directory."""
    return offered(value) and not value.startswith("~")


class FishComplete(compat.TyperFishComplete):
    def format_completion(self, item: Any) -> str:
        return for_fish(str(item.value), _help(item))

    def get_completions(self, args: list[str], incomplete: str) -> list[Any]:
        return [item for item in super().get_completions(args, incomplete) if offered_to_fish(item.value)]


def install() -> None:
    """Use these scripts for --show-completion and --install-completion, and these formats when completing."""
    compat.use_completion(
        scripts={"bash": BASH_SCRIPT, "zsh": ZSH_SCRIPT, "fish": FISH_SCRIPT},
        classes={"bash": BashComplete, "zsh": ZshComplete, "fish": FishComplete},
    )


__all__ = ["install", "for_bash", "for_zsh", "for_fish", "offered"]
