#!/bin/bash
# What the metrics cost comment submissions: bench/fastpaths.sh's A/B (two instances of one jar on
# copies of the same data, ABBA rounds, CPU per request from /proc), with the Prometheus registry on
# in one and every metrics export off in the other (Spring Boot's no-op registry then takes the
# meters). Both start with Spring AOT off, the only way to switch a Spring Boot feature at start
# (README, "Start-up"), so they differ in that property alone.
#
#   bash bench/metrics.sh          # from the repository root; about 5 minutes with the defaults
#
# Settings: as bench/fastpaths.sh (ROUNDS=3, CONNS=32, WORKLOADS="submit_api submit_form" here).
# Writes target/bench/metrics/results.tsv and prints the medians on / off.
set -euo pipefail
cd "$(dirname "$0")/.."
export NAME=metrics FAST_PATHS=true PORT=${PORT:-8093}
export ROUNDS=${ROUNDS:-3} WORKLOADS=${WORKLOADS:-"submit_api submit_form"}
export ON_OPTS="-Dspring.aot.enabled=false"
export OFF_OPTS="-Dspring.aot.enabled=false -Dmanagement.defaults.metrics.export.enabled=false"
exec bash bench/fastpaths.sh
