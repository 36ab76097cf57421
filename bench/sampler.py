"""A sampling CPU profiler for one process and all its Python threads: it reads each
thread's CPU clock (`pthread_getcpuclockid`) and charges the CPU the thread used since the
last sample to the thread's stack of the moment: to the stack's stage (the innermost
function some stage claims), to the innermost function (own time) and to every function on
the stack (cumulative time).

The main thread, where the crawl's engine and (inline) extraction run, is sampled by a
signal: every `interval` seconds of the process's CPU (ITIMER_PROF, SIGPROF), handled in
the main thread where it stands, between two bytecodes or just after the C call it was in
(a hash, a parse, a write) returns, so that call's CPU goes to the Python function that
made it; but when that C code calls back into Python (lxml's element class lookup), the
handler runs in the callback, which is charged the C work before it (the stage is the same:
the callback's caller is). The handler's own CPU is left out of the stages and counted
apart. A signal's
handler runs only once the main thread runs Python, so the other threads (the dataset
writer's, its file threads) are sampled by a thread of the sampler's, every
`interval` seconds of the wall clock, at their stack of the moment.

Why not cProfile: its data is caller -> callee pairs, one level deep, so a stage cannot be
told from the stages it calls through other functions (a coroutine, a thread pool, an
import), it times the wall clock, waiting included, and it costs several times the work of
a small Python function. Why not a sampling thread for the main thread too: it gets the
GIL where the running thread lets it go, in a socket call or a hash, and would charge it
the CPU of the Python code before."""

import json
import signal
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from types import CodeType, FrameType
from typing import Any

Key = tuple[str, int, str]  # file, first line, function
OTHER = "other"  # no stage claims any frame of the stack
INNERMOST = 1  # functions of a stack of no stage counted within it, innermost first


def key_of(code: CodeType) -> Key:
    return (code.co_filename, code.co_firstlineno, code.co_name)


class Tally:
    """CPU seconds charged by stage, thread, function (own and cumulative), and within each
    stage by function. Each sampler (the signal's, the thread's) keeps its own."""

    def __init__(self) -> None:
        self.by_stage: defaultdict[str, float] = defaultdict(float)
        self.by_thread: defaultdict[str, float] = defaultdict(float)
        self.own: defaultdict[Key, float] = defaultdict(float)
        self.cumulative: defaultdict[Key, float] = defaultdict(float)
        self.within: defaultdict[str, defaultdict[Key, float]] = defaultdict(
            lambda: defaultdict(float)
        )

    def add(self, other: "Tally") -> None:
        for mine, theirs in (
            (self.by_stage, other.by_stage),
            (self.by_thread, other.by_thread),
            (self.own, other.own),
            (self.cumulative, other.cumulative),
        ):
            for k, v in theirs.items():
                mine[k] += v  # type: ignore[index]
        for stage, counter in other.within.items():
            for key, v in counter.items():
                self.within[stage][key] += v


