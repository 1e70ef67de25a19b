#!/usr/bin/env bash
# Builds Retort (core + CLI jar) and the benchmark harness from this checkout, then runs the harness.
#   benchmarks/run.sh                 # all benchmarks, report on stdout and in benchmarks/target/results.md
#   benchmarks/run.sh profile         # where the time goes (JFR + database-call timings)
#   benchmarks/run.sh graph --quick   # one benchmark, few rounds
# Needs PostgreSQL (default 127.0.0.1:5432, user postgres; -Dbench.host/port/user/password via BENCH_JAVA_OPTS)
# and psql on the PATH. Creates and drops only databases named retort_bench_*.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# -am builds retort-core and the CLI from this checkout (never a retort-core from ~/.m2)
mvn -B -q -Pbenchmarks -pl cli,demo-app,benchmarks -am package -DskipTests
args=("$@")
if [ ${#args[@]} -eq 0 ]; then
  args=(all)
fi
name="${args[0]}"
exec java ${BENCH_JAVA_OPTS:-} -jar benchmarks/target/retort-benchmarks.jar "${args[@]}" \
  --out "benchmarks/target/results-${name}.md"
