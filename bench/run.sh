#!/usr/bin/env bash
# The benchmark: is the stand ever the bottleneck? Builds the jar, seeds 10 000 contacts and
# 100 000 approvals, and drives the stand with wrk on 127.0.0.1 (H2, then PostgreSQL), next to
# WireMock serving a static stub and, when it is installed, nginx answering the same static JSON.
# Prints a table and writes bench/RESULTS.md.
#
#   bench/run.sh                                         # the whole run, about half an hour on 2 cores
#   BENCH_DURATION=5s BENCH_JIT_WARMUP=30 bench/run.sh   # a quick look
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

DURATION=${BENCH_DURATION:-15s}
WARMUP=${BENCH_WARMUP:-5s}
# On two cores the JIT compiler competes with the load for the CPU: a stand reaches its steady
# state only after a minute or two of traffic, so each stand gets this much of ElmaService's load,
# and a third as much of the data service's reads, before any figure.
JIT_WARMUP=${BENCH_JIT_WARMUP:-150}
CONNECTIONS=${BENCH_CONNECTIONS:-"1 64 256"}
THREADS=${BENCH_THREADS:-2}
CONTACTS=${BENCH_CONTACTS:-10000}
APPROVALS=${BENCH_APPROVALS:-100000}
PORT=18080
WIREMOCK_PORT=18081
NGINX_PORT=18082
KEY=bench-key
WORK=$(mktemp -d /tmp/bench.XXXXXX)
chmod 755 "$WORK" # PostgreSQL's initdb runs as the postgres user
RESULTS="$ROOT/bench/RESULTS.md"
ROWS="$WORK/rows.md"
STAND_PID=""
OTHER_PIDS=()
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
PG_DATA=""

as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else bash -c "$*"; fi; }

# A run stopped half-way leaves no stand, reference or database behind: the next run needs their ports.
cleanup() {
	[ -n "$STAND_PID" ] && kill "$STAND_PID" 2>/dev/null || true
	for pid in "${OTHER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	[ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
	[ -n "$PG_DATA" ] && as_postgres "$PG_BIN/pg_ctl -D $PG_DATA stop -m immediate" >/dev/null 2>&1 || true
}
trap cleanup EXIT

say() { printf '\n== %s\n' "$*" >&2; }

install() {
	if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
		apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
	fi
}

command -v wrk >/dev/null 2>&1 || install wrk
command -v wrk >/dev/null 2>&1 || { echo "wrk is needed: install Debian's wrk package" >&2; exit 1; }
command -v nginx >/dev/null 2>&1 || install nginx-light || true
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || install postgresql || true

say "Building the jar"
./mvnw -q -B -DskipTests package
java -Djarmode=tools -jar target/bpmsoft-emulator.jar extract --destination "$WORK/app" >/dev/null
JAR="$WORK/app/bpmsoft-emulator.jar"

say "Writing the seed: $CONTACTS contacts, $APPROVALS approvals"
java bench/SeedGenerator.java "$WORK/seed.yml" "$CONTACTS" "$APPROVALS"

say "Fetching WireMock standalone"
./mvnw -q -B dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.2 -DoutputDirectory="$WORK" \
	-Dmdep.stripVersion=true >/dev/null

rss_mb() { ps -o rss= -p "$1" | awk '{printf "%d", $1 / 1024}'; }

# Milliseconds until the stand answers ElmaService (its first answered request).
wait_for_stand() {
	local start=$1
	for _ in $(seq 1 3000); do
		if curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$PORT/ServiceModel/ElmaService.svc/CreateChainOfApproval" \
			-H "X-Elma-Service: $KEY" -H 'Content-Type: application/json' --data '{}' 2>/dev/null | grep -q 400; then
			echo $(( $(date +%s%3N) - start ))
			return 0
		fi
		sleep 0.05
	done
	echo "the stand did not start" >&2
	return 1
}

# start_stand <java> <database url> <user> <password> <seed> [java options...]
start_stand() {
	local java=$1 url=$2 user=$3 password=$4 seed=$5
	shift 5
	local start
	start=$(date +%s%3N)
	"$java" "$@" -jar "$JAR" --server.port=$PORT --spring.datasource.url="$url" \
		--spring.datasource.username="$user" --spring.datasource.password="$password" \
		--emulator.seed="$seed" --emulator.elma.service-key=$KEY --logging.level.root=WARN \
		>"$WORK/stand.log" 2>&1 &
	STAND_PID=$!
	STARTED_MS=$(wait_for_stand "$start")
}

