"""Kill points for crash tests. With `THAIPR_KILL_AT=<point>[:<n>]` in the environment the
process sends itself SIGKILL the n-th time (default: first) it passes `<point>`: a real
kill at an exact moment, where timing a kill from outside would only sometimes hit it.
Without the variable a kill point costs one dictionary lookup."""

import os
import signal
from collections import Counter

ENV = "THAIPR_KILL_AT"
# Every kill point, so tests can go through them all.
POINTS = (
    "writer.staged",  # a flush's files are complete in staging, none published
    "writer.published_one",  # one file of a flush published, the rest not
    "writer.published_all",  # a flush published, its commit not yet reported
    "compact.journalled",  # a partition swap journalled, nothing swapped yet
    "compact.swapped_one",  # the new file published, old files not yet removed
)
_passes: Counter[str] = Counter()


def kill_point(point: str) -> None:
    spec = os.environ.get(ENV)
    if not spec:
        return
    name, _, nth = spec.partition(":")
    if name != point:
        return
    _passes[point] += 1
    if _passes[point] == int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)
