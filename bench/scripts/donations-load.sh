#!/usr/bin/env bash
# The README's "Logging donations under load" protocol (issue #12), run from the repository root after a build
# (./mvnw -B -ntp verify, or -DskipTests package): a fresh demo service from the built jars as ./foodnet serve starts
# it (-Xms1g), its own embedded PostgreSQL in a temporary folder; 10,000 lots seeded plus a 120 s warm-up run, then
# token/session/token/session at 200 donations/s x 60 s (50 clients), then HTTP Basic at 20/s x 30 s.
# Usage: bench/scripts/donations-load.sh [port]   (prints each run's summary; nothing else should run meanwhile)
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT="${1:-18555}"
WORK="$(mktemp -d -t foodnet-load-XXXXXX)"
API_CP="api/target/foodnet-api-0.1.0-SNAPSHOT.jar:$(cat api/target/classpath.txt)"
BENCH_CP="bench/target/foodnet-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/classpath.txt)"
java -Xms1g -cp "$API_CP" org.foodnet.api.FoodnetApplication --foodnet.demo=true \
  --foodnet.data.dir="$WORK/pgdata" --server.port="$PORT" > "$WORK/service.log" 2>&1 &
SVC=$!
trap 'kill $SVC 2>/dev/null; wait $SVC 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -s -o /dev/null "http://localhost:$PORT/actuator/health" && break; sleep 1; done
sleep 8   # the demo accounts are created just after the health check answers
PG=$(pgrep -f "bin/postgres.*$WORK/pgdata" | head -1)
echo "service $SVC, postgres $PG, log $WORK/service.log"; date -u
L() { java -cp "$BENCH_CP" org.foodnet.bench.load.DonationLoad --url "http://localhost:$PORT" --cpu "service=$SVC,postgres=$PG" "$@"; }
# the warm-up is the JIT's: C2 compiles a method once it has run ~5,000-15,000 times (more while its queue is long),
# and a donation runs most of its code once, so the service is warm only after ~20,000 donations (bench/README.md,
# "Why the first run was slower"); 120 s at 200/s = 24,000 donations (the month then holds 34,000 lots)
echo "== seeding + warm-up (token)"; L --auth token --rate 200 --duration 110 --clients 50 --warmup 10 --seed 10000 2>&1 | tail -15
sleep 20
for mode in token session token session; do
  echo "== $mode $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  L --auth "$mode" --rate 200 --duration 60 --clients 50 --warmup 10 --seed 0 2>&1 | tail -15
  sleep 10
done
echo "== basic $(date -u +%T)"; L --auth basic --rate 20 --duration 30 --clients 20 --warmup 5 --seed 0 2>&1 | tail -15
date -u
