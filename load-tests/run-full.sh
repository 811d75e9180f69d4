#!/usr/bin/env bash
# The full benchmark, for a quiet machine (nothing else running): for each data size it seeds a
# fresh embedded data directory, starts the packaged server (bench profile) on a free loopback port,
# ramps the warm home page, { __typename } and the bench endpoint one rate at a time, runs the
# storefront mix once, then measures the home page with cold caches (a fresh server per step).
# Finally it regenerates load-tests/RESULTS.md and load-tests/results-chart.png from Gatling's
# reports. Everything lands in load-tests/target/bench/.
#
#   ./mvnw -B -DskipTests package && load-tests/run-full.sh [--large] [--sizes "small medium"] [--label TEXT]
#
# Settings (environment): HOME_RATES, TYPENAME_RATES, BENCH_RATES, COLD_RATES (req/s), STEP_SECONDS,
# ACTIVE_CUSTOMERS, MIX_RATE, PROFILE_RATE (a JFR recording of the home step at that rate), P99, P95
# (ms), MVN_FLAGS (e.g. -o). A target's ramp stops after two steps in a row missed the budget.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=load-tests/lib.sh
. load-tests/lib.sh
require_jar

SIZES="small medium"
LABEL="Full benchmark run"
while [ $# -gt 0 ]; do
  case "$1" in
    --large) SIZES="small medium large" ;;
    --sizes) SIZES=$2; shift ;;
    --label) LABEL=$2; shift ;;
    *) echo "Unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
HOME_RATES=${HOME_RATES:-"300 400 500 600 700 800 900 1000 1250 1500"}
TYPENAME_RATES=${TYPENAME_RATES:-"1000 1500 2000 2500 3000 3500 4000 5000"}
BENCH_RATES=${BENCH_RATES:-"2000 3000 4000 5000 6000 8000 10000"}
COLD_RATES=${COLD_RATES:-"200 400"}
STEP_SECONDS=${STEP_SECONDS:-20}
ACTIVE_CUSTOMERS=${ACTIVE_CUSTOMERS:-10000}
MIX_RATE=${MIX_RATE:-150}
PROFILE_RATE=${PROFILE_RATE:-700}
P99=${P99:-25}
P95=${P95:-15}

bench=load-tests/target/bench
rm -rf "$bench"
mkdir -p "$bench/reports"
manifest=$bench/runs.csv
echo "# data,cache,rate,seconds,reportDirectory (relative to this file)" >"$manifest"
{
  echo "CPU:    $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') ($(nproc) cores visible)"
  echo "Memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "OS:     $(uname -sr)"
  echo "Java:   $(java -version 2>&1 | head -n 1)"
  echo "Load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "Server: java -Xms1g -Xmx1g -jar api/target/concierge.jar, bench profile, embedded PostgreSQL and Redis"
  echo "Load generator: Gatling 3.16 on the same machine, loopback, shared connection pool, $STEP_SECONDS s per step"
} >"$bench/machine.txt"
./mvnw -B -q $MVN_FLAGS -pl load-tests test-compile

trap stop_app EXIT

customers_of() {
  case "$1" in
    small) echo 10000 ;;
    medium) echo 100000 ;;
    large) echo 1000000 ;;
  esac
}

# step SIZE CACHE TARGET RATE DATA PORT [extra -D...]: one Gatling run, recorded in the manifest.
step() {
  local size=$1 cache=$2 target=$3 rate=$4 data=$5 port=$6
  shift 6
  local status=0
  run_gatling ComparisonSimulation "$port" "$data" \
    -Dload.targets="$target" -Dload.rate="$rate" -Dload.duration="$STEP_SECONDS" \
    -Dseed.customers="$(customers_of "$size")" -Dload.activeCustomers="$ACTIVE_CUSTOMERS" \
    -Dbudget.p99Ms="$P99" -Dbudget.p95Ms="$P95" -Dload.maxDurationSeconds=$((STEP_SECONDS * 4 + 120)) \
    "$@" >"$bench/gatling-$size-$cache-$target-$rate.log" 2>&1 || status=$?
  if [ -n "${LAST_REPORT:-}" ]; then
    local name="$size-$cache-$target-$rate"
    mv "$LAST_REPORT" "$bench/reports/$name"
    echo "$size,$cache,$rate,$STEP_SECONDS,reports/$name" >>"$manifest"
  fi
  echo "   $size $cache $target at $rate req/s: $([ $status -eq 0 ] && echo "within budget" || echo "missed the budget")"
  return $status
}

ramp() {
  local size=$1 target=$2 rates=$3 data=$4 port=$5 warm=$6
  local misses=0
  for rate in $rates; do
    local profiling=""
    if [ "$target" = home ] && [ "$rate" = "$PROFILE_RATE" ]; then
      jcmd "$APP_PID" JFR.start name=home settings=profile filename="$PWD/$bench/home-$size-$rate.jfr" >/dev/null
      profiling=1
    fi
    if step "$size" warm "$target" "$rate" "$data" "$port" -Dload.warmUp="$warm"; then
      misses=0
    else
      misses=$((misses + 1))
    fi
    if [ -n "$profiling" ]; then
      jcmd "$APP_PID" JFR.stop name=home >/dev/null || true
    fi
    if [ "$misses" -ge 2 ]; then
      break
    fi
  done
}

for size in $SIZES; do
  data=$PWD/$bench/data-$size
  echo "== $size: seeding"
  seed_start=$(date +%s)
  java -jar "$JAR" seed --size "$size" --data-directory "$data" >"$bench/seed-$size.log" 2>&1
  echo "   seeded in $(( $(date +%s) - seed_start )) s: $(grep 'Seeded' "$bench/seed-$size.log")"

  port=$(free_port)
  WAIT_FOR_MODEL=1 start_app "$data" "$port" "$bench/server-$size.log"
  echo "== $size: warm ramps"
  ramp "$size" home "$HOME_RATES" "$data" "$port" true
  ramp "$size" typename "$TYPENAME_RATES" "$data" "$port" false
  ramp "$size" bench "$BENCH_RATES" "$data" "$port" false
  echo "== $size: storefront mix at $MIX_RATE visits/s"
  mix=0
  run_gatling StorefrontSimulation "$port" "$data" -Dload.rate="$MIX_RATE" -Dload.duration=60 \
    -Dseed.customers="$(customers_of "$size")" -Dload.activeCustomers="$ACTIVE_CUSTOMERS" \
    -Dload.ingestRate=20 -Dload.posRate=2 -Dbudget.p99Ms="$P99" -Dbudget.p95Ms="$P95" \
    >"$bench/gatling-$size-mix.log" 2>&1 || mix=$?
  if [ -n "${LAST_REPORT:-}" ]; then
    mv "$LAST_REPORT" "$bench/reports/$size-mix"
  fi
  echo "   storefront mix: $([ $mix -eq 0 ] && echo "within budget" || echo "missed the budget"), report $bench/reports/$size-mix"
  stop_app

  echo "== $size: cold caches (a fresh server per step)"
  for rate in $COLD_RATES; do
    WAIT_FOR_MODEL=0 start_app "$data" "$port" "$bench/server-$size-cold-$rate.log"
    step "$size" cold home "$rate" "$data" "$port" -Dload.warmUp=false || true
    stop_app
  done
done

java -cp load-tests/target/classes dev.concierge.load.report.BenchmarkReport \
  --runs "$manifest" --machine "$bench/machine.txt" \
  --out load-tests/RESULTS.md --chart load-tests/results-chart.png \
  --label "$LABEL" --p99 "$P99" --p95 "$P95"
