#!/usr/bin/env bash
# Live-event fan-out on a server that is already running (bench/run.sh measures the same row on its
# own server): LISTENERS SSE clients (default 100) on GET /v1/events, CHANGES pet status changes
# (default 50) through PUT /v1/pets/{id}, latency from each change's REST response to each
# listener's receipt (bench/SseFanout.java, JDK HttpClient). Prints "changes/s p50 p99 missed".
# Usage: bench/fanout.sh [BASE_URL] (default http://127.0.0.1:18080). Knobs: LISTENERS, CHANGES, JAVA.
set -euo pipefail
cd "$(dirname "$0")/.."
S=${1:-http://127.0.0.1:18080}
"${JAVA:-java}" bench/SseFanout.java "$S" "${LISTENERS:-100}" "${CHANGES:-50}"
