#!/usr/bin/env bash
# Issue #8 speed check: 90 days of 1h completions grouped by model,project_id against
# `usq serve --latency-ms 100`, usq (concurrent sub-windows, then a cached re-run) versus the
# cookbook notebook's sequential loop (Python, one page after another, default limit).
# Targets: usq cold ≥ 3× faster than the notebook loop; the cached re-run under 100 ms.
# The window is closed (the 90 whole days before today, UTC), so a re-run needs no request at
# all: a window reaching "now" always refetches the bucket in progress (one request, ≥ latency).
#
# Usage: Scripts/bench-api.sh [latency-ms]   (builds usq in release once)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
latency="${1:-100}"
swift build -c release --package-path "$root" --product usq >&2
usq="$root/.build/release/usq"
work="$(mktemp -d)"
trap 'kill "${server_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

"$usq" serve --port 0 --latency-ms "$latency" --key sk-admin-bench >"$work/serve.out" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do grep -q '^PORT=' "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
port="$(sed -n 's/^PORT=//p' "$work/serve.out" | head -1)"
base="http://127.0.0.1:$port/v1"
echo "server: $base (latency ${latency} ms)"

since="$(date -u -d '90 days ago' +%F)"
until="$(date -u +%F)"
notebook_seconds="$(python3 - "$base" "$since" "$until" <<'PY'
import json, sys, time, urllib.parse, urllib.request
import calendar
base = sys.argv[1]
def day(text):
    return calendar.timegm(time.strptime(text, "%Y-%m-%d"))
params = {"start_time": day(sys.argv[2]), "end_time": day(sys.argv[3]), "bucket_width": "1h",
          "group_by": ["model", "project_id"]}
began = time.monotonic()
rows, page = 0, None
while True:
    query = dict(params, **({"page": page} if page else {}))
    request = urllib.request.Request(
        base + "/organization/usage/completions?" + urllib.parse.urlencode(query, doseq=True),
        headers={"Authorization": "Bearer sk-admin-bench"})
    body = json.load(urllib.request.urlopen(request))
    rows += sum(len(bucket["results"]) for bucket in body["data"])
    page = body.get("next_page")
    if not body.get("has_more") or not page:
        break
print(f"{time.monotonic() - began:.3f}")
print(f"notebook loop: {rows} rows", file=sys.stderr)
PY
)"

run_usq() {
  local began ended
  began="$(date +%s.%N)"
  OPENAI_BASE_URL="$base" OPENAI_ADMIN_KEY=sk-admin-bench USQ_CACHE_DIR="$work/cache" \
    "$usq" -c "load completions since=$since until=$until bucket=1h group=model,project_id | count" >"$work/usq.out"
  ended="$(date +%s.%N)"
  echo "$ended - $began" | bc
}
cold="$(run_usq)"
warm="$(run_usq)"
echo "notebook sequential: ${notebook_seconds} s"
echo "usq cold:            ${cold} s  ($(echo "scale=1; $notebook_seconds / $cold" | bc)x faster)"
echo "usq cached re-run:   ${warm} s"
cat "$work/usq.out"
