"""Nothing let in: a crawl opens no listening socket (no telnet console, no remote control);
the replica listens on loopback only; requests to unconfigured hosts are refused; names
that reach file paths (province codes, crawl ids, partitions) cannot leave the dataset."""

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.utils.test import get_crawler

from crawler.politeness.fence import HostFence, OffsiteRequest
from crawler.replica.catalog import Catalog
from crawler.sources import SourceError, load_sources
from crawler.spiders.prd import PrdSpider
from output.files import part_name, partition_dir, safe_component
from output.rows import error_row
from output.validate import SchemaError
from output.writer import DatasetWriter
from tests.replica import crawl_command, serving

LISTEN = "0A"  # TCP state in /proc/net/tcp


def _socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue  # closed meanwhile
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    return inodes


def _listening() -> dict[str, str]:
    """inode -> local address of every listening TCP socket on this machine."""
    found = {}
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == LISTEN:
                found[fields[9]] = fields[1]
    return found


def _group(pgid: int) -> list[int]:
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:
            pids.append(int(stat.parent.name))
    return pids


def test_a_crawl_listens_on_no_port(tmp_path: Path) -> None:
    catalog = Catalog(provinces=1, per_province=12)
    with serving(catalog, latency_ms=150) as server:
        proc = subprocess.Popen(
            crawl_command(server, tmp_path / "data", "--no-politeness"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + 120
            while not any("/iid/" in r["path"] for r in list(server.replica.log)):
                assert proc.poll() is None and time.monotonic() < deadline, "crawl did not start"
                time.sleep(0.05)
            pids = _group(proc.pid)
            listening = _listening()
            open_ports = {
                listening[inode]
                for pid in pids
                for inode in _socket_inodes(pid)
                if inode in listening
            }
        finally:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert len(pids) >= 1
    assert open_ports == set(), f"the crawl listens on {open_ports}"


def test_telnet_console_and_remote_control_are_off_in_the_settings() -> None:
    settings = get_crawler(PrdSpider, settings_dict=_project_settings()).settings
    assert settings.getbool("TELNETCONSOLE_ENABLED") is False
    assert settings.getbool("REMOTE_CONTROL_ENABLED") is False
    extensions = settings.getdict("EXTENSIONS")
    assert extensions["scrapy.extensions.telnet.TelnetConsole"] is None
    assert extensions["scrapy.extensions.remote_control.RemoteControl"] is None


def test_replica_listens_on_loopback_only() -> None:
    with serving(Catalog(provinces=1, per_province=1)) as server:
        port = server.server_address[1]
        ours = [a for a in _listening().values() if int(a.rsplit(":", 1)[1], 16) == port]
    assert ours == ["0100007F:" + f"{port:04X}"]  # 127.0.0.1, little-endian hex


def test_requests_to_unconfigured_hosts_are_refused() -> None:
    crawler = get_crawler(PrdSpider, settings_dict=_project_settings())
    crawler.spider = PrdSpider.from_crawler(crawler, province="nongkhai")
    fence = HostFence(crawler)
    fence.process_request(Request("https://nongkhai.prd.go.th/th/content/category/index/id/9"))
    fence.process_request(Request("https://www.prd.go.th/th/content/"))  # configured too
    for url in ("https://evil.example/", "http://127.0.0.1:6379/", "https://prd.go.th.evil/"):
        with pytest.raises(OffsiteRequest):
            fence.process_request(Request(url))


@pytest.mark.parametrize("name", ["..", "../etc", "a/b", "/abs", "", ".hidden", "x\0y", "a\\b"])
def test_unsafe_path_names_are_refused(name: str, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unsafe"):
        safe_component(name, "test")
    with pytest.raises(ValueError, match="unsafe"):
        partition_dir(tmp_path, name, 2025)
    with pytest.raises(ValueError, match="unsafe"):
        part_name(name)


def test_a_crawl_id_cannot_name_a_path_outside(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unsafe crawl id"):
        DatasetWriter(tmp_path, "../../escape").add_error("https://x/", "fetch", "E", "m")
    assert not (tmp_path.parent / "escape").exists()


def test_a_province_code_is_validated_before_it_is_written() -> None:
    with pytest.raises(SchemaError, match="province_code must match"):
        error_row("https://x/", "fetch", "E", "m", "c1", province_code="../../etc")


def test_a_source_file_cannot_give_a_path_as_iso_code(tmp_path: Path) -> None:
    toml = tmp_path / "sources.toml"
    toml.write_text(
        '[[source]]\nslug = "x"\nhost = "x.prd.go.th"\nname_th = "x"\nname_en = "x"\n'
        'iso_code = "../../etc"\n',
        encoding="utf-8",
    )
    with pytest.raises(SourceError, match="iso_code"):
        load_sources(toml)


def _project_settings() -> dict[str, object]:
    import crawler.settings as project

    return {k: getattr(project, k) for k in dir(project) if k.isupper()}
