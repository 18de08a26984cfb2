#!/usr/bin/env bash
# Every suite, as CI runs it: installs what the tests need (Chromium and PostgreSQL from Debian when
# missing), starts a throwaway PostgreSQL server on 127.0.0.1, then runs the type check, the unit and
# database suites against the embedded PostgreSQL (PGlite) and against the server, and the browser
# journeys against both. Prints one closing line: "tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing from Debian: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# A PostgreSQL server of our own, gone when this script ends.
pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
pg_data=$(mktemp -d /tmp/solesource-pg.XXXXXX)
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$pg_data"
pg_port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
as_postgres "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 >/dev/null
as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w \
  -o "-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null
stop_postgres() { as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$pg_data"; }
trap stop_postgres EXIT
postgres_url="postgresql://postgres@127.0.0.1:$pg_port/postgres"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"

reports=$(mktemp -d /tmp/solesource-reports.XXXXXX)
status=0
# Each suite says how long it took: CI must stay under 30 minutes, and this shows where they go.
run() {
  local name=$1 started=$SECONDS; shift
  echo; echo "== $name"
  "$@" || status=1
  echo "== $name: $((SECONDS - started)) s"
}

run "type check" npm run typecheck
# Before the suites: tests/integration reads the build (the JavaScript budget) and starts the built app.
run "build" npm run build
run "unit and database suites (embedded PostgreSQL: PGlite)" \
  npx vitest run --config tests/vitest.config.ts --reporter=default --reporter=json --outputFile="$reports/vitest-pglite.json"
run "unit and database suites (PostgreSQL server)" \
  env TEST_POSTGRES_URL="$postgres_url" npx vitest run --config tests/vitest.config.ts --reporter=default --reporter=json --outputFile="$reports/vitest-postgresql.json"
# Every journey on the embedded default, the database a new installation gets. On the server, the
# journeys where the browser meets the database's concurrency: simultaneous decisions, refused races,
# streamed uploads, the import. What the database does is checked on both by the suites above; the
# pages themselves do not depend on it, and running every journey twice took CI past its 30 minutes
# (docs/decisions/051-browser-journeys-once.md).
journeys_on_the_server=(tests/e2e/sign-off.spec.ts tests/e2e/refused-decisions.spec.ts tests/e2e/supporting-documents.spec.ts tests/e2e/industrial-return.spec.ts tests/e2e/sign-in-abuse.spec.ts)
run "browser journeys in Chromium (embedded PostgreSQL: PGlite)" \
  env PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/e2e-pglite.json" npx playwright test --config tests/playwright.config.ts --reporter=list,json
run "browser journeys in Chromium (PostgreSQL server: ${#journeys_on_the_server[@]} spec files)" \
  env TEST_POSTGRES_URL="$postgres_url" PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/e2e-postgresql.json" npx playwright test --config tests/playwright.config.ts --reporter=list,json "${journeys_on_the_server[@]}"

echo
node tests/support/summarise-reports.mjs "$reports" || status=1
rm -rf "$reports"
exit $status
