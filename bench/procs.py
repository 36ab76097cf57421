"""A command run as a measured subprocess: its wall time, the CPU time of its whole tree, the
peak memory of its main process and of its tree; and the machine it ran on. Linux /proc
only (no psutil).

CPU is `getrusage(RUSAGE_CHILDREN)` before and after: a process's children that it waited
for count in it, so the command's worker processes count and a server started beside it
(the replica, still running, never waited for yet) does not. Memory is sampled: the main
process's VmHWM (its own peak, exact but for the last interval) and, every `interval`
seconds, the sum of resident memory over the process and its descendants (shared pages
count once per process, as `ps` counts them). Also measured: the main process's own CPU
(its last sample), and the busy time of every CPU of the machine meanwhile, so that what
else ran (another engineer's tests) shows."""

import contextlib
import os
import platform
import resource
import shlex
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

SAMPLE_SECONDS = 0.1  # between two samples of the tree's memory


@dataclass(frozen=True)
class Measured:
    seconds: float  # wall time, start to exit
    cpu_seconds: float  # user + system of the process and every descendant it waited for
    main_peak_mb: float  # the main process's peak resident memory (VmHWM)
    tree_peak_mb: float  # the largest sum of resident memory over the tree, as sampled
    main_cpu_seconds: float  # the main process's own CPU at its last sample (a little short)
    machine_cpu_seconds: float  # every CPU's busy time meanwhile, whoever used it
    returncode: int
    stdout: str
    stderr: str


def _status_kb(pid: int, field: str) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(field):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def descendants(pid: int) -> list[int]:
    """The process and every live descendant (through each thread's children list)."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        try:
            tasks = os.listdir(f"/proc/{p}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                with open(f"/proc/{p}/task/{tid}/children", encoding="ascii") as f:
                    todo += [int(c) for c in f.read().split()]
            except OSError:
                continue
    return found


PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
TICKS = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> tuple[float, int] | None:
    """A live process's own CPU seconds (user + system) and resident memory (kB)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / TICKS, int(fields[21]) * PAGE_KB


def machine_busy_seconds() -> float:
    """Every CPU's busy time since boot (/proc/stat: all but idle and iowait), in CPU
    seconds."""
    with open("/proc/stat", encoding="ascii") as f:
        user, nice, system, _idle, _iowait, irq, softirq, steal = map(
            int, f.readline().split()[1:9]
        )
    return (user + nice + system + irq + softirq + steal) / TICKS


def process_cpu_seconds(pid: int) -> float:
    """A live process's CPU so far, user + system (its threads, not its children)."""
    found = _stat(pid)
    if found is None:
        raise ProcessLookupError(pid)
    return found[0]


def cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(
    cmd: list[str],
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    interval: float = SAMPLE_SECONDS,
    timeout: float | None = None,
) -> Measured:
    """Run `cmd` to its end, sampling its memory. Its output is read from files, not pipes,
    so that a chatty command never blocks on a full pipe between samples. Past `timeout`
    seconds it and its descendants are killed (SIGKILL), and TimeoutError says what it
    wrote."""
    import tempfile

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        cpu_before, busy_before = cpu_children(), machine_busy_seconds()
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=cwd)
        main_peak = tree_peak = 0
        main_cpu = 0.0
        while proc.poll() is None:
            main_peak = max(main_peak, _status_kb(proc.pid, "VmHWM:"))
            seen = {pid: _stat(pid) for pid in descendants(proc.pid)}
            tree_peak = max(tree_peak, sum(st[1] for st in seen.values() if st))
            main_cpu = max(main_cpu, (seen.get(proc.pid) or (0.0, 0))[0])
            if timeout is not None and time.perf_counter() - started > timeout:
                for pid in reversed(descendants(proc.pid)):
                    with contextlib.suppress(OSError):
                        os.kill(pid, signal.SIGKILL)
                proc.wait()
                out.seek(0)
                err.seek(0)
                raise TimeoutError(
                    f"{shlex.join(cmd)} ran past {timeout:.0f} s: "
                    f"{out.read().decode('utf-8', 'replace')[-2000:]}\n"
                    f"{err.read().decode('utf-8', 'replace')[-4000:]}"
                )
            time.sleep(interval)
        seconds = time.perf_counter() - started
        cpu, busy = cpu_children() - cpu_before, machine_busy_seconds() - busy_before
        out.seek(0)
        err.seek(0)
        return Measured(
            seconds,
            cpu,
            main_peak / 1024,
            max(tree_peak, main_peak) / 1024,
            main_cpu,
            busy,
            proc.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )


def machine() -> str:
    """'AMD EPYC, 2 cores, 23.5 GiB RAM, Linux 6.1, Python 3.11.9'."""
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            model = next(ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name"))
    except (OSError, StopIteration):
        pass
    ram = _meminfo_kb("MemTotal:") / 1024**2
    return (
        f"{model}, {os.cpu_count()} cores, {ram:.1f} GiB RAM, Linux {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def _meminfo_kb(field: str) -> int:
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            return next(int(ln.split()[1]) for ln in f if ln.startswith(field))
    except (OSError, StopIteration, ValueError):
        return 0


def load_average() -> tuple[float, float, float]:
    return os.getloadavg()


def dir_bytes(path: Path, skip: tuple[str, ...] = ()) -> int:
    """Bytes of the files under `path`, leaving out the top-level entries named in `skip`."""
    if path.is_file():
        return path.stat().st_size
    total = 0
    for entry in path.iterdir() if path.exists() else ():
        if entry.name in skip:
            continue
        if entry.is_dir():
            total += sum(f.stat().st_size for f in entry.rglob("*") if f.is_file())
        else:
            total += entry.stat().st_size
    return total
