#!/usr/bin/env bash
# Benchmark of the OAuth2 authorization server: the token endpoint (client credentials, a bcrypt
# check per request) and an authenticated /v1 read with an OAuth2 token (one more primary-key read
# per request for the revocation list) against the same read with a POST /v1/auth/tokens token.
# Usage: bench/oauth.sh (after ./mvnw -DskipTests package). Knobs: BENCH_DURATION (s, 10),
# BENCH_CONNECTIONS (32), BENCH_PORT (18090). Prints the figures; docs/performance.md records them.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${BENCH_DURATION:-10}
CONNS=${BENCH_CONNECTIONS:-32}
PORT=${BENCH_PORT:-18090}
BASE=http://127.0.0.1:$PORT
JAVA=${JAVA:-java}
DATA=$(mktemp -d)
trap 'kill $SERVER_PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
"$JAVA" -Xmx256m -jar target/petstore.jar --server.port="$PORT" --petstore.data-dir="$DATA" \
  --petstore.admin.password=Bench-Admin-1 --petstore.rate-limit.enabled=false --petstore.inbox.smtp.enabled=false \
  > "$DATA/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 0.5; done
json() { python3 -c "import sys,json; print(json.load(sys.stdin)$1)"; }

ADMIN=$(curl -sf -H 'Content-Type: application/json' -d '{"username":"admin","password":"Bench-Admin-1"}' "$BASE/v1/auth/tokens" | json "['token']")
CLIENT=$(curl -sf -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"clientName":"bench","grantTypes":["client_credentials"],"scopes":["write:pets"]}' "$BASE/v1/admin/oauth-clients")
ID=$(echo "$CLIENT" | json "['clientId']"); SECRET=$(echo "$CLIENT" | json "['clientSecret']")
USER=$(curl -sf -H 'Content-Type: application/json' -d '{"username":"bencher","firstName":"B","lastName":"C","email":"b@example.com","password":"SecurePass123!"}' "$BASE/v1/users")
USER_ID=$(echo "$USER" | json "['id']"); PLAIN=$(echo "$USER" | json "['token']")

# an OAuth2 token of the same user through the login form and the implicit grant Swagger UI uses
JAR=$DATA/cookies
CSRF=$(curl -sf -c "$JAR" -b "$JAR" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p')
curl -sf -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode username=bencher --data-urlencode 'password=SecurePass123!' \
  --data-urlencode "_csrf=$CSRF" "$BASE/login"
LOCATION=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$JAR" -b "$JAR" \
  "$BASE/oauth/dialog?response_type=token&client_id=swagger-ui&scope=read:user&redirect_uri=$BASE/webjars/swagger-ui/oauth2-redirect.html")
OAUTH=$(echo "$LOCATION" | sed -n 's/.*access_token=\([^&]*\).*/\1/p')
[ -n "$OAUTH" ] || { echo "no OAuth2 token: $LOCATION" >&2; exit 1; }

cat > "$DATA/token.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic $(printf '%s:%s' "$ID" "$SECRET" | base64 -w0)"
wrk.body = "grant_type=client_credentials&scope=write:pets"
LUA
run() { # name, wrk args...
  local name=$1; shift
  wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency "$@" > "$DATA/out" 2>&1 || true
  printf '%-58s %10s req/s   p99 %s\n' "$name" "$(awk '/Requests\/sec/{print $2}' "$DATA/out")" "$(awk '/ 99%/{print $2}' "$DATA/out")"
  grep -q "Non-2xx" "$DATA/out" && grep "Non-2xx" "$DATA/out" || true
}
echo "$("$JAVA" -version 2>&1 | head -1); $(nproc) cores; ${DURATION}s, $CONNS connections"
run "warm-up GET /v1/users/{id} (POST /v1/auth/tokens token)" -H "Authorization: Bearer $PLAIN" "$BASE/v1/users/$USER_ID"
run "GET /v1/users/{id}, POST /v1/auth/tokens token" -H "Authorization: Bearer $PLAIN" "$BASE/v1/users/$USER_ID"
run "GET /v1/users/{id}, OAuth2 token (revocation check)" -H "Authorization: Bearer $OAUTH" "$BASE/v1/users/$USER_ID"
run "POST /oauth2/token client_credentials (bcrypt secret)" -s "$DATA/token.lua" "$BASE/oauth2/token"
