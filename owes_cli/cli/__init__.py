"""The `owes` command line: a thin Typer layer over `owes_cli.Directory`."""

import gc

# Start-up makes some 100,000 objects (Typer's, Click's, ours) and frees almost none, so
# the cycle collector, which runs each time 700 more have been made than freed, walks
# them again and again and finds nothing (1 % of a `which-centre` run, counted with valgrind). It is off while
# they load and back on (unless someone had turned it off) before any command runs.
_collecting = gc.isenabled()
gc.disable()
try:
    from owes_cli.cli.app import app, main
finally:
    if _collecting:
        gc.enable()

__all__ = ["app", "main"]