stop_stand() {
	kill "$STAND_PID" 2>/dev/null || true
	wait "$STAND_PID" 2>/dev/null || true
	STAND_PID=""
}

# run_wrk <connections> <duration> <script> <url> [VAR=value...]: prints the script's RESULT line
run_wrk() {
	local connections=$1 duration=$2 script=$3 url=$4
	shift 4
	local threads=$THREADS
	[ "$connections" -lt "$threads" ] && threads=$connections
	env "$@" BENCH_THREADS=$threads wrk -t"$threads" -c"$connections" -d"$duration" -s "$script" "$url" 2>>"$WORK/wrk.log" |
		grep '^RESULT' || true
}

# load <label> <connections> <script> <url> [VAR=value...]: a warm-up, then the measured run
load() {
	local label=$1 connections=$2 script=$3 url=$4
	shift 4
	run_wrk "$connections" "$WARMUP" "$script" "$url" "$@" >/dev/null
	echo "$label|$connections|$(run_wrk "$connections" "$DURATION" "$script" "$url" "$@")"
}

# The warm-ups (the JIT's, and the one before each measured run) walk the first fifth of the
# approvals round after round; the measured runs walk the others, each approval once: every run
# starts past the approvals the runs before it walked (a quarter of their requests, plus the blocks a
# thread may have left half done).
WARMUP_APPROVALS=$(( APPROVALS / 5 ))
MEASURED_APPROVALS=$(( APPROVALS - WARMUP_APPROVALS ))
NEXT_OFFSET=0
# lifecycle_warmup <duration> [connections]
lifecycle_warmup() {
	run_wrk "${2:-64}" "$1" bench/lifecycle.lua "http://127.0.0.1:$PORT" BENCH_KEY=$KEY BENCH_FIRST=0 BENCH_OFFSET=0 \
		BENCH_APPROVALS=$WARMUP_APPROVALS BENCH_CONTACTS=$CONTACTS >/dev/null
}
lifecycle() {
	local connections=$1 duration=$2
	local line requests
	line=$(run_wrk "$connections" "$duration" bench/lifecycle.lua "http://127.0.0.1:$PORT" BENCH_KEY=$KEY \
		BENCH_FIRST=$WARMUP_APPROVALS BENCH_OFFSET=$NEXT_OFFSET BENCH_APPROVALS=$MEASURED_APPROVALS BENCH_CONTACTS=$CONTACTS)
	requests=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$line")
	NEXT_OFFSET=$(( NEXT_OFFSET + ${requests:-0} / 4 + 2048 * THREADS ))
	if [ "$NEXT_OFFSET" -ge "$MEASURED_APPROVALS" ]; then
		echo "the runs walked all $MEASURED_APPROVALS approvals set aside for them: raise BENCH_APPROVALS or shorten the runs" >&2
		NEXT_OFFSET=$(( NEXT_OFFSET % MEASURED_APPROVALS ))
	fi
	echo "$line"
}

declare -A RPS P99
record() {
	# record <database> <rss-pid> <row from load>
	local database=$1 pid=$2 row=$3
	local label connections line
	IFS='|' read -r label connections line <<<"$row"
	local rps p50 p99 max errors
	rps=$(sed -n 's/.*rps=\([0-9.]*\).*/\1/p' <<<"$line")
	p50=$(sed -n 's/.*p50=\([0-9.]*\).*/\1/p' <<<"$line")
	p99=$(sed -n 's/.*p99=\([0-9.]*\).*/\1/p' <<<"$line")
	max=$(sed -n 's/.*max=\([0-9.]*\).*/\1/p' <<<"$line")
	errors=$(sed -n 's/.* errors=\([0-9]*\).*/\1/p' <<<"$line")
	local socket_errors
	socket_errors=$(sed -n 's/.*socket_errors=\([0-9]*\).*/\1/p' <<<"$line")
	[ "${socket_errors:-0}" -gt 0 ] && errors="${errors} (+${socket_errors} timeouts or resets)"
	local rss="-"
	[ -n "$pid" ] && rss=$(rss_mb "$pid")
	RPS["$database/$label/$connections"]=$rps
	P99["$database/$label/$connections"]=$p99
	printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$database" "$label" "$connections" "$rps" "$p50" "$p99" "$max" "${errors:-?}" "$rss" | tee -a "$ROWS" >&2
}

