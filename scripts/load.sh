#!/usr/bin/env bash
# Load test of a release server on this machine: GraphQL requests per second
# and latency percentiles at 64 connections, each workload against the
# `{ __typename }` baseline measured on the same server in the same run,
# and the full report's rate beside the scan engine's own rate on all cores
# (examples/engine_rate.rs, no GraphQL and no HTTP).
#
#   scripts/load.sh [seconds per workload, default 10] [--no-build]
#
# --no-build uses the release binaries as they are (target/release/atscan,
# target/release/examples/engine_rate).
#
# wrk runs on the same 2 cores as the server, so the figures are a lower
# bound of what the server alone sustains.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-10}"

if ! command -v wrk >/dev/null; then
  (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null
fi
[ "${2:-}" = "--no-build" ] || cargo build --release --quiet --bin atscan --example engine_rate

work="$(mktemp -d)"
port=18090
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
(
  cd "$work"
  ATSCAN_ADDR="127.0.0.1:$port" ATSCAN_RATE_REQUESTS=0 ATSCAN_RATE_SCANS=0 RUST_LOG=warn \
    exec "$OLDPWD/target/release/atscan" serve
) &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done

python3 - "$work" <<'PY'
import json, pathlib, sys
work = pathlib.Path(sys.argv[1])
root = pathlib.Path("tests/fixtures/scan/bench")
resume = (root / "resume.txt").read_text()
job = (root / "job.txt").read_text()
full = pathlib.Path("src/graphql/scan_report.graphql").read_text()
score_only = "mutation($input: ScanInput!) { scan(input: $input) { score { overall } } }"
variables = {"input": {"resumeText": resume, "jobDescription": job}}
bodies = {
    "typename": {"query": "{ __typename }"},
    "scan-full": {"query": full, "variables": variables},
    "scan-score": {"query": score_only, "variables": variables},
    "search": {"query": '{ search(query: "kubernets", first: 10) { score matchedText } }'},
}
for name, body in bodies.items():
    payload = json.dumps(json.dumps(body))
    (work / f"{name}.lua").write_text(
        'wrk.method = "POST"\n'
        'wrk.headers["Content-Type"] = "application/json"\n'
        f"wrk.body = {payload}\n"
    )
PY

printf '%-11s %12s %10s %10s\n' workload "requests/s" p50 p99
for workload in typename scan-full scan-score search; do
  out="$(wrk -t2 -c64 -d"${duration}s" --latency -s "$work/$workload.lua" "http://127.0.0.1:$port/graphql")"
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
  p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
  errors="$(awk '/Non-2xx/ {print $4}' <<<"$out")"
  printf '%-11s %12s %10s %10s %s\n' "$workload" "$rps" "$p50" "$p99" "${errors:+($errors non-2xx)}"
  if [ "$workload" = scan-full ]; then full_rps="$rps"; fi
done

engine="$(target/release/examples/engine_rate "$duration")"
echo "$engine"
engine_rps="$(awk '{print $2}' <<<"$engine")"
awk -v http="$full_rps" -v engine="$engine_rps" \
  'BEGIN { printf "full report over HTTP / engine alone: %.2f\n", http / engine }'
