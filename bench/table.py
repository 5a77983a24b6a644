"""Turns one bench/run.sh session into a markdown table with ratios, and the plot's data file.

    python3 bench/table.py RAW_DIR RESULTS_DIR

RAW_DIR holds results.tsv, verify.tsv, startup.txt and, when the peers ran, peers/*/<run>.txt
with their RESULT lines. Every ratio divides two figures from this same session.
"""
import glob
import os
import re
import sys

raw, results = sys.argv[1], sys.argv[2]

runs = {}
for line in open(os.path.join(raw, "results.tsv")):
    name, conns, rps, p50, p90, p99, mx, codes, errors = line.rstrip("\n").split("\t")
    runs[(name, int(conns))] = dict(rps=float(rps), p50=p50, p99=p99, codes=codes, errors=errors)

peers = {}  # (system, run) -> (rps, p99)
for path in glob.glob(os.path.join(raw, "peers", "*", "*.txt")):
    system = os.path.basename(os.path.dirname(path)).split("-")[0]
    for line in open(path, errors="replace"):
        if line.startswith("RESULT"):
            fields = dict(kv.split("=", 1) for kv in line.split()[1:] if "=" in kv)
            run = os.path.basename(path)[:-4]
            peers[(system, run)] = (float(fields["rps"]), fields["p99_ms"])

verify = {}
if os.path.exists(os.path.join(raw, "verify.tsv")):
    for line in open(os.path.join(raw, "verify.tsv")):
        name, conns, acked, stored = line.split()
        verify[(name, int(conns))] = (int(acked), int(stored))

LABELS = {
    "submit_api": "(a) post a comment, JSON API",
    "submit_form": "(a) post a comment, HTML form with CSRF",
    "page0": "(b) article page, 0 approved comments",
    "page50": "(b) article page, 50 approved comments",
    "page500": "(b) article page, 500 approved comments",
    "api0": "(b) approved-comments API, 0 comments",
    "api50": "(b) approved-comments API, 50 comments",
    "api500": "(b) approved-comments API, 500 comments",
    "queue_api": "(c) moderation queue API, 50 per page",
    "queue_api_risk": "(c) moderation queue API by risk, 50 per page",
    "queue_page": "(c) moderation queue page (HTML)",
    "static_diwan": "ceiling: Diwan's smallest static file (fontsize.js)",
    "static_nginx": "ceiling: nginx, same file",
    "page500_nginx": "ceiling: nginx, copy of the 500-comment page",
    "api500_nginx": "ceiling: nginx, copy of the 500-comment JSON",
}
# which nginx copy has the same bytes, and which peer runs do the same job
SAME_BYTES = {"page500": "page500_nginx", "api500": "api500_nginx"}
PEER_RUNS = {
    "submit_api": [("wordpress", "a_post"), ("waline", "a_post")],
    "submit_form": [("wordpress", "a_post"), ("waline", "a_post")],
    "page0": [("wordpress", "b0_get")],
    "page500": [("wordpress", "b500_get")],
    "api0": [("waline", "b0_list10")],
    "api500": [("waline", "b500_list100")],
}


def ratio(a, b):
    if not b:
        return "–"
    r = a / b
    return f"{r:,.0f}×" if r >= 100 else f"{r:,.1f}×" if r >= 10 else f"{r:.2f}×"


def peer_cell(name, conns, system):
    for sys_name, run in PEER_RUNS.get(name, []):
        if sys_name == system and (system, f"{run}_c{conns}") in peers:
            rps, p99 = peers[(system, f"{run}_c{conns}")]
            return f"{rps:,.1f} ({p99} ms) → {ratio(runs[(name, conns)]['rps'], rps)}"
    return "–"


rows = [
    "| workload | conns | Diwan req/s | p50 ms | p99 ms | answers | ÷ Diwan static | ÷ nginx same bytes | WordPress req/s (p99) → Diwan× | Waline req/s (p99) → Diwan× |",
    "|---|---|---|---|---|---|---|---|---|---|",
]
for name in LABELS:
    for conns in sorted(c for (n, c) in runs if n == name):
        r = runs[(name, conns)]
        static = runs.get(("static_diwan", conns), {}).get("rps")
        same = runs.get((SAME_BYTES.get(name), conns), {}).get("rps")
        answers = r["codes"] + ("" if r["errors"] in ("0", "") else f", {r['errors']} errors")
        if (name, conns) in verify:
            acked, stored = verify[(name, conns)]
            answers += f"; stored {stored:,} of {acked:,} acknowledged"
        rows.append(
            f"| {LABELS[name]} | {conns} | {r['rps']:,.1f} | {r['p50']} | {r['p99']} | {answers} | "
            f"{ratio(r['rps'], static) if not name.startswith('static_diwan') else '1'} | "
            f"{ratio(r['rps'], same) if same else '–'} | "
            f"{peer_cell(name, conns, 'wordpress')} | {peer_cell(name, conns, 'waline')} |"
        )

facts = open(os.path.join(raw, "startup.txt")).read().split("\n")
notes = ", ".join(f.replace("_", " ", 1) for f in facts if f.strip())
with open(os.path.join(results, "table.md"), "w") as out:
    out.write("\n".join(rows) + "\n\n" + notes + "\n")

# plot data: workload, Diwan@8, Diwan@32, WordPress@8, @32, Waline@8, @32, nginx same-bytes @32
PLOT = [("submit_api", "post comment"), ("page0", "page, 0"), ("page500", "page, 500"),
        ("api500", "API, 500"), ("queue_api", "queue API")]
with open(os.path.join(results, "plot.dat"), "w") as out:
    for name, label in PLOT:
        cells = [runs.get((name, c), {}).get("rps", 0) for c in (8, 32)]
        for system in ("wordpress", "waline"):
            for c in (8, 32):
                found = [peers[(s, f"{r}_c{c}")][0] for s, r in PEER_RUNS.get(name, [])
                         if s == system and (s, f"{r}_c{c}") in peers]
                cells.append(found[0] if found else 0)
        ceiling = runs.get((SAME_BYTES.get(name, "static_nginx"), 32), {}).get("rps", 0)
        cells.append(ceiling)
        out.write(f'"{label}" ' + " ".join(f"{v:.1f}" if v else "NaN" for v in cells) + "\n")
print(open(os.path.join(results, "table.md")).read())
