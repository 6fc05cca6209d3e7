#!/usr/bin/env bash
# A throwaway PostgreSQL server for the persistence module's PostgreSQL tests.
#
#   scripts/postgres-test-server.sh start       start (installing Debian's postgresql if needed),
#                                               print the JDBC URL
#   scripts/postgres-test-server.sh url         print the JDBC URL
#   scripts/postgres-test-server.sh maven-args  print -Dsfumato.test.pg.* for Maven
#   scripts/postgres-test-server.sh stop        stop it and delete its data directory
#
#   mvn -pl persistence -Ppostgres-tests $(scripts/postgres-test-server.sh maven-args) install
#
# Environment: SFUMATO_TEST_PG_PORT (default 55432), SFUMATO_TEST_PG_DIR (default
# /tmp/sfumato-test-pg-<port>), SFUMATO_TEST_PG_PASSWORD (default sfumato-test).
#
# The server listens on 127.0.0.1 only, has fsync off (its data is disposable) and holds one
# database, sfumato_test, owned by the password-authenticated user sfumato. Run as root, it runs
# the server as the "postgres" OS user (initdb refuses root); run as anyone else, as that user.
# Progress goes to stderr so that stdout carries only the URL or the arguments.
set -euo pipefail

PORT="${SFUMATO_TEST_PG_PORT:-55432}"
BASE_DIR="${SFUMATO_TEST_PG_DIR:-/tmp/sfumato-test-pg-${PORT}}"
PASSWORD="${SFUMATO_TEST_PG_PASSWORD:-sfumato-test}"
DB_NAME=sfumato_test
DB_USER=sfumato
DATA_DIR="${BASE_DIR}/data"
LOG_FILE="${BASE_DIR}/server.log"
MARKER="${BASE_DIR}/.sfumato-test-pg" # stop deletes only directories that carry it
START_TIMEOUT_S=60

log() { echo "postgres-test-server: $*" >&2; }
die() { log "$*"; exit 1; }

jdbc_url() { echo "jdbc:postgresql://127.0.0.1:${PORT}/${DB_NAME}"; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# Debian's own binaries first (newest major), then whatever PATH offers.
find_bin_dir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "${dir}/initdb" ] && [ -x "${dir}/pg_ctl" ] && [ -x "${dir}/postgres" ]; then
      echo "${dir}"
      return 0
    fi
  done
  local pg_ctl
  if pg_ctl="$(command -v pg_ctl)" && [ -x "$(dirname "$(readlink -f "${pg_ctl}")")/initdb" ]; then
    dirname "$(readlink -f "${pg_ctl}")"
    return 0
  fi
  return 1
}

ensure_binaries() {
  if BIN_DIR="$(find_bin_dir)"; then
    return 0
  fi
  is_root || die "no PostgreSQL server binaries found; install Debian's 'postgresql' package"
  log "no PostgreSQL server binaries found; installing Debian's postgresql package"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  BIN_DIR="$(find_bin_dir)" || die "postgresql installed, but initdb/pg_ctl still not found"
}

# psql from the server's own bin directory when it has one (Debian's /usr/bin/psql is a wrapper).
psql_bin() {
  if [ -x "${BIN_DIR}/psql" ]; then echo "${BIN_DIR}/psql"; else command -v psql; fi
}

ensure_os_user() {
  is_root || return 0
  if ! id postgres >/dev/null 2>&1; then
    log "creating OS user postgres"
    useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
}

