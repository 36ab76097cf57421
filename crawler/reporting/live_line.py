"""A live line on a terminal while a command works through rows: rows done (of the total,
when known) and the rate, redrawn at most every REFRESH_S. Off, it writes nothing; messages
still go to the stream, as plain lines. (crawler/reporting/progress.py is the crawl's, on Scrapy; it
clears its line with the same CLEAR.)"""

import sys
import time
from typing import TextIO

REFRESH_S = 0.5  # seconds between redraws
CLEAR = "\r\x1b[2K"  # back to the line's start, erase it


class LiveLine:
    def __init__(
        self, label: str, total: int | None, *, on: bool, stream: TextIO | None = None
    ) -> None:
        self.label = label
        self.total = total
        self.on = on
        self.stream = stream or sys.stderr
        self.done = 0
        self.started = time.monotonic()
        self.drawn_at: float | None = None  # None: nothing on the line

    def step(self) -> None:
        """One more row done; the first is drawn at once, then every REFRESH_S."""
        self.done += 1
        now = time.monotonic()
        if self.on and (self.drawn_at is None or now - self.drawn_at >= REFRESH_S):
            self.stream.write(CLEAR + self.text(now))
            self.stream.flush()
            self.drawn_at = now

    def text(self, now: float) -> str:
        elapsed = now - self.started
        rate = f", {self.done / elapsed:.0f} rows/s" if elapsed > 0 else ""
        if self.total:
            share = f" ({self.done / self.total:.0%})"
            return f"{self.label}: {self.done:,}/{self.total:,} rows{share}{rate}"
        return f"{self.label}: {self.done:,} rows{rate}"

    def say(self, message: str) -> None:
        """A line of its own; the live line comes back at the next step."""
        self.clear()
        print(message, file=self.stream, flush=True)

    def clear(self) -> None:
        if self.on and self.drawn_at is not None:
            self.stream.write(CLEAR)
            self.stream.flush()
            self.drawn_at = None
