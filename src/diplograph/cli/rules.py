"""`diplograph rules`: the registered extraction rules, with what each finds.

Why: `extract --explain` names the rule behind every record; this lists them
all (or one family, or the rules whose name starts with a prefix), with the
docstring that says what the rule finds and the module or data file it lives
in, so a user can read what a name means and a developer where to look.
"""

from __future__ import annotations

import json

import click


@click.command("rules")
@click.argument("prefix", required=False)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per rule (name, family, module, doc).")
def rules(prefix: str | None, as_json: bool) -> None:
    """List the extraction rules whose name starts with PREFIX (a family such
    as `meeting`, or `document.group`), or all of them."""
    from diplograph.extract import rules as registry

    found = [r for r in registry.registered() if prefix is None or r.name.startswith(prefix)]
    if not found:
        raise click.UsageError(f"no rule starts with {prefix!r}; families: {', '.join(registry.FAMILIES)}")
    for r in found:
        if as_json:
            click.echo(json.dumps({"name": r.name, "family": r.family, "module": r.module, "doc": r.doc}))
        else:
            first = r.doc.split("\n\n")[0].replace("\n", " ") if r.doc else ""
            click.echo(f"{r.name:40} {first}")