# Runs a command as the server's OS user, from a directory that user can read.
as_server_user() {
  if is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

is_running() {
  [ -f "${DATA_DIR}/PG_VERSION" ] && as_server_user "${BIN_DIR}/pg_ctl" -D "${DATA_DIR}" status >/dev/null 2>&1
}

init_cluster() {
  [ -f "${DATA_DIR}/PG_VERSION" ] && return 0
  log "initialising ${DATA_DIR}"
  mkdir -p "${BASE_DIR}"
  touch "${MARKER}"
  if is_root; then chown -R postgres: "${BASE_DIR}"; fi
  chmod 700 "${BASE_DIR}"
  # Superuser: trusted only over the Unix socket in BASE_DIR (mode 700, so only its owner and
  # root reach it). TCP on 127.0.0.1 always needs a password.
  as_server_user "${BIN_DIR}/initdb" -D "${DATA_DIR}" -U postgres --encoding=UTF8 --no-locale \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  cat >>"${DATA_DIR}/postgresql.conf" <<EOF

# sfumato test server
listen_addresses = '127.0.0.1'
port = ${PORT}
unix_socket_directories = '${BASE_DIR}'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
}

start_server() {
  if is_running; then
    log "already running on port ${PORT}"
    return 0
  fi
  log "starting PostgreSQL ($("${BIN_DIR}/postgres" --version)) on 127.0.0.1:${PORT}"
  if ! as_server_user "${BIN_DIR}/pg_ctl" -D "${DATA_DIR}" -l "${LOG_FILE}" -w \
    -t "${START_TIMEOUT_S}" start >/dev/null; then
    tail -n 20 "${LOG_FILE}" >&2 || true
    die "PostgreSQL did not start (is port ${PORT} taken?); log: ${LOG_FILE}"
  fi
}

# pg_ctl -w has seen the socket; this waits for TCP on 127.0.0.1, which is what the tests use.
wait_for_tcp() {
  local ready="${BIN_DIR}/pg_isready"
  [ -x "${ready}" ] || ready="$(command -v pg_isready)" || die "pg_isready not found"
  local deadline=$((SECONDS + START_TIMEOUT_S))
  until "${ready}" -q -h 127.0.0.1 -p "${PORT}"; do
    [ "${SECONDS}" -lt "${deadline}" ] || die "PostgreSQL is not accepting connections on ${PORT}"
    sleep 0.5
  done
}

superuser_sql() {
  as_server_user "$(psql_bin)" -h "${BASE_DIR}" -p "${PORT}" -U postgres -d postgres \
    -v ON_ERROR_STOP=1 -qtA "$@"
}

ensure_database() {
  local password_sql="${PASSWORD//\'/\'\'}"
  if [ -z "$(superuser_sql -c "SELECT 1 FROM pg_roles WHERE rolname = '${DB_USER}'")" ]; then
    superuser_sql -c "CREATE ROLE ${DB_USER} LOGIN PASSWORD '${password_sql}'"
  else
    # Keep the password in step with SFUMATO_TEST_PG_PASSWORD on every start.
    superuser_sql -c "ALTER ROLE ${DB_USER} LOGIN PASSWORD '${password_sql}'"
  fi
  if [ -z "$(superuser_sql -c "SELECT 1 FROM pg_database WHERE datname = '${DB_NAME}'")" ]; then
    superuser_sql -c "CREATE DATABASE ${DB_NAME} OWNER ${DB_USER} ENCODING 'UTF8'"
  fi
  # Prove the credentials the tests will use.
  PGPASSWORD="${PASSWORD}" "$(psql_bin)" -h 127.0.0.1 -p "${PORT}" -U "${DB_USER}" -d "${DB_NAME}" \
    -w -tAc 'SELECT 1' >/dev/null || die "cannot log in as ${DB_USER} over TCP"
}

cmd_start() {
  ensure_binaries
  ensure_os_user
  init_cluster
  start_server
  wait_for_tcp
  ensure_database
  log "ready: user ${DB_USER}, database ${DB_NAME}, data in ${DATA_DIR}"
  jdbc_url
}

cmd_stop() {
  if [ ! -e "${BASE_DIR}" ]; then
    log "nothing to stop (${BASE_DIR} does not exist)"
    return 0
  fi
  [ -f "${MARKER}" ] || die "${BASE_DIR} was not made by this script; not touching it"
  if BIN_DIR="$(find_bin_dir)" && is_running; then
    log "stopping PostgreSQL on port ${PORT}"
    as_server_user "${BIN_DIR}/pg_ctl" -D "${DATA_DIR}" -m fast -w stop >/dev/null
  fi
  rm -rf -- "${BASE_DIR}"
  log "removed ${BASE_DIR}"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  url) jdbc_url ;;
  maven-args)
    echo "-Dsfumato.test.pg.url=$(jdbc_url) -Dsfumato.test.pg.user=${DB_USER}" \
      "-Dsfumato.test.pg.password=${PASSWORD}"
    ;;
  *)
    echo "usage: $0 start|stop|url|maven-args" >&2
    exit 2
    ;;
esac