SEED_BODY='{"id_crm":"00000000-0000-4000-8000-000000000001","chain_of_approval":"c00003@bench.local;c00004@bench.local;c00005@bench.local"}'

references() {
	say "References: WireMock static stub$(command -v nginx >/dev/null && echo ' and nginx')"
	mkdir -p "$WORK/wiremock/mappings"
	cat >"$WORK/wiremock/mappings/create.json" <<'JSON'
{"request": {"method": "POST", "url": "/ServiceModel/ElmaService.svc/CreateChainOfApproval"},
 "response": {"status": 200, "headers": {"Content-Type": "application/json; charset=utf-8"}, "body": "{\"status\":200,\"error_message\":\"\"}"}}
JSON
	java -jar "$WORK/wiremock-standalone.jar" --port $WIREMOCK_PORT --root-dir "$WORK/wiremock" --disable-banner \
		--no-request-journal >"$WORK/wiremock.log" 2>&1 &
	local wiremock=$!
	OTHER_PIDS+=("$wiremock")
	for _ in $(seq 1 600); do curl -s -o /dev/null "http://127.0.0.1:$WIREMOCK_PORT/__admin/mappings" && break; sleep 0.1; done
	# WireMock's JIT gets its warm-up too, a third of the stand's: its path is far shorter.
	run_wrk 64 "$((JIT_WARMUP / 3))s" bench/post.lua "http://127.0.0.1:$WIREMOCK_PORT/ServiceModel/ElmaService.svc/CreateChainOfApproval" \
		BENCH_BODY="$SEED_BODY" >/dev/null
	for connections in $CONNECTIONS; do
		record wiremock "$wiremock" "$(load 'static stub (CreateChainOfApproval)' "$connections" bench/post.lua \
			"http://127.0.0.1:$WIREMOCK_PORT/ServiceModel/ElmaService.svc/CreateChainOfApproval" BENCH_BODY="$SEED_BODY")"
	done
	kill "$wiremock"
	if command -v nginx >/dev/null; then
		cat >"$WORK/nginx.conf" <<NGINX
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { default_type 'application/json; charset=utf-8'; return 200 '{"status":200,"error_message":""}'; }
  }
}
NGINX
		nginx -c "$WORK/nginx.conf"
		for connections in $CONNECTIONS; do
			record nginx "" "$(load 'static JSON (ceiling)' "$connections" bench/post.lua \
				"http://127.0.0.1:$NGINX_PORT/ServiceModel/ElmaService.svc/CreateChainOfApproval" BENCH_BODY="$SEED_BODY")"
		done
		kill "$(cat "$WORK/nginx.pid")"
	fi
}

