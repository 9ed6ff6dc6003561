#!/usr/bin/env bash
# What the audit trail costs: Encrypt/s with audit off against audit on, same load, same machine minutes.
#   kms-api/bench/audit-cost.sh [ROUNDS]       (default 3; needs kms-api/target/kms.jar and free ports 18080-18091)
#   JAR=other.jar SERVER_JAVA_OPTS="-D..." kms-api/bench/audit-cost.sh    (compare builds or JVM options)
#
# Two servers run side by side on new data directories: audit off on 18080/18081, audit on on 18090/18091.
# Each is warmed up for WARMUP seconds (default 150) while the other idles: on two cores shared with the client,
# the JIT of the audit-on server was still recompiling after 75 s of load (between 75 and 95 s, 201 methods were
# made not entrant and 446 recompiled at tier 3; -XX:+PrintCompilation), and its CPU per request kept falling.
# Then each round measures both for MEASURE seconds (default 20) with CONNECTIONS (default 16), one at a time, in
# the order off-on, on-off, off-on, ... On a shared virtual machine the speed drifts by up to 2x over
# minutes; measuring in alternating order, back to back, keeps that drift from favouring either side. (One server
# at a time, off then on, as this script did at first: single pairs ranged from 0.60 to 0.81 on the same build.)
# Prints each round's requests/s, server CPU per request (from /proc) and on/off, then the totals and the audit
# batch size and mean force.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="${JAR:-$root/kms-api/target/kms.jar}"
rounds="${1:-3}"
warmup="${WARMUP:-150}"
measure="${MEASURE:-20}"
connections="${CONNECTIONS:-16}"
work="$(mktemp -d)"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait; rm -rf "$work"' EXIT

[[ -f "$jar" ]] || { echo "audit-cost: $jar is missing; run mvn -B -q -DskipTests package -pl kms-api -am" >&2; exit 2; }

declare -A port pid dir
port[off]=18080
port[on]=18090

start() { # $1 off|on: a server on a new data directory
  local name=$1 enabled=false
  [[ $name == on ]] && enabled=true
  dir[$name]="$work/$name"
  mkdir -p "${dir[$name]}"
  sed -e "s#port: 8080#port: ${port[$name]}#; s#port: 8081#port: $((port[$name] + 1))#" \
      -e "s#dataDir: ./data#dataDir: ${dir[$name]}/data#" \
      -e "/^  audit:/,/enabled:/ s#enabled: true#enabled: $enabled#" \
      "$root/kms-api/src/main/resources/kms-default.yml" > "${dir[$name]}/kms.yml"
  java ${SERVER_JAVA_OPTS:-} -jar "$jar" server "${dir[$name]}/kms.yml" > "${dir[$name]}/server.log" 2>&1 &
  pid[$name]=$!
  pids+=("$!")
  for _ in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:${port[$name]}/ping" && return; sleep 0.5; done
  echo "audit-cost: the $name server did not start; see ${dir[$name]}/server.log" >&2
  exit 1
}

load() { # $1 off|on, $2 seconds
  java -jar "$jar" load --endpoint "http://127.0.0.1:${port[$1]}" \
      --credentials-file "${dir[$1]}/data/credentials" --op Encrypt \
      --connections "$connections" --duration "$2s" --warmup 1s
}

cpu() { awk '{print $14 + $15}' "/proc/${pid[$1]}/stat"; }

measure() { # $1 off|on -> "requests req/s server-us-per-request"
  local t0 t1 out
  t0=$(cpu "$1")
  out=$(load "$1" "$measure" | grep '^Encrypt ')
  t1=$(cpu "$1")
  echo "$out" | awk -v t=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" '{printf "%s %s %.1f\n", $2, $4, t * 1e6 / hz / $2}'
}

batches() { # the audit server's mean batch and force since it started
  curl -fs "http://127.0.0.1:$((port[on] + 1))/metrics" | python3 -c '
import json, sys
g = json.load(sys.stdin)["gauges"]
b = g["kms.audit.batches"]["value"]
print("%.1f records, %.3f ms" % (g["kms.audit.records"]["value"] / b, g["kms.audit.forceMillis"]["value"] / b))'
}

start off
start on
load off "$warmup" > /dev/null
load on "$warmup" > /dev/null

printf '%-6s %12s %12s %8s   %s\n' round "off req/s" "on req/s" "on/off" "server CPU us/req off / on"
declare -A requests rate us
total_off=0
total_on=0
for i in $(seq 1 "$rounds"); do
  order=(off on)
  (( i % 2 == 0 )) && order=(on off)
  for name in "${order[@]}"; do
    read -r requests[$name] rate[$name] us[$name] < <(measure "$name")
  done
  total_off=$((total_off + requests[off]))
  total_on=$((total_on + requests[on]))
  printf '%-6s %12s %12s %8.2f   %s / %s\n' "$i" "${rate[off]}" "${rate[on]}" \
      "$(echo "${rate[on]} / ${rate[off]}" | bc -l)" "${us[off]}" "${us[on]}"
done
printf '%-6s %12.1f %12.1f %8.2f   audit batch %s\n' all "$(echo "$total_off / ($rounds * $measure)" | bc -l)" \
    "$(echo "$total_on / ($rounds * $measure)" | bc -l)" "$(echo "$total_on / $total_off" | bc -l)" "$(batches)"
