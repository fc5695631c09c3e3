#!/usr/bin/env bash
# End-to-end load benchmark: the same API with no security at all (the unsecured floor), secured by plain Spring
# Security and by the starter (token cache off, then on), each on loopback in its own JVM, driven by wrk with the same
# Cognito tokens; then plain Spring Security and the starter (cache on) with distinct tokens, twice as many as the
# cache holds. See docs/benchmarks.md.
#
#   benchmarks/load.sh [--stack=servlet|reactive] [--rounds=3] [--warmup=40] [--duration=30] [--connections=32]
#                      [--threads=1] [--tokens=100] [--distinct-tokens=20000]
#
# --stack=reactive runs the same comparison on WebFlux (Reactor Netty) instead of Spring MVC (Tomcat).
# --distinct-tokens=0 leaves the distinct-token runs out.
# --only=floor,security-floor,starter-cached names the runs to make (security-floor: Spring Security's chain with
# nobody to authenticate); --interleave=1 starts them all at once and measures them in turn, seconds apart.
#
# Everything listens on 127.0.0.1 and stops by itself; nothing leaves the machine.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing wrk (Debian package)..."
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends wrk
  else
    echo "wrk is needed: sudo apt-get install wrk" >&2
    exit 2
  fi
fi

# Builds the benchmarks jar and what it needs from this checkout (never installs into ~/.m2).
mvn -B -o -q -pl benchmarks -am package -DskipTests || mvn -B -q -pl benchmarks -am package -DskipTests

exec java -cp benchmarks/target/benchmarks.jar io.github.cognitosso.benchmarks.load.LoadBenchmark "$@"
