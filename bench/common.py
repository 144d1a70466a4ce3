"""Shared by bench/ack.py and bench/pipeline.py: processes on free ports, /proc readings, signed Slack requests.

Every process started here is stopped by Stack.close(), by its own PID, even when a benchmark fails.
"""
import hashlib
import hmac
import json
import os
import socket
import statistics
import subprocess
import time
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

# The sandbox's fixed, public values (SlackWorkspace): not secrets.
SIGNING_SECRET = "sandbox-signing-secret-0000000000"
BOT_TOKEN = "xoxb-sandbox-0000000000-rootbot"
ALICE = ("U0ALICE00", "alice")
CHANNEL = ("C0INCIDENT", "incident-42")
MANAGEMENT_KEY = ("AKIASANDBOXMANAGEMNT", "sandbox-management-secret")
HELP = "help"
REAL = "unlock bucket payments-audit-logs in account prod-payments because INC-42 bench {n}"


def env_number(name, default):
    value = os.environ.get(name, "")
    return type(default)(value) if value.strip() else default


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid):
    """User plus system CPU time of a process so far, from /proc/PID/stat."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def machine_cpu_seconds():
    """CPU time of the whole machine (all cores, busy and idle) so far, from /proc/stat."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    return sum(fields) / CLOCK_TICKS, (fields[3] + fields[4]) / CLOCK_TICKS  # total, idle + iowait


def memory_kib(pid, key):
    """VmRSS (resident now) or VmHWM (peak resident) of a process, in KiB."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else float("nan")


class Stack:
    """Processes started for a benchmark, stopped in reverse order."""

    def __init__(self, workdir):
        self.workdir = workdir
        self.processes = []

    def start(self, name, command, env=None, cwd=None):
        log = open(os.path.join(self.workdir, name + ".log"), "w")
        full_env = dict(os.environ)
        full_env.update(env or {})
        started = time.monotonic()
        process = subprocess.Popen(command, env=full_env, cwd=cwd or ROOT, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        process.bench_name, process.bench_log, process.bench_started = name, log.name, started
        self.processes.append(process)
        return process

    def close(self):
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
        for process in reversed(self.processes):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_http(process, url, timeout=120):
    """Polls url until it answers 200; returns the seconds from the process's start. Fails if the process died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{process.bench_name} exited with {process.returncode}; see {process.bench_log}:\n"
                             + open(process.bench_log).read()[-3000:])
        try:
            with urllib.request.urlopen(url, timeout=1) as answer:
                if answer.status == 200:
                    return time.monotonic() - process.bench_started
        except OSError:
            pass
        time.sleep(0.01)
    raise SystemExit(f"{process.bench_name} did not answer {url} within {timeout}s; see {process.bench_log}")


def wait_line(process, pattern, timeout=120):
    """Waits until the process's log has a line containing pattern; returns that line."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with open(process.bench_log) as f:
            for line in f:
                if pattern in line:
                    return line.strip()
        if process.poll() is not None:
            break
        time.sleep(0.05)
    raise SystemExit(f"{process.bench_name} never printed '{pattern}'; see {process.bench_log}")


def wait_quiet(pids, limit=0.10, timeout=180):
    """Waits until the processes together use less than `limit` of one core over a second (work after a round)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        before = sum(cpu_seconds(p) for p in pids)
        time.sleep(1)
        if sum(cpu_seconds(p) for p in pids) - before < limit:
            return True
    return False


class Signer:
    """Slash commands as the simulated Slack sends them (field order and all), each distinct and freshly signed."""

    def __init__(self, slack_url, secret=SIGNING_SECRET):
        self.key = secret.encode()
        self.slack_url = slack_url
        self.counter = 0

    def slash_command(self, text):
        self.counter += 1
        n = self.counter
        quote = urllib.parse.quote_plus
        # Encoded once per text: the fields that do not change; only the counter is formatted per request.
        if getattr(self, "_text", None) != text:
            head = urllib.parse.urlencode([
                ("token", "sandboxVerificationToken000"), ("team_id", "T0SANDBOX"),
                ("team_domain", "rootbot-sandbox"), ("channel_id", CHANNEL[0]), ("channel_name", CHANNEL[1]),
                ("user_id", ALICE[0]), ("user_name", ALICE[1]), ("command", "/root")])
            self._text = text
            self._parts = (head + "&text=" + quote(text.replace("{n}", "\0")).replace("%00", "{n}")
                           + "&api_app_id=A0ROOTBOT&is_enterprise_install=false&response_url="
                           + quote(self.slack_url + "/respond/bench-") + "{n}&trigger_id=bench.{n}." + str(os.getpid()))
        return self._parts.replace("{n}", str(n))

    def sign(self, body, timestamp=None):
        timestamp = str(int(time.time()) if timestamp is None else timestamp)
        digest = hmac.new(self.key, f"v0:{timestamp}:{body}".encode(), hashlib.sha256).hexdigest()
        return timestamp, "v0=" + digest

    def post(self, url, body):
        """Sends one signed request; returns (status, body text)."""
        timestamp, signature = self.sign(body)
        request = urllib.request.Request(url, data=body.encode(), method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": signature})
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.read().decode()

    def write_files(self, prefix, text, count, files):
        """Writes `count` signed requests into each of the files PREFIX.1 … PREFIX.N, one request a line."""
        timestamp = str(int(time.time()))
        start = f"v0:{timestamp}:".encode()
        for i in range(files):
            lines = []
            for _ in range(count):
                body = self.slash_command(text)
                digest = hmac.new(self.key, start + body.encode(), hashlib.sha256).hexdigest()
                lines.append(f"{timestamp}\tv0={digest}\t{body}\n")
            with open(f"{prefix}.{i + 1}", "w") as out:
                out.writelines(lines)


def json_text(body):
    """The text of an ack, whether sent as JSON ({"text": …}) or as plain text."""
    try:
        return json.loads(body)["text"]
    except (ValueError, KeyError, TypeError):
        return body
