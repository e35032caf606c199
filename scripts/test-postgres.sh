#!/usr/bin/env bash
# Starts (or stops) a private PostgreSQL 15 cluster on 127.0.0.1 for the integration tests.
# Usage: scripts/test-postgres.sh start|stop   (prints the connection string on start)
# Tests read it from RICHTSNOER_TEST_POSTGRES.
set -euo pipefail
PORT="${RICHTSNOER_PG_PORT:-55432}"
DIR="${RICHTSNOER_PG_DIR:-/tmp/richtsnoer-pg}"
BIN=/usr/lib/postgresql/15/bin
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
case "${1:-start}" in
  start)
    if [ ! -f "$DIR/PG_VERSION" ]; then
      mkdir -p "$DIR"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
      run "$BIN/initdb -D '$DIR' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
    fi
    if ! run "$BIN/pg_ctl -D '$DIR' status" >/dev/null 2>&1; then
      run "$BIN/pg_ctl -D '$DIR' -l '$DIR/log' -o \"-c listen_addresses=127.0.0.1 -p $PORT -k '$DIR' -c fsync=off -c max_connections=200\" -w start" >/dev/null
    fi
    echo "Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres;Pooling=true"
    ;;
  stop)
    run "$BIN/pg_ctl -D '$DIR' -m fast stop" >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
