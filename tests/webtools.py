"""Helpers for the web and report tests: run the real CLI, start and stop the real server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
WEB_DATA = REPO / "tests" / "data" / "web"


def cli_env() -> dict[str, str]:
    """The environment for a `python -m dyadwatch.cli` subprocess that runs this checkout's code."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "src"), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def run_cli(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dyadwatch.cli", *args], capture_output=True, text=True,
                          env=cli_env(), cwd=REPO, timeout=timeout)  # fmt: skip


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, folder: Path) -> tuple[subprocess.Popen, str]:
    """`dyadwatch serve` in a subprocess on a free 127.0.0.1 port; returns (process, base URL) once it answers."""
    port = free_port()
    log_path = folder / f"serve-{port}.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "dyadwatch.cli", "serve", "--db", str(db), "--port", str(port)],
            stdout=log, stderr=subprocess.STDOUT, env=cli_env(), cwd=REPO,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        if proc.poll() is not None:
            raise RuntimeError(f"serve exited with {proc.returncode}: {log_path.read_text()[-2000:]}")
        try:
            httpx.get(base + "/static/charts.js", timeout=1.0)
            return proc, base
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"serve did not answer within 60 s: {log_path.read_text()[-2000:]}")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


class PageParts:
    """What a browser would execute or show in an HTML page: scripts, event-handler attributes, text."""

    def __init__(self, html: str) -> None:
        from html.parser import HTMLParser

        parts = self
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.handlers: list[tuple[str, str, str | None]] = []  # (tag, attribute, value)
        self.tags: list[str] = []
        self.text = ""
        chunks: list[str] = []

        class Parser(HTMLParser):
            in_script: dict[str, str | None] | None = None
            script_text: list[str] = []

            def handle_starttag(self, tag, attrs):  # noqa: ANN001
                parts.tags.append(tag)
                parts.handlers += [(tag, k, v) for k, v in attrs if k.lower().startswith("on")]
                parts.handlers += [(tag, k, v) for k, v in attrs if (v or "").strip().lower().startswith("javascript:")]
                if tag == "script":
                    self.in_script, self.script_text = dict(attrs), []

            def handle_endtag(self, tag):  # noqa: ANN001
                if tag == "script" and self.in_script is not None:
                    parts.scripts.append((self.in_script, "".join(self.script_text)))
                    self.in_script = None

            def handle_data(self, data):  # noqa: ANN001
                if self.in_script is not None:
                    self.script_text.append(data)
                else:
                    chunks.append(data)

        parser = Parser(convert_charrefs=True)
        parser.feed(html)
        parser.close()
        self.text = "".join(chunks)

    def executable_scripts(self) -> list[tuple[dict[str, str | None], str]]:
        """Scripts a browser would run (anything but JSON data blocks)."""
        return [(a, t) for a, t in self.scripts if a.get("type") != "application/json"]
