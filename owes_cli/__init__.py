"""owes: the offline directory of Lubuskie's Social Economy Support Centres (OWES)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("owes")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
