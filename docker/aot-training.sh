#!/bin/sh
# Makes a JDK 25 AOT cache for the stand: starts it once on an in-memory database, sends the first
# requests of each kind (ElmaService answered and refused, the data service), and stops it; the JVM
# writes the cache as it exits. The cache then holds the classes of a start and of those first
# requests, read and linked in advance, and the profiles of the methods they ran. It holds no data.
#
#   docker/aot-training.sh <java> <jar> <cache file> [port]
#
# The Docker image runs it while it is built; bench/run.sh runs it to measure that start.
set -eu
java=$1 jar=$2 cache=$3 port=${4:-8080}
"$java" -XX:AOTCacheOutput="$cache" -Xlog:aot=error -jar "$jar" --server.port="$port" \
	--spring.datasource.url=jdbc:h2:mem:training --emulator.seed= --emulator.elma.service-key=training \
	--logging.level.root=WARN &
stand=$!
base="http://localhost:$port"
tries=0
until curl -s -o /dev/null "$base/actuator/health"; do
	tries=$((tries + 1))
	if [ "$tries" -ge 1200 ]; then
		echo "the stand did not start for the AOT cache's training" >&2
		kill "$stand"
		exit 1
	fi
	sleep 0.1
done
for _ in 1 2 3; do
	for key in training wrong; do
		curl -s -o /dev/null -X POST "$base/ServiceModel/ElmaService.svc/CreateChainOfApproval" \
			-H "X-Elma-Service: $key" -H 'Content-Type: application/json' --data '{}'
	done
	# The local stand's demo user, by HTTP Basic.
	curl -s -o /dev/null -u Supervisor:Supervisor "$base/0/odata/Contact?\$top=1"
done
kill "$stand"
# The JVM ends on the signal (status 143) after writing the cache.
wait "$stand" || true
test -s "$cache"
