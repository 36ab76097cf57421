"""The `thaipr` command: one module per group of subcommands, each adding its parsers."""

import argparse
import sys
from collections.abc import Sequence

from thaipr.commands import crawl, data, extract, reextract, replica


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="thaipr", description="Turn Thai government PR news into research data."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    extract.add_parser(sub)
    data.add_parsers(sub)
    replica.add_parser(sub)
    crawl.add_parser(sub)
    reextract.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    status: int = args.run(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
