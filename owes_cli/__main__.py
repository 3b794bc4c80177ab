"""`python -m owes_cli` runs the `owes` command."""

from owes_cli.cli import main

main()
