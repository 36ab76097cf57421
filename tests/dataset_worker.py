"""A process for crash tests to kill: writes records into a dataset, or compacts one.

    python -m tests.dataset_worker write DATA --count N [--start S] [--flush K] [--log FILE]
        [--background]
    python -m tests.dataset_worker compact DATA

`write` appends the ids of every commit the writer reports to FILE (synced), so a test
knows what the dataset promised before it was killed."""

import argparse
import os
import sys
from pathlib import Path

from output.compact import compact
from output.writer import DatasetWriter
from tests.records import record


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=("write", "compact"))
    parser.add_argument("data", type=Path)
    parser.add_argument("--count", type=int, default=0)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--flush", type=int, default=10)
    parser.add_argument("--log", type=Path)
    parser.add_argument("--background", action="store_true", help="write in a thread")
    args = parser.parse_args()
    if args.action == "compact":
        print(compact(args.data).line())
        return 0

    def log(ids: list[str]) -> None:
        if args.log:
            with open(args.log, "a", encoding="utf-8") as f:
                f.write("".join(i + "\n" for i in ids))
                f.flush()
                os.fsync(f.fileno())

    with DatasetWriter(
        args.data, flush_articles=args.flush, on_commit=log, background=args.background
    ) as writer:
        for i in range(args.start, args.start + args.count):
            writer.add(record(i))
    return 0


if __name__ == "__main__":
    sys.exit(main())