# stand_runs <database label> <url> <user> <password> <java> [java options...]
stand_runs() {
	local database=$1 url=$2 user=$3 password=$4 java=$5
	shift 5
	say "$database: loading the seed"
	start_stand "$java" "$url" "$user" "$password" "$WORK/seed.yml" "$@"
	echo "$database: seeded stand up in ${STARTED_MS} ms" >&2
	NEXT_OFFSET=0
	local jar="$WORK/cookies.txt"
	curl -s -c "$jar" "http://127.0.0.1:$PORT/ServiceModel/AuthService.svc/Login" -H 'Content-Type: application/json' \
		--data '{"UserName":"Supervisor","UserPassword":"Supervisor"}' >/dev/null
	local cookie csrf
	cookie=$(awk '!/^#/ && NF>=7 {printf "%s=%s; ", $6, $7} /^#HttpOnly_/ {printf "%s=%s; ", $6, $7}' "$jar")
	csrf=$(awk '$6=="BPMCSRF"{print $7}' "$jar")
	# Every measured path gets its share of the warm-up, the data service's reads included: a stand
	# QA and ELMA use all day has compiled them all.
	say "$database: $((JIT_WARMUP * 4 / 3)) s of warm-up (discarded)"
	lifecycle_warmup "$((JIT_WARMUP * 2 / 3))s"
	run_wrk 64 "$((JIT_WARMUP / 3))s" bench/post.lua "http://127.0.0.1:$PORT/ServiceModel/ElmaService.svc/CreateChainOfApproval" \
		BENCH_KEY=wrong BENCH_EXPECT=403 BENCH_BODY="$SEED_BODY" >/dev/null
	run_wrk 64 "$((JIT_WARMUP / 6))s" bench/odata.lua "http://127.0.0.1:$PORT" \
		BENCH_ODATA=email BENCH_COOKIE="$cookie" BENCH_CSRF="$csrf" BENCH_CONTACTS=$CONTACTS >/dev/null
	run_wrk 64 "$((JIT_WARMUP / 6))s" bench/odata.lua "http://127.0.0.1:$PORT" \
		BENCH_ODATA=approval BENCH_COOKIE="$cookie" BENCH_CSRF="$csrf" BENCH_APPROVALS=$APPROVALS >/dev/null
	for connections in $CONNECTIONS; do
		say "$database: lifecycle mix, $connections connections"
		lifecycle_warmup "$WARMUP" "$connections"
		lifecycle "$connections" "$DURATION" >"$WORK/lifecycle.line"
		record "$database" "$STAND_PID" "ELMA lifecycle mix|$connections|$(cat "$WORK/lifecycle.line")"
	done
	for connections in $CONNECTIONS; do
		record "$database" "$STAND_PID" "$(load 'refused (wrong key)' "$connections" bench/post.lua \
			"http://127.0.0.1:$PORT/ServiceModel/ElmaService.svc/CreateChainOfApproval" BENCH_KEY=wrong BENCH_EXPECT=403 BENCH_BODY="$SEED_BODY")"
	done
	for connections in $CONNECTIONS; do
		record "$database" "$STAND_PID" "$(load 'OData Contact by email' "$connections" bench/odata.lua "http://127.0.0.1:$PORT" \
			BENCH_ODATA=email BENCH_COOKIE="$cookie" BENCH_CSRF="$csrf" BENCH_CONTACTS=$CONTACTS)"
		record "$database" "$STAND_PID" "$(load 'OData Approval with visas' "$connections" bench/odata.lua "http://127.0.0.1:$PORT" \
			BENCH_ODATA=approval BENCH_COOKIE="$cookie" BENCH_CSRF="$csrf" BENCH_APPROVALS=$APPROVALS)"
	done
	stop_stand
}

startup() {
	# startup <label> <idle seconds> <java> [java options...]: an empty stand (no seed), to the first
	# answer; its RSS once it has been idle that long
	local label=$1 idle_seconds=$2 java=$3
	shift 3
	start_stand "$java" "jdbc:h2:mem:startup;DB_CLOSE_DELAY=-1" sa "" "" "$@"
	sleep "$idle_seconds"
	local idle
	idle=$(rss_mb "$STAND_PID")
	echo "| $label | $STARTED_MS | $idle |" | tee -a "$WORK/startup.md" >&2
	stop_stand
}

JAVA=$(command -v java)
JAVA25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java

printf '| Run | Start-up to first answer (ms) | RSS at idle (MB) |\n|---|---|---|\n' >"$WORK/startup.md"
say "Start-up"
startup "$("$JAVA" -version 2>&1 | head -1)" 5 "$JAVA"
if [ -x "$JAVA25" ]; then
	startup "Temurin 25" 5 "$JAVA25"
	say "Temurin 25: training an AOT cache as the Docker image does"
	sh docker/aot-training.sh "$JAVA25" "$JAR" "$WORK/app.aot" $PORT >/dev/null 2>&1 || true
	if [ -f "$WORK/app.aot" ]; then
		startup "Temurin 25, AOT cache" 5 "$JAVA25" -XX:AOTCache="$WORK/app.aot"
		# With the image's options for an idle stand: G1 looks every 30 s for 30 s without a
		# collection, then collects.
		startup "Temurin 25, AOT cache and the image's idle options, idle 65 s" 65 "$JAVA25" -XX:AOTCache="$WORK/app.aot" \
			@"$ROOT/docker/idle-stand.options"
	fi
fi

printf '| Target | Run | Connections | Requests/s | p50 ms | p99 ms | max ms | Errors | RSS MB |\n|---|---|---|---|---|---|---|---|---|\n' >"$ROWS"
references
stand_runs H2 "jdbc:h2:file:$WORK/h2/stand;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64" sa "" "$JAVA"

