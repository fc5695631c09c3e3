#!/usr/bin/env bash
# The gateway's overhead: requests per second straight to an upstream and through the packaged cognito-sso-gateway,
# side by side in one run, driven by wrk with the same Cognito tokens. See docs/benchmarks.md.
#
#   benchmarks/gateway.sh [--rounds=3] [--warmup=30] [--duration=20] [--connections=32] [--threads=1] [--tokens=100]
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

# Builds the benchmarks jar and the gateway jar from this checkout (never installs into ~/.m2).
mvn -B -o -q -pl benchmarks,cognito-sso-gateway -am package -DskipTests \
  || mvn -B -q -pl benchmarks,cognito-sso-gateway -am package -DskipTests

exec java -cp benchmarks/target/benchmarks.jar io.github.cognitosso.benchmarks.load.GatewayBenchmark "$@"