class Sampler:
    def __init__(
        self,
        stages: dict[str, Callable[[Key], bool]],
        fallback: Callable[[Key], str | None] = lambda key: None,
        interval: float = 0.002,
    ) -> None:
        """`stages`: name -> does this function belong to it (the first that says so);
        `fallback`: a stage for a stack no stage claims, from each of its functions
        (innermost first), else OTHER. `interval`: seconds between samples."""
        self.stages, self.fallback, self.interval = stages, fallback, interval
        self.main_tally, self.threads_tally = Tally(), Tally()
        self.samples = 0
        self.failures = 0  # samples that could not be charged (none expected)
        self.own_cpu = 0.0  # the signal handler's CPU and the sampling thread's
        self._stage_of: dict[CodeType, str | None] = {}
        self._fallback_of: dict[CodeType, str | None] = {}
        self._main = threading.main_thread().ident or 0
        self._main_cpu = 0.0  # the main thread's CPU at its last sample
        self._previous: Any = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample_threads, name="sampler", daemon=True)

    def start(self) -> None:
        self._main_cpu = time.thread_time()
        self._previous = signal.signal(signal.SIGPROF, self._sample_main)
        signal.setitimer(signal.ITIMER_PROF, self.interval, self.interval)
        self._thread.start()

    def stop(self) -> None:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, self._previous or signal.SIG_DFL)
        self._stop.set()
        self._thread.join()

    def _sample_main(self, signum: int, frame: FrameType | None) -> None:
        """SIGPROF's handler. An exception here would be raised in the profiled program,
        wherever it stood: none may leave."""
        began = time.thread_time()
        try:
            if frame is not None:
                self._charge(self.main_tally, frame, began - self._main_cpu, "MainThread")
        except Exception:
            self.failures += 1
        self.samples += 1
        self._main_cpu = ended = time.thread_time()
        self.own_cpu += ended - began

    def _sample_threads(self) -> None:
        me = threading.get_ident()
        last: dict[int, float] = {}
        names: dict[int, str] = {}
        rounds = 0
        while not self._stop.wait(self.interval):
            if not rounds % 64:
                names = {t.ident or 0: t.name for t in threading.enumerate()}
            rounds += 1
            for ident, top in sys._current_frames().items():
                if ident in (me, self._main):
                    continue
                try:
                    cpu = time.clock_gettime(time.pthread_getcpuclockid(ident))
                except OSError:
                    continue
                used = cpu - last.get(ident, 0.0)
                last[ident] = cpu
                try:
                    if used > 0:
                        self._charge(self.threads_tally, top, used, names.get(ident, "thread"))
                except Exception:
                    self.failures += 1
        self.own_cpu += time.thread_time()

    def _stage(self, code: CodeType) -> str | None:
        # Two samplers share these: the fallback is set first, so that a code in _stage_of
        # is in both.
        if code not in self._stage_of:
            key = key_of(code)
            self._fallback_of[code] = self.fallback(key)
            self._stage_of[code] = next((n for n, test in self.stages.items() if test(key)), None)
        return self._stage_of[code]

    def _charge(self, tally: Tally, top: FrameType, used: float, thread: str) -> None:
        stack: list[CodeType] = []
        frame: FrameType | None = top
        while frame is not None:
            stack.append(frame.f_code)
            frame = frame.f_back
        # The innermost function a stage claims; else the innermost the fallback names.
        at = next((i for i, code in enumerate(stack) if self._stage(code) is not None), None)
        if at is not None:
            stage = self._stage_of[stack[at]] or OTHER
        else:
            at = next((i for i, c in enumerate(stack) if self._fallback_of[c] is not None), None)
            stage = (self._fallback_of[stack[at]] if at is not None else None) or OTHER
        tally.by_stage[stage] += used
        tally.by_thread[thread.rstrip("0123456789_-")] += used
        tally.own[key_of(top.f_code)] += used
        for key in {key_of(code) for code in stack}:
            tally.cumulative[key] += used
        # Within the stage: the functions from the one that made it the stage's inwards
        # (a stack of no stage: its innermost function; the outer ones are the event loop's).
        inner = stack[: at + 1] if at is not None else stack[:INNERMOST]
        within = tally.within[stage]
        for key in {key_of(code) for code in inner}:
            within[key] += used

    def dump(self, path: Path, top: int = 40) -> None:
        def listed(counter: dict[Key, float]) -> list[tuple[list[object], float]]:
            return [(list(k), v) for k, v in sorted(counter.items(), key=lambda kv: -kv[1])][:top]

        tally = Tally()
        tally.add(self.main_tally)
        tally.add(self.threads_tally)

        path.write_text(
            json.dumps(
                {
                    "samples": self.samples,
                    "failures": self.failures,
                    "sampler_cpu": self.own_cpu,
                    "by_stage": dict(tally.by_stage),
                    "by_thread": dict(tally.by_thread),
                    "own": listed(tally.own),
                    "cumulative": listed(tally.cumulative),
                    "within": {s: listed(c) for s, c in tally.within.items()},
                }
            ),
            encoding="utf-8",
        )
