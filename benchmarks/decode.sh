#!/usr/bin/env bash
# JMH benchmarks of validating one Cognito access token: the JDK's bare RS256 verification, plain Spring Security's
# NimbusJwtDecoder, the starter's decoder without and with the validated-token cache. Prints the tables of
# docs/benchmarks.md. JMH options pass through, e.g. benchmarks/decode.sh -f 2 -wi 5 -i 10
set -euo pipefail
cd "$(dirname "$0")/.."

# Builds the benchmarks jar and what it needs from this checkout (never installs into ~/.m2).
mvn -B -o -q -pl benchmarks -am package -DskipTests || mvn -B -q -pl benchmarks -am package -DskipTests

exec java -cp benchmarks/target/benchmarks.jar io.github.cognitosso.benchmarks.decode.DecodeReport "$@"
