#!/usr/bin/env bash
# What a push costs PostgreSQL: WAL bytes and CPU (every postgres process, exited backends
# included through the postmaster's children's time) over one webhook-only bench run on a kept
# database, divided by the events it stored. Robust where req/s is not: the CPU and the WAL a push
# takes hardly move with the shared machine's load. Needs the server on this machine (/proc).
#
#   scripts/bench/postgres-push-cost.sh <schema> <kept dir> [psql connection options]
# e.g. scripts/bench/postgres-push-cost.sh qudao_bench_be3bcf00 /tmp/qudao-bench-postgresql-Olv4QK
set -euo pipefail
schema=$1
kept=$2
shift 2
psql_options=("${@:--h 127.0.0.1 -U postgres test}")
query() { psql ${psql_options[*]} -Atc "$1"; }

postmaster=$(head -1 "$(query "SHOW data_directory")/postmaster.pid")
cpu_ticks() {
  local total=0 ticks
  for pid in $(pgrep -u postgres); do
    ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || true)
    total=$((total + ${ticks:-0}))
  done
  echo $((total + $(awk '{print $16 + $17}' "/proc/$postmaster/stat")))
}
state() { query "SELECT pg_current_wal_lsn() - '0/0'::pg_lsn, (SELECT count(*) FROM \"$schema\".\"Event\")"; }

before=$(state)
ticks_before=$(cpu_ticks)
npx tsx scripts/bench/index.ts --only analytics --databases postgresql --reuse "$kept" --webhook-only --no-report --webhook-runs 1 | tr '\r' '\n' | grep -E "^(bare|webhook)"
after=$(state)
ticks_after=$(cpu_ticks)
hz=$(getconf CLK_TCK)
python3 - "$before" "$after" "$ticks_before" "$ticks_after" "$hz" <<'PY'
import sys
before, after = (value.split("|") for value in sys.argv[1:3])
ticks, hz = int(sys.argv[4]) - int(sys.argv[3]), int(sys.argv[5])
events = int(after[1]) - int(before[1])
wal = float(after[0]) - float(before[0])
print(f"{events} events stored: WAL {wal / events / 1024:.1f} KB a push, PostgreSQL CPU {ticks / hz * 1000 / events:.3f} ms a push")
PY
