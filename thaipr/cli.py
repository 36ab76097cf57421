"""The `thaipr` command: one module per group of subcommands in `thaipr.commands`, each
adding its parsers. This module owns what every command shares: the grouped help, the
version, the exit codes, and the rule that a usage or input error is one line on stderr and
exit status 2, never a traceback."""

import argparse
import os
import platform
import sys
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any, NoReturn

from crawler import __version__
from extract import EXTRACTOR_VERSION
from output.schema import SCHEMA_VERSION
from thaipr.commands import crawl, data, export, extract, reextract, replica, report, sources
from thaipr.exits import EXIT_INTERRUPTED, EXIT_NO_CRAWL, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE

# The commands as the help lists them: group -> (command, an example of its use).
GROUPS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "crawl",
        (
            ("crawl", "thaipr crawl --province nongkhai --since 2024-01-01 --out data"),
            ("sources", "thaipr sources --region northeast"),
            ("reextract", "thaipr reextract --warc warc/ --out data"),
        ),
    ),
    (
        "data",
        (
            ("query", 'thaipr query --data data "SELECT * FROM meetings LIMIT 5"'),
            ("stats", "thaipr stats --data data"),
            ("compact", "thaipr compact --data data"),
            ("export", "thaipr export --data data --table meetings --out meetings.xlsx"),
            ("report", "thaipr report --data data --out report.html"),
        ),
    ),
    ("serve", (("replica", "thaipr replica --provinces 3"),)),
    ("tools", (("extract", "thaipr extract page.html --url https://nongkhai.prd.go.th/…"),)),
)

EXIT_CODES = (
    (EXIT_OK, "done"),
    (EXIT_PARTIAL, "done, but some pages failed (they are in the dataset's errors table)"),
    (EXIT_USAGE, "bad usage or input: one line on stderr says what and what to do"),
    (EXIT_NO_CRAWL, "could not crawl (dataset busy, server unreachable, nothing fetched)"),
    (EXIT_INTERRUPTED, "interrupted (Ctrl-C)"),
)


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line: the problem and where to read more."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message}; see `{self.prog} --help`\n")


class TopParser(Parser):
    """`thaipr --help`: the commands grouped, an example each, and the exit codes."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.commands: dict[str, str] = {}  # command -> its one-line description
        self.subparsers: Mapping[str, argparse.ArgumentParser] = {}

    def format_help(self) -> str:
        lines = [self.format_usage().rstrip(), "", textwrap.fill(str(self.description), 88), ""]
        width = max(len(name) for name in self.commands)
        grouped = {name for _, commands in GROUPS for name, _ in commands}
        others = tuple((name, "") for name in self.commands if name not in grouped)
        for group, commands in (*GROUPS, ("other", others)):
            if not commands:
                continue
            lines.append(f"{group} commands:")
            for name, example in commands:
                lines.append(f"  {name:<{width}}  {self.commands[name]}")
                if example:
                    lines.append(f"  {'':<{width}}    e.g. {example}")
            lines.append("")
        lines.append("options:")
        lines.append("  -h, --help     show this help and exit")
        lines.append("  --version      show the versions of thaipr, its extractor and schema")
        lines.append("")
        lines.append("exit status:")
        lines += [f"  {code:<3}  {meaning}" for code, meaning in EXIT_CODES]
        lines.append("")
        lines.append("`thaipr COMMAND --help` describes a command and every option it takes.")
        return "\n".join(lines) + "\n"


def version_line() -> str:
    return (
        f"thaipr {__version__} (extractor {EXTRACTOR_VERSION}, dataset schema "
        f"{SCHEMA_VERSION}, Python {platform.python_version()})"
    )


def build_parser() -> TopParser:
    parser = TopParser(
        prog="thaipr",
        description="Turn Thai government PR news into research data: crawl the PRD sites, "
        "extract who met, when, where and with whom, and query the Parquet dataset.",
        usage="thaipr [--version] [-h] COMMAND [options]",
    )
    parser.add_argument("--version", action="version", version=version_line())
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=Parser, prog="thaipr"
    )
    sub.required = True
    for module in (crawl, reextract, data, export, report, replica, extract, sources):
        adder = getattr(module, "add_parsers", None) or module.add_parser
        adder(sub)
    for action in sub._choices_actions:
        parser.commands[action.dest] = action.help or ""
    parser.subparsers = sub.choices
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # named by the command they were given to, not by `thaipr`
        parser.subparsers[args.command].error(f"unrecognized arguments: {' '.join(unknown)}")
    command = f"thaipr {args.command}"
    try:
        status: int = args.run(args)
    except KeyboardInterrupt:
        print(f"\n{command}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`thaipr query … | head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        print(f"{command}: {exc.strerror or exc}{where}", file=sys.stderr)
        return EXIT_USAGE
    return status


if __name__ == "__main__":
    sys.exit(main())
