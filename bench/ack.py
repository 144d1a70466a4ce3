"""bench/ack.sh's measurement: Rootbot, the bare Bolt for Java floor and Bolt for JavaScript, in turn, acking signed
/root requests sent by wrk against the same simulated Slack (and, for Rootbot, the simulated AWS).

Arguments: one or more LABEL=TREE (a source tree with its built bot/target/rootbot.jar and its ./rootbot launcher).
Environment (all optional): BENCH_SECONDS (10) per measured run, BENCH_WARMUP (5) seconds per app and request,
BENCH_ROUNDS (3), BENCH_CONNECTIONS ("1,16"), BENCH_REQUESTS ("help,real"), BENCH_APPS ("rootbot,bolt-java,bolt-js"),
BENCH_MAX_RATE (10000) the most requests a second signed for a run, BENCH_WORKDIR (a temporary directory).
"""
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

from common import (BOT_TOKEN, HELP, HERE, MANAGEMENT_KEY, REAL, ROOT, SIGNING_SECRET, Signer, Stack, cpu_seconds,
                    env_number, free_port, json_text, median, wait_http, wait_line, wait_quiet)

SECONDS = env_number("BENCH_SECONDS", 10)
WARMUP = env_number("BENCH_WARMUP", 5)
ROUNDS = env_number("BENCH_ROUNDS", 3)
CONNECTIONS = [int(c) for c in os.environ.get("BENCH_CONNECTIONS", "1,16").split(",")]
REQUESTS = os.environ.get("BENCH_REQUESTS", "help,real").split(",")
APPS = os.environ.get("BENCH_APPS", "rootbot,bolt-java,bolt-js").split(",")
MAX_RATE = env_number("BENCH_MAX_RATE", 10000)
TEXTS = {"help": HELP, "real": REAL}
MARKERS = {"help": "unlock bucket", "real": "Checking your request"}
SANDBOX_JAR = os.path.join(ROOT, "sandbox", "target", "sandbox.jar")
FLOOR_JAR = os.path.join(HERE, "bolt-java", "target", "bolt-java-floor.jar")


class App:
    def __init__(self, name, process, port):
        self.name, self.process, self.port = name, process, port
        self.url = f"http://127.0.0.1:{port}/slack/events"


def start_rootbot(stack, label, tree, slack_api, aws_url, workdir, java_opts):
    port = free_port()
    store = tempfile.mkdtemp(prefix="store-", dir=workdir)
    flags = {"ROOTBOT_JAVA_OPTS": java_opts[0] if java_opts[0].strip() else " "} if java_opts else {}
    process = stack.start(label, [os.path.join(tree, "rootbot"), "serve"], cwd=tree, env={**flags,
        "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_URL": slack_api,
        "PORT": str(port), "ROOTBOT_APPROVERS": "U0BOB0000,S0APPROVE", "ROOTBOT_STORE": f"sqlite:{store}/rootbot.db",
        "AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL": aws_url, "AWS_ACCESS_KEY_ID": MANAGEMENT_KEY[0],
        "AWS_SECRET_ACCESS_KEY": MANAGEMENT_KEY[1]})
    ready = wait_http(process, f"http://127.0.0.1:{port}/healthz")
    print(f"  {label}: ready in {ready:.2f}s (process start to /healthz 200), pid {process.pid}", flush=True)
    return App(label, process, port)


def start_floor(stack, name, command, slack_api, acks, cwd=None):
    port = free_port()
    process = stack.start(name, command, cwd=cwd, env={
        "PORT": str(port), "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_API_URL": slack_api, "BENCH_ACKS": acks})
    wait_line(process, "listening on")
    print(f"  {name}: pid {process.pid}", flush=True)
    return App(name, process, port)


BEST_RATE = {}  # (app, request) → the highest req/s seen so far, to sign enough requests for the next run


def run_wrk(app, kind, connections, seconds, signer, workdir):
    """One wrk run of freshly signed requests; returns its RESULT fields plus the CPU of wrk and of the app."""
    threads = min(connections, 2)
    prefix = os.path.join(workdir, "requests")
    # Four times the best rate seen, for each thread (on a busy machine rates swing and threads share unevenly);
    # MAX_RATE until a rate is known. Signing is cheap next to a run: about a second for 80,000 requests.
    rate = min(MAX_RATE, 4 * BEST_RATE.get((app.name, kind), MAX_RATE))
    signer.write_files(prefix, TEXTS[kind], max(2000, int(rate * seconds)), threads)
    command = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s",
               "-s", os.path.join(HERE, "signed.lua"), app.url, "--", prefix, MARKERS[kind]]
    app_cpu = cpu_seconds(app.process.pid)
    started = time.monotonic()
    wrk = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = wrk.stdout.read()
    _, status, usage = os.wait4(wrk.pid, 0)
    wall = time.monotonic() - started
    app_cpu = cpu_seconds(app.process.pid) - app_cpu
    line = next((l for l in output.splitlines() if l.startswith("RESULT ")), None)
    if status != 0 or line is None:
        raise SystemExit(f"wrk failed:\n{output}")
    result = {k: float(v) for k, v in (field.split("=") for field in line.split()[1:])}
    result["rps"] = result["requests"] / result["seconds"]
    BEST_RATE[(app.name, kind)] = max(BEST_RATE.get((app.name, kind), 0), result["rps"])
    result["wrk_cpu"] = (usage.ru_utime + usage.ru_stime) / wall
    result["app_cpu"] = app_cpu / wall
    return result


def settle(apps, others):
    if not wait_quiet([a.process.pid for a in apps] + others):
        print("  (the apps were still busy after 180 s; measuring anyway)", flush=True)


