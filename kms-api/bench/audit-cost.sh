#!/usr/bin/env bash
# What the audit trail costs: Encrypt/s with audit off, then on, on a fresh server each time, same load.
#   kms-api/bench/audit-cost.sh [PAIRS]        (default 2; needs kms-api/target/kms.jar and free ports 18080/18081)
# Each run: start the server on a new data directory, warm up for WARMUP seconds (default 75: on two cores the
# JIT is busy for about a minute), then measure MEASURE seconds (default 20) with CONNECTIONS (default 16).
# Prints requests/s, the server's CPU per request (from /proc), the audit batch size and mean force, and on/off.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$root/kms-api/target/kms.jar"
pairs="${1:-2}"
warmup="${WARMUP:-75}"
measure="${MEASURE:-20}"
connections="${CONNECTIONS:-16}"
work="$(mktemp -d)"
server=""
trap '[[ -n "$server" ]] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

[[ -f "$jar" ]] || { echo "audit-cost: $jar is missing; run mvn -B -q -DskipTests package -pl kms-api -am" >&2; exit 2; }

config() { # $1 audit enabled (true|false) -> path of a config on a new data directory
  local dir="$work/$1-$RANDOM"
  mkdir -p "$dir"
  sed -e "s#port: 8080#port: 18080#; s#port: 8081#port: 18081#; s#dataDir: ./data#dataDir: $dir/data#" \
      -e "/^  audit:/,/enabled:/ s#enabled: true#enabled: $1#" \
      "$root/kms-api/src/main/resources/kms-default.yml" > "$dir/kms.yml"
  echo "$dir"
}

load() { # $1 data dir, $2 seconds
  java -jar "$jar" load --endpoint http://127.0.0.1:18080 --credentials-file "$1/data/credentials" --op Encrypt \
      --connections "$connections" --duration "$2s" --warmup 1s
}

run() { # $1 audit enabled -> "req/s server-us-per-request batch"
  local dir; dir="$(config "$1")"
  java -jar "$jar" server "$dir/kms.yml" > "$dir/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -fs -o /dev/null http://127.0.0.1:18080/ping && break; sleep 0.5; done
  load "$dir" "$warmup" > /dev/null
  local t0 t1 out
  t0=$(awk '{print $14 + $15}' "/proc/$server/stat")
  out=$(load "$dir" "$measure" | grep '^Encrypt ')
  t1=$(awk '{print $14 + $15}' "/proc/$server/stat")
  local batch
  batch=$(curl -fs http://127.0.0.1:18081/metrics | python3 -c '
import json, sys
g = json.load(sys.stdin)["gauges"]
b = g.get("kms.audit.batches", {}).get("value", 0)
print("-" if not b else "%.1f records, %.3f ms" % (g["kms.audit.records"]["value"] / b, g["kms.audit.forceMillis"]["value"] / b))')
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  echo "$out" | awk -v t=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" -v b="$batch" \
      '{printf "%s %.1f %s\n", $4, t * 1e6 / hz / $2, b}'
}

printf '%-6s %12s %12s %8s   %s\n' pair "off req/s" "on req/s" "on/off" "server CPU us/req off/on; batch"
for i in $(seq 1 "$pairs"); do
  read -r off_rate off_cpu _ < <(run false)
  read -r on_rate on_cpu on_batch < <(run true)
  printf '%-6s %12s %12s %8.2f   %s / %s; %s\n' "$i" "$off_rate" "$on_rate" \
      "$(echo "$on_rate / $off_rate" | bc -l)" "$off_cpu" "$on_cpu" "$on_batch"
done
