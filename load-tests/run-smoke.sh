#!/usr/bin/env bash
# The CI smoke run (under 3 minutes): seeds the small data set into a temporary embedded data
# directory, starts the packaged server on a free loopback port, runs SmokeSimulation, stops the
# server. Exits non-zero when seeding, start-up or any Gatling assertion fails.
# Needs api/target/concierge.jar (./mvnw -B verify or -DskipTests package builds it).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=load-tests/lib.sh
. load-tests/lib.sh
require_jar

started=$(date +%s)
data=$(mktemp -d "${TMPDIR:-/tmp}/concierge-smoke.XXXXXX")
cleanup() {
  stop_app
  rm -rf "$data"
}
trap cleanup EXIT

echo "== Seeding the small data set into $data"
java -jar "$JAR" seed --size small --data-directory "$data"
port=$(free_port)
echo "== Starting the server on 127.0.0.1:$port ($(( $(date +%s) - started )) s so far)"
start_app "$data" "$port" "$data/server.log"

echo "== SmokeSimulation ($(( $(date +%s) - started )) s so far)"
status=0
run_gatling SmokeSimulation "$port" "$data" "$@" || status=$?
echo "== Smoke run took $(( $(date +%s) - started )) s; report: ${LAST_REPORT:-none}"
if [ "$status" -ne 0 ]; then
  echo "The smoke run failed (exit $status); the server's log ends with:" >&2
  tail -n 20 "$data/server.log" >&2
fi
exit "$status"