def main():
    trees = [arg.split("=", 2) for arg in sys.argv[1:]]  # LABEL=TREE or LABEL=TREE=JAVA_OPTS
    workdir = os.environ.get("BENCH_WORKDIR") or tempfile.mkdtemp(prefix="rootbot-bench-")
    stack = Stack(workdir)
    try:
        measure(stack, trees, workdir)
    finally:
        stack.close()
        for name in os.listdir(workdir):
            if name.startswith("requests."):
                os.remove(os.path.join(workdir, name))
    print(f"\nLogs: {workdir}")


def measure(stack, trees, workdir):
    print(f"Starting (logs in {workdir}):", flush=True)
    aws_port, slack_port = free_port(), free_port()
    aws = stack.start("sandbox-aws", ["java", "-jar", SANDBOX_JAR, "aws", "--port", str(aws_port)])
    slack = stack.start("sandbox-slack", ["java", "-jar", SANDBOX_JAR, "slack", "--port", str(slack_port)])
    wait_line(aws, "listening on")
    wait_line(slack, "listening on")
    slack_url = f"http://127.0.0.1:{slack_port}"
    signer = Signer(slack_url)

    apps = []
    if "rootbot" in APPS:
        for label, tree, *java_opts in trees:
            apps.append(start_rootbot(stack, label, tree, slack_url + "/api/", f"http://127.0.0.1:{aws_port}", workdir,
                                      java_opts))
    # The floors ack with Rootbot's own words, read from the first Rootbot (or its usual words without one).
    acks = {"help": "Rootbot: /root unlock bucket <bucket> in account <account> ...",
            "request": ":hourglass_flowing_sand: Checking your request; its card will appear in this channel"
                       " for a second person to approve."}
    if apps:
        acks = {"help": json_text(signer.post(apps[0].url, signer.slash_command(HELP))[1]),
                "request": json_text(signer.post(apps[0].url, signer.slash_command(REAL))[1])}
    acks_file = os.path.join(workdir, "acks.json")
    with open(acks_file, "w") as f:
        json.dump(acks, f)
    if "bolt-java" in APPS:
        apps.append(start_floor(stack, "bolt-java", ["java", "-jar", FLOOR_JAR], slack_url + "/api/", acks_file))
    if "bolt-js" in APPS:
        apps.append(start_floor(stack, "bolt-js", ["node", "app.js"], slack_url + "/api/", acks_file,
                                cwd=os.path.join(HERE, "bolt-js")))
    others = [aws.pid, slack.pid]

    print(f"Warm-up: {WARMUP}s per app and request at {max(CONNECTIONS)} connections", flush=True)
    for app in apps:
        for kind in REQUESTS:
            run_wrk(app, kind, max(CONNECTIONS), WARMUP, signer, workdir)
            settle(apps, others)

    results = {}
    print(f"Measuring: {ROUNDS} rounds of {SECONDS}s runs, apps in turn (order rotated each round)", flush=True)
    for round_number in range(ROUNDS):
        for kind in REQUESTS:
            for connections in CONNECTIONS:
                order = apps[round_number % len(apps):] + apps[:round_number % len(apps)]
                for app in order:
                    result = run_wrk(app, kind, connections, SECONDS, signer, workdir)
                    results.setdefault((app.name, kind, connections), []).append(result)
                    print(f"  round {round_number + 1} {app.name:>16} {kind:>4} c={connections:<2} "
                          f"{result['rps']:9.0f} req/s  p99 {result['p99_ms']:8.2f} ms  busy {result['busy']:.0f}"
                          f"  wrk cpu {result['wrk_cpu']:.0%}", flush=True)
                    settle(apps, others)
    report(apps, results)


def report(apps, results):
    print("\nMedians over rounds (req/s, p50 and p99 of the ack in ms; non-2xx, busy, unexpected and socket errors"
          " summed over rounds; CPU as a share of one core)\n")
    header = ("| app | request | conns | req/s | p50 ms | p99 ms | non-2xx | busy | unexpected | errors | app CPU "
              "| wrk CPU |")
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for kind in REQUESTS:
        for connections in CONNECTIONS:
            for app in apps:
                rows = results.get((app.name, kind, connections), [])
                if not rows:
                    continue
                total = lambda key: sum(r[key] for r in rows)
                exhausted = " (ran out of signed requests: raise BENCH_MAX_RATE)" if total("exhausted") else ""
                print(f"| {app.name} | {kind} | {connections} | {median(r['rps'] for r in rows):,.0f} "
                      f"| {median(r['p50_ms'] for r in rows):.2f} | {median(r['p99_ms'] for r in rows):.2f} "
                      f"| {total('non200'):.0f} | {total('busy'):.0f} | {total('unexpected'):.0f} "
                      f"| {total('socket_errors') + total('timeouts'):.0f} "
                      f"| {median(r['app_cpu'] for r in rows):.0%} | {median(r['wrk_cpu'] for r in rows):.0%} |"
                      + exhausted)
    reference = next((a for a in apps if a.name == "bolt-js"), None)
    if reference is None:
        return
    print("\nRatios to Bolt for JavaScript (req/s: higher is better; p99: lower is better)\n")
    print("| app | request | conns | req/s ratio | p99 ratio |")
    print("|---|---|---|---|---|")
    for kind in REQUESTS:
        for connections in CONNECTIONS:
            base = results.get((reference.name, kind, connections))
            for app in apps:
                rows = results.get((app.name, kind, connections))
                if app is reference or not rows or not base:
                    continue
                rps = median(r["rps"] for r in rows) / median(r["rps"] for r in base)
                p99 = median(r["p99_ms"] for r in rows) / median(r["p99_ms"] for r in base)
                print(f"| {app.name} / bolt-js | {kind} | {connections} | {rps:.2f} | {p99:.2f} |")


if __name__ == "__main__":
    main()
