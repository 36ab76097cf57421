"""`pip install .` makes a working thaipr: the wheel builds without a deprecation warning,
installs into a clean virtual environment with no index, and its `thaipr` command runs
there, offline, from outside the source tree."""

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
OFFLINE = {
    "PIP_NO_INDEX": "1",
    "PYTHAINLP_OFFLINE": "1",
    "HF_HUB_OFFLINE": "1",
    "PATH": "/usr/bin:/bin",
}


def offline(cmd: list[Any], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, env=OFFLINE, cwd=cwd)


def test_the_wheel_installs_into_a_clean_venv_and_runs_offline(tmp_path: Path) -> None:
    pip = [sys.executable, "-m", "pip"]
    built = offline(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), str(REPO)]
    )
    assert built.returncode == 0, built.stderr
    assert "deprecat" not in (built.stdout + built.stderr).lower(), built.stderr
    (wheel,) = tmp_path.glob("thaipr-*.whl")

    env_dir = tmp_path / "clean"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    # The dependencies come from this environment's site-packages (added as a path, so its
    # editable install of thaipr is not picked up); thaipr itself only from the wheel.
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(site, "deps.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    installed = offline(
        [*pip, "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)]
    )
    assert installed.returncode == 0, installed.stderr
    assert "deprecat" not in (installed.stdout + installed.stderr).lower(), installed.stderr

    helped = offline([env_dir / "bin" / "thaipr", "--help"], cwd=tmp_path)
    assert helped.returncode == 0, helped.stderr
    assert "crawl commands:" in helped.stdout and "exit status:" in helped.stdout
    where = offline(
        [python, "-c", "import thaipr, crawler.settings, extract, output; print(thaipr.__file__)"],
        cwd=tmp_path,
    )
    assert where.returncode == 0, where.stderr
    assert where.stdout.startswith(site), where.stdout  # the installed copy, not the checkout
