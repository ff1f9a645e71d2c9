"""A real NasOrleans service for the tests: `nas serve` in a subprocess on a fresh data directory and a free port."""

import atexit
import glob
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON_ROOT = os.path.dirname(HERE)
REPO_ROOT = os.path.dirname(os.path.dirname(PYTHON_ROOT))
sys.path.insert(0, PYTHON_ROOT)
sys.path.insert(0, os.path.join(PYTHON_ROOT, "examples"))

START_TIMEOUT = float(os.environ.get("NAS_SERVE_START_TIMEOUT", "90"))


def nas_bin():
    """The nas executable: $NAS_BIN, else the Release build in the repository."""
    path = os.environ.get("NAS_BIN") or os.path.join(REPO_ROOT, "src", "Client", "bin", "Release", "net10.0", "nas")
    if not os.path.exists(path):
        raise RuntimeError(f"{path} is missing: build the solution (dotnet build -c Release) or set NAS_BIN")
    return path


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NasServer:
    """`nas serve --data-dir DIR --port PORT`, ready once GET /healthz answers 200 and the admin key is written."""

    def __init__(self):
        self.data = tempfile.mkdtemp(prefix="nas-python-")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = os.path.join(self.data, "serve.log")
        self._log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [nas_bin(), "serve", "--data-dir", self.data, "--port", str(self.port)],
            stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=self.data)
        self._wait_ready()
        with open(os.path.join(self.data, "secrets", "admin.key"), encoding="utf-8") as f:
            self.admin_key = f.read().strip()

    def _wait_ready(self):
        deadline = time.monotonic() + START_TIMEOUT
        key = os.path.join(self.data, "secrets", "admin.key")
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nas serve exited with {self.process.returncode}:\n{self.log()}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as r:
                    if r.status == 200 and os.path.exists(key):
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"nas serve did not answer /healthz within {START_TIMEOUT:.0f} s:\n{self.log()}")

    def log(self):
        self._log.flush()
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")[-4000:]

    def database(self):
        """The service's SQLite store (nas.db in the data directory)."""
        found = glob.glob(os.path.join(self.data, "nas.db")) or glob.glob(os.path.join(self.data, "**", "nas.db"), recursive=True)
        if not found:
            raise RuntimeError(f"no nas.db under {self.data}")
        return found[0]

    def completions(self, study_id):
        """The store's completion log of the study (the control plane's duplicate detector): (trial_id, lease_id, attempt, status) rows."""
        with sqlite3.connect(f"file:{self.database()}?mode=ro", uri=True, timeout=10) as db:
            return db.execute("SELECT trial_id, lease_id, attempt, status FROM trial_completions WHERE study_id = ? ORDER BY seq",
                              (study_id,)).fetchall()

    def add_key(self, owner, scope):
        """A new API key (`nas keys add` into the service's keys file, which it reloads within seconds)."""
        out = os.path.join(self.data, "secrets", f"{owner}-{scope}.key")
        subprocess.run([nas_bin(), "keys", "add", "--file", os.path.join(self.data, "secrets", "api-keys.json"),
                        "--owner", owner, "--scope", scope, "--out", out],
                       check=True, capture_output=True, timeout=60)
        with open(out, encoding="utf-8") as f:
            return f.read().strip()

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()
        if os.environ.get("NAS_KEEP_TEST_DATA") != "1":
            shutil.rmtree(self.data, ignore_errors=True)


_SERVER = None
_FAILED = None


def server():
    """The one service of this test run (started on first use, stopped at exit); a failed start is not retried."""
    global _SERVER, _FAILED
    if _FAILED is not None:
        raise RuntimeError(f"nas serve did not start (see the first failure): {_FAILED}")
    if _SERVER is None:
        try:
            _SERVER = NasServer()
        except Exception as e:
            _FAILED = e
            raise
        atexit.register(_SERVER.stop)
    return _SERVER


def spec(name, trials=4, parallel=2, timeout=None, failed=None):
    """An external study's spec as JSON text (C and gamma of an SVC, as the example's)."""
    budget = {"max_trials": trials, "parallel_trials": min(parallel, trials)}
    if timeout:
        budget["trial_timeout"] = timeout
    if failed is not None:
        budget["max_failed_trials"] = failed
    return json.dumps({
        "name": name,
        "objective": {"metric": "accuracy", "goal": "maximize"},
        "space": {"kind": "custom", "decisions": [
            {"name": "C", "type": "float", "min": 0.01, "max": 100, "log": True},
            {"name": "gamma", "type": "float", "min": 0.0001, "max": 1, "log": True}]},
        "algorithm": {"name": "random", "seed": 7},
        "trainer": {"kind": "external"},
        "budget": budget,
    })
