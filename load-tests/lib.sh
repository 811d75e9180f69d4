# Shared by run-smoke.sh and run-full.sh: start and stop the packaged server on loopback, run one
# Gatling simulation. Source it from the repository root.

JAR=api/target/concierge.jar
MVN_FLAGS=${MVN_FLAGS:-}
APP_PID=""

require_jar() {
  if [ ! -f "$JAR" ]; then
    echo "No $JAR: build it first with ./mvnw -B -DskipTests package" >&2
    exit 2
  fi
}

# A TCP port nothing listens on, from the ephemeral range.
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "No free port found" >&2
  return 1
}

# start_app DATA_DIR PORT LOG [extra server arguments...]: the server in the bench profile, its
# scheduled model rebuilds off (the start-up build still runs), waiting until it is ready and has
# built its recommendation model.
start_app() {
  local data=$1 port=$2 log=$3
  shift 3
  java ${APP_JAVA_OPTS:--Xms1g -Xmx1g} -jar "$JAR" \
    --server.port="$port" \
    --concierge.embedded.data-directory="$data" \
    --spring.profiles.active=bench \
    --concierge.recommendations.job.scheduled=false \
    "$@" >"$log" 2>&1 &
  APP_PID=$!
  local waited=0
  until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "The server stopped while starting; its log: $log" >&2
      tail -n 40 "$log" >&2
      return 1
    fi
    waited=$((waited + 1))
    if [ "$waited" -ge 180 ]; then
      echo "The server was not ready after 180 s; its log: $log" >&2
      return 1
    fi
    sleep 1
  done
  # On a freshly seeded database the start-up model build competes with the load for the CPU: wait
  # for it (at most 120 s). A restart on a database that has a model builds none.
  if [ "${WAIT_FOR_MODEL:-1}" != 1 ]; then
    return 0
  fi
  waited=0
  until grep -q 'Recommendation model [0-9]* built\|Recommendation rebuild (STARTUP)' "$log"; do
    waited=$((waited + 1))
    if [ "$waited" -ge 120 ]; then
      echo "No recommendation model after 120 s; measuring anyway" >&2
      break
    fi
    sleep 1
  done
}

stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

# run_gatling SIMULATION PORT DATA_DIR [-Dname=value...]: returns Gatling's exit code (non-zero when
# an assertion failed) and leaves the report's directory in LAST_REPORT.
run_gatling() {
  local simulation=$1 port=$2 data=$3
  shift 3
  local before
  before=$(ls -1d load-tests/target/gatling/*/ 2>/dev/null | sort || true)
  local status=0
  # shellcheck disable=SC2086
  ./mvnw -B -q $MVN_FLAGS -pl load-tests gatling:test \
    -Dgatling.simulationClass="dev.concierge.load.$simulation" \
    -Dconcierge.url="http://127.0.0.1:$port" \
    -Dconcierge.dataDirectory="$data" \
    "$@" || status=$?
  LAST_REPORT=$(comm -13 <(echo "$before") <(ls -1d load-tests/target/gatling/*/ 2>/dev/null | sort) | tail -n 1)
  return $status
}
