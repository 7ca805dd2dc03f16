#!/usr/bin/env python3
"""Time from didChange to publishDiagnostics in `copydesk lsp`.

Starts the server over stdio (no dependencies: JSON-RPC by hand),
initializes it with no lint delay (lintDelayMs 0, push diagnostics), opens
each draft and then sends RUNS one-character incremental edits, timing each
from writing the didChange to reading the publishDiagnostics of that
version. The time is measured by the client, so it includes the pipe and
JSON on both sides: an upper bound on the server's own time. The server's
CPU time (user + system, from /proc, in clock ticks of 10 ms: use enough
RUNS) over the same edits, divided by RUNS, is the work it did per edit
whatever the machine's load.

Drafts: the seed article (examples/seed-article.txt, 2.4 KB), and the
seed's body repeated after its headline until it passes 5 KB (7 KB: three
copies) and 100 KB.

    scripts/lsp-bench.py [BINARY] [RUNS]

BINARY defaults to target/release/copydesk (build it with
`cargo build --release`); RUNS to 30. Prints a markdown table.
"""

from __future__ import annotations

import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]


class Server:
    def __init__(self, binary: str):
        self.proc = subprocess.Popen(
            [binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0
        )
        self.next_id = 0

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def read(self) -> dict:
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("the server closed its output")
            line = line.strip()
            if not line:
                break
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        data = b""
        while len(data) < length:
            data += self.proc.stdout.read(length - len(data))
        return json.loads(data)

    def request(self, method: str, params) -> dict:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.read()
            if message.get("id") == self.next_id and "method" not in message:
                return message

    def notify(self, method: str, params) -> None:
        self.send({"method": method, "params": params})

    def published(self, uri: str, version: int) -> list:
        while True:
            message = self.read()
            if message.get("method") == "textDocument/publishDiagnostics":
                params = message["params"]
                if params["uri"] == uri and params.get("version") == version:
                    return params["diagnostics"]

    def cpu_seconds(self) -> float:
        """The server's user + system CPU time so far (Linux /proc)."""
        fields = pathlib.Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.request("shutdown", None)
        self.notify("exit", None)
        self.proc.wait(timeout=10)


def drafts(folder: pathlib.Path) -> list[tuple[str, pathlib.Path]]:
    seed = (ROOT / "examples" / "seed-article.txt").read_text(encoding="utf-8")
    headline, _, body = seed.partition("\n")
    made = [("seed article", "seed-article.txt", seed)]
    for size in (5_000, 100_000):
        text = headline + "\n"
        while len(text.encode()) < size:
            text += body.rstrip("\n") + "\n\n"
        label = f"seed body repeated to {len(text.encode()) / 1000:.0f} KB"
        made.append((label, f"draft-{size}.txt", text))
    out = []
    for label, name, text in made:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        out.append((label, path))
    return out


def main() -> None:
    binary = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "target" / "release" / "copydesk")
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        os.environ["XDG_CACHE_HOME"] = str(folder / "cache")
        server = Server(binary)
        server.request(
            "initialize",
            {"processId": None, "rootUri": None, "capabilities": {},
             "initializationOptions": {"lintDelayMs": 0, "diagnosticMode": "push"}},
        )
        server.notify("initialized", {})
        for label, path in drafts(folder):
            uri = path.resolve().as_uri()
            text = path.read_text(encoding="utf-8")
            server.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "plaintext", "version": 1, "text": text}})
            findings = len(server.published(uri, 1))
            times = []
            cpu_before = server.cpu_seconds()
            for version in range(2, runs + 2):
                # Type a character at the end of the headline, or delete it.
                line0 = len(text.partition("\n")[0].encode("utf-16-le")) // 2
                if version % 2 == 0:
                    change = {"range": {"start": {"line": 0, "character": line0},
                                        "end": {"line": 0, "character": line0}}, "text": "x"}
                else:
                    change = {"range": {"start": {"line": 0, "character": line0},
                                        "end": {"line": 0, "character": line0 + 1}}, "text": ""}
                started = time.perf_counter()
                server.notify("textDocument/didChange", {
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [change]})
                server.published(uri, version)
                times.append((time.perf_counter() - started) * 1000)
            cpu = (server.cpu_seconds() - cpu_before) / runs * 1000
            times.sort()
            rows.append((label, len(text.encode()), findings, statistics.median(times),
                         times[int(len(times) * 0.9) - 1], times[0], cpu))
        server.stop()
    print(f"didChange -> publishDiagnostics, {runs} edits per draft, `{pathlib.Path(binary).name} lsp` "
          f"(load {os.getloadavg()[0]:.2f}):\n")
    print("| draft | bytes | findings | median ms | p90 ms | min ms | server CPU ms per edit |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, size, findings, median, p90, best, cpu in rows:
        print(f"| {label} | {size:,} | {findings} | {median:.2f} | {p90:.2f} | {best:.2f} | {cpu:.2f} |")


if __name__ == "__main__":
    main()
