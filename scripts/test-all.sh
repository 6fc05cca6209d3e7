#!/usr/bin/env bash
# Runs every test of Sfumato on a fresh Debian machine with JDK 17 and Maven:
#   - installs what the tests need from Debian (PostgreSQL server, Chromium and its driver),
#   - starts a throwaway PostgreSQL on 127.0.0.1 for the persistence tests and stops it afterwards,
#   - builds everything and runs unit tests, the format check, and the Arquillian tests against a
#     real Open Liberty server with the EAR deployed.
set -euo pipefail
cd "$(dirname "$0")/.."

pg=scripts/postgres-test-server.sh
cleanup() {
  "$pg" stop >/dev/null 2>&1 || true
  # a managed Liberty server left behind by an interrupted run would hold the test ports
  if [ -x arquillian-tests/target/liberty/wlp/bin/server ]; then
    arquillian-tests/target/liberty/wlp/bin/server stop sfumato-it >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

# Headless Chromium and chromedriver for the browser end-to-end tests (CLIENTS.md).
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    chromium chromium-driver fonts-liberation
fi

"$pg" start
# shellcheck disable=SC2046 # the script prints the three -D flags, one word each
mvn -B -ntp verify -Ppostgres-tests $("$pg" maven-args) "$@"
