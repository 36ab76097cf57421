"""The `thaipr` command. Subcommands import what they need, so `thaipr extract` never
loads Scrapy."""

import argparse
import sys
from collections.abc import Sequence

from crawler import extract_cmd


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="thaipr", description="Turn Thai government PR news into research data."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    extract_cmd.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    status: int = args.run(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
