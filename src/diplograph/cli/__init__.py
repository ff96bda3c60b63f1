"""The `diplograph` command: a thin layer over the Python API.

Commands live in one module per concern (extract, store, serve, spark) and are
imported only when called, so `diplograph extract` never pays for importing
FastAPI or PySpark. Each module exposes click commands; the table below names
them.
"""

from __future__ import annotations

import importlib

import click

#: command name -> "module:attribute" (module relative to diplograph.cli)
COMMANDS: dict[str, str] = {
    "extract": "extract:extract",
    "ingest": "store:ingest",
    "events": "store:events",
    "actors": "store:actors",
    "timeline": "store:timeline",
    "relations": "store:relations",
    "targets": "store:targets",
    "show": "store:show",
    "export": "store:export",
    "serve": "serve:serve",
    "spark-extract": "spark:spark_extract",
    "load": "spark:load",
    "who": "who:who",
    "reresolve": "learn:reresolve",
    "rules": "rules:rules",
}


class LazyGroup(click.Group):
    """A click group that imports a command's module only when it is used
    (the pattern from click's documentation on lazy loading)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(COMMANDS))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in COMMANDS:
            module_name, attr = COMMANDS[name].split(":")
            try:
                module = importlib.import_module(f"diplograph.cli.{module_name}")
            except ModuleNotFoundError as error:
                if error.name and error.name.startswith("diplograph.cli"):
                    return None
                raise
            return getattr(module, attr, None)
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="diplograph")
def main() -> None:
    """Turn diplomatic news reports into a source-grounded record of who met
    whom, what was signed, which targets were set and how relations evolve."""
