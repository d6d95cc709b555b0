"""Per-command statistics and sanity checks for the pip inotify traces in this folder.
Usage: python3 trace_stats.py TRACE.jsonl [...]   (prints a markdown table per trace)
Events belong to the step whose first `start` precedes them, up to the next step's `start`
(or `finish`); parallel commands of one step share one row. Burst = first to last event of
the step; gap = largest time between consecutive events of that burst."""
import collections, json, sys

def load(path):
    recs = []
    with open(path) as f:
        for n, line in enumerate(f, 1):
            try:
                recs.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise SystemExit(f"{path}:{n}: not JSON: {e}")
    return recs

def check(path, recs):
    ops = collections.Counter(r.get("op") for r in recs if "op" in r)
    problems = []
    for op in ("begin", "start", "end", "state", "finish"):
        if not ops[op]:
            problems.append(f"no {op} marker")
    if ops["start"] != ops["end"]:
        problems.append(f"{ops['start']} starts but {ops['end']} ends")
    for r in recs:
        if r.get("op") in ("begin", "state") and not isinstance(r.get("installed"), dict):
            problems.append(f"{r['op']} without installed map at t={r['t']}")
        if "op" not in r and not ("ev" in r and "path" in r and "t" in r):
            problems.append(f"odd record {r}")
    ts = [r["t"] for r in recs]
    if any(b < a for a, b in zip(ts, ts[1:])):
        problems.append("timestamps not monotonic")
    if recs[-1].get("op") != "finish":
        problems.append("last record is not finish")
    return problems

def steps(recs):
    rows, cur = [], None
    for r in recs:
        op = r.get("op")
        if op == "start":
            if cur is None or cur["step"] != r["step"]:
                cur = {"step": r["step"], "cmds": [], "t0": r["t"], "ev": [], "rc": [], "end": None}
                rows.append(cur)
            cur["cmds"].append(" ".join(r["cmd"]))
        elif op == "end" and cur:
            cur["rc"].append(r["rc"]); cur["end"] = r["t"]
        elif op == "finish":
            cur = None
        elif "ev" in r and cur is not None:
            cur["ev"].append(r["t"])
    return rows

def ms(ns):
    return f"{ns / 1e6:,.0f} ms"

def table(path):
    recs = load(path)
    problems = check(path, recs)
    n_ev = sum(1 for r in recs if "ev" in r)
    kinds = collections.Counter(r["ev"] for r in recs if "ev" in r)
    print(f"### {path.rsplit('/', 1)[-1]}: {len(recs):,} records, {n_ev:,} events; checks: {'OK' if not problems else '; '.join(problems)}")
    print("event types: " + ", ".join(f"{k} {v:,}" for k, v in kinds.most_common()))
    print()
    print("| command | rc | events | burst length | largest gap inside the burst | start→first event | last event→exit |")
    print("|---|---|---|---|---|---|---|")
    for s in steps(recs):
        ev = s["ev"]
        cmd = " ‖ ".join(s["cmds"])
        rc = ",".join(map(str, s["rc"]))
        if not ev:
            print(f"| {cmd} | {rc} | 0 | – | – | – | – |"); continue
        gap = max((b - a for a, b in zip(ev, ev[1:])), default=0)
        print(f"| {cmd} | {rc} | {len(ev):,} | {ms(ev[-1] - ev[0])} | {ms(gap)} | {ms(ev[0] - s['t0'])} | {ms(s['end'] - ev[-1])} |")
    print()
    return problems

if __name__ == "__main__":
    bad = [p for p in sys.argv[1:] if table(p)]
    sys.exit(1 if bad else 0)
