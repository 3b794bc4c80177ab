"""owes: the offline directory of Lubuskie's Social Economy Support Centres (OWES)."""


def version() -> str:
    """The installed version, read in one place (only `owes --version` needs it)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        return installed_version("owes")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"
