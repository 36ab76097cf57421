"""Scrapyd, the real server: deploy thaipr with `scrapyd-deploy` (the scrapy.cfg target),
schedule a crawl of the replica through Scrapyd's API, and find the records in the dataset."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.replica.catalog import Catalog
from output.views import connect
from tests.replica import serving

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def api(port: int, endpoint: str, form: dict[str, str] | None = None) -> dict:
    data = urllib.parse.urlencode(form).encode() if form else None
    query = "" if form or endpoint.endswith("status.json") else "?project=thaipr"
    with urllib.request.urlopen(
        f"http://127.0.0.1:{port}/{endpoint}{query}", data=data, timeout=10
    ) as r:
        return json.load(r)


@pytest.fixture
def scrapyd(tmp_path: Path) -> Iterator[int]:
    port = free_port()
    home = tmp_path / "scrapyd"
    home.mkdir()
    (home / "scrapyd.conf").write_text(
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\neggs_dir = {home}/eggs\n"
        f"logs_dir = {home}/logs\ndbs_dir = {home}/dbs\nitems_dir =\n",
        encoding="utf-8",
    )
    proc = subprocess.Popen(
        [BIN / "scrapyd"], cwd=home, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        for _ in range(100):
            try:
                api(port, "daemonstatus.json")
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("scrapyd did not start")
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_deploy_schedule_and_find_the_records(scrapyd: int, tmp_path: Path) -> None:
    deploy = subprocess.run(
        [BIN / "scrapyd-deploy", "test", "-p", "thaipr"],
        cwd=REPO,
        env={**os.environ, "THAIPR_SCRAPYD_PORT": str(scrapyd)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    shutil.rmtree(REPO / "build", ignore_errors=True)
    assert deploy.returncode == 0, deploy.stderr
    assert '"status": "ok"' in deploy.stdout + deploy.stderr
    assert sorted(api(scrapyd, "listspiders.json")["spiders"]) == ["prd", "prd_archive"]

    catalog = Catalog(1, 8)
    out = tmp_path / "data"
    with serving(catalog) as server:
        job = api(
            scrapyd,
            "schedule.json",
            {
                "project": "thaipr",
                "spider": "prd",
                "province": ",".join(catalog.sites),
                "out": str(out),
                "site_url_template": server.url + "/{slug}",
                "setting": "DOWNLOAD_DELAY=0",
            },
        )["jobid"]
        for _ in range(600):
            if any(j["id"] == job for j in api(scrapyd, "listjobs.json")["finished"]):
                break
            time.sleep(0.2)
        else:
            pytest.fail("the scheduled crawl did not finish")
    ids = {r[0] for r in connect(out).execute("SELECT article_id FROM articles").fetchall()}
    assert ids == {f"{slug}:{100001 + i}" for slug in catalog.sites for i in range(8)}