if [ -n "$PG_BIN" ]; then
	say "PostgreSQL (Debian's $(basename "$(dirname "$PG_BIN")"))"
	mkdir -p "$WORK/pg" && chown postgres "$WORK/pg" 2>/dev/null || true
	as_postgres "$PG_BIN/initdb -D $WORK/pg/data -U postgres --auth=trust" >/dev/null
	PG_DATA=$WORK/pg/data
	as_postgres "$PG_BIN/pg_ctl -D $PG_DATA -o '-p 15432 -k $WORK/pg -c max_connections=200 -c shared_buffers=256MB -c synchronous_commit=on' -l $WORK/pg/log start -w" >/dev/null
	stand_runs PostgreSQL "jdbc:postgresql://127.0.0.1:15432/postgres" postgres "" "$JAVA"
	as_postgres "$PG_BIN/pg_ctl -D $PG_DATA stop -m fast" >/dev/null
	PG_DATA=""
fi

if [ -x "$JAVA25" ]; then
	say "Temurin 25 with virtual threads, H2"
	CONNECTIONS=64 stand_runs "H2, JDK 25 + virtual threads" "jdbc:h2:file:$WORK/h2-25/stand;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64" sa "" \
		"$JAVA25" -Dspring.threads.virtual.enabled=true
fi

ratio() { awk -v a="${1:-0}" -v b="${2:-0}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "-" }'; }
{
	echo "# Benchmark results"
	echo
	echo "Run by \`bench/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'): $(nproc) cores, $(grep MemTotal /proc/meminfo | awk '{printf "%d GiB", $2/1048576}'),"
	echo "$("$JAVA" -version 2>&1 | head -1); wrk on the same machine over 127.0.0.1, ${THREADS} threads, ${DURATION} per run after a ${WARMUP} warm-up."
	echo "Seed: $CONTACTS contacts, $APPROVALS approvals. PostgreSQL: Debian's package, started by the script."
	echo
	echo "## Start-up"
	echo
	cat "$WORK/startup.md"
	echo
	echo "## Load"
	echo
	cat "$ROWS"
	echo
	echo "## Ratios at 64 connections"
	echo
	echo "| Ratio | Value | Target |"
	echo "|---|---|---|"
	echo "| H2 lifecycle mix / WireMock stub, requests/s | $(ratio "${RPS[H2/ELMA lifecycle mix/64]:-}" "${RPS[wiremock/static stub (CreateChainOfApproval)/64]:-}") | ≥ 1.0 |"
	echo "| H2 lifecycle mix p99 / WireMock p99 | $(ratio "${P99[H2/ELMA lifecycle mix/64]:-}" "${P99[wiremock/static stub (CreateChainOfApproval)/64]:-}") | ≤ 1.0 |"
	echo "| PostgreSQL lifecycle mix / WireMock, requests/s | $(ratio "${RPS[PostgreSQL/ELMA lifecycle mix/64]:-}" "${RPS[wiremock/static stub (CreateChainOfApproval)/64]:-}") | ≥ 0.5 |"
	echo "| H2 refused / WireMock, requests/s | $(ratio "${RPS[H2/refused (wrong key)/64]:-}" "${RPS[wiremock/static stub (CreateChainOfApproval)/64]:-}") | ≥ 1.5 |"
	echo "| H2 lifecycle mix / nginx, requests/s | $(ratio "${RPS[H2/ELMA lifecycle mix/64]:-}" "${RPS[nginx/static JSON (ceiling)/64]:-}") | the ceiling |"
	echo "| OData Contact by email, p99 ms (H2) | ${P99[H2/OData Contact by email/64]:-} | ≤ 20 |"
} >"$WORK/results.md"
cat "$WORK/results.md"
# The figures go between the markers of bench/RESULTS.md; what is written around them stays.
if [ -f "$RESULTS" ] && grep -q '<!-- figures -->' "$RESULTS"; then
	awk -v figures="$WORK/results.md" '
		/<!-- figures -->/ { print; while ((getline line < figures) > 0) print line; skip = 1; next }
		/<!-- end of figures -->/ { skip = 0 }
		!skip { print }' "$RESULTS" >"$WORK/merged.md"
	cp "$WORK/merged.md" "$RESULTS"
else
	{ echo '<!-- figures -->'; cat "$WORK/results.md"; echo '<!-- end of figures -->'; } >"$RESULTS"
fi
echo "Written to bench/RESULTS.md" >&2
