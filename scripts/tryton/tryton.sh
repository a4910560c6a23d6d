#!/usr/bin/env bash
# A local Tryton 6.0 (Debian's packages) as the real ERP peer of the integration
# tests and the bench. One SQLite database in .data/tryton/ (or TRYTON_DATA).
#
#   tryton.sh install   apt-get the server and modules when missing (needs root)
#   tryton.sh init      create the database once per data folder
#   tryton.sh start     run trytond in the background until JSON-RPC answers
#   tryton.sh stop      stop the trytond this script started (pid file)
#   tryton.sh status    exit 0 and print the URL when it answers, 3 otherwise
#   tryton.sh env       print TRYTON_URL/_DB/_USER/_PASSWORD lines
#
# TRYTON_PORT (8000), TRYTON_DB (erp), TRYTON_DATA (.data/tryton).
# Every step is idempotent; a lock keeps two callers from initialising at once.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DATA="${TRYTON_DATA:-$ROOT/.data/tryton}"
PORT="${TRYTON_PORT:-8000}"
DB="${TRYTON_DB:-erp}"
CONF="$DATA/trytond.conf"
PIDFILE="$DATA/trytond.pid"
LOG="$DATA/trytond.log"
PASSFILE="$DATA/admin.password"
READY="$DATA/$DB.ready"
PACKAGES=(tryton-server tryton-modules-purchase tryton-modules-stock tryton-modules-sale
  tryton-modules-account-invoice tryton-modules-account-invoice-stock tryton-modules-bank)
# The modules the app's connector uses, activated with their dependencies. READY holds
# this list: a database made with another list is made again.
MODULES="purchase sale account_invoice_stock bank"

say() { echo "tryton: $*" >&2; }
die() { say "$*"; exit 1; }

missing_packages() {
  local p
  for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done
}

cmd_install() {
  command -v dpkg >/dev/null 2>&1 || die "not a Debian system (no dpkg): install Tryton 6.0 by hand"
  local need
  need=$(missing_packages | tr '\n' ' ')
  if [ -z "${need// /}" ] && [ -x /usr/bin/trytond ] && [ -x /usr/bin/trytond-admin ]; then return 0; fi
  [ "$(id -u)" -eq 0 ] || die "missing Debian packages: $need(need root to apt-get install them)"
  command -v apt-get >/dev/null 2>&1 || die "missing packages $need and no apt-get"
  say "installing from Debian: $need"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || die "apt-get update failed"
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $need >/dev/null || die "apt-get install $need failed"
  # Debian starts its own trytond service (port 8000, /var/lib/tryton) on install
  # where it can; ours runs from .data/, so that one must not hold the port.
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet tryton-server 2>/dev/null; then
    systemctl stop tryton-server || true
    systemctl disable tryton-server >/dev/null 2>&1 || true
  elif [ -x /etc/init.d/tryton-server ]; then
    /etc/init.d/tryton-server stop >/dev/null 2>&1 || true
  fi
}

write_conf() {
  mkdir -p "$DATA"
  cat >"$CONF" <<CONF
[database]
uri = sqlite://
path = $DATA
[web]
listen = 127.0.0.1:$PORT
CONF
}

cmd_init() {
  [ -x /usr/bin/trytond-admin ] || die "trytond-admin not installed (run: $0 install)"
  write_conf
  if [ -f "$READY" ] && [ "$(cat "$READY")" = "$MODULES" ]; then return 0; fi
  rm -f "$READY"
  # A server still running on the database about to be made again must not keep it open.
  if our_pid >/dev/null; then cmd_stop; fi
  if [ ! -s "$PASSFILE" ]; then
    # A throwaway local password; a fixed TRYTON_PASSWORD wins when given.
    (umask 077; printf '%s' "${TRYTON_PASSWORD:-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')}" >"$PASSFILE")
  fi
  # A half-done earlier init leaves a database we cannot trust: start over.
  rm -f "$DATA/$DB.sqlite"
  touch "$DATA/$DB.sqlite"
  say "initialising database $DB in $DATA (about 30 s)"
  TRYTONPASSFILE="$PASSFILE" /usr/bin/trytond-admin -c "$CONF" -d "$DB" --all --email admin@example.com >>"$LOG" 2>&1 \
    || die "trytond-admin --all failed; see $LOG"
  # shellcheck disable=SC2086
  /usr/bin/trytond-admin -c "$CONF" -d "$DB" -u $MODULES --activate-dependencies >>"$LOG" 2>&1 \
    || die "trytond-admin -u failed; see $LOG"
  printf '%s' "$MODULES" >"$READY"
}

# True when something on the port answers Tryton's version call.
answers() {
  /usr/bin/python3 - "$PORT" <<'PY' 2>/dev/null
import json, sys, urllib.request
req = urllib.request.Request("http://127.0.0.1:%s/" % sys.argv[1], method="POST",
    data=json.dumps({"id": 0, "method": "common.server.version", "params": []}).encode(),
    headers={"Content-Type": "application/json"})
with urllib.request.urlopen(req, timeout=2) as r:
    sys.exit(0 if "result" in json.load(r) else 1)
PY
}

our_pid() {
  local pid
  [ -s "$PIDFILE" ] || return 1
  pid=$(cat "$PIDFILE")
  kill -0 "$pid" 2>/dev/null || return 1
  grep -q trytond "/proc/$pid/cmdline" 2>/dev/null || return 1
  echo "$pid"
}

cmd_start() {
  [ -f "$READY" ] || die "database $DB not initialised (run: $0 init)"
  if our_pid >/dev/null && answers; then return 0; fi
  if ! our_pid >/dev/null && answers; then
    die "port $PORT already answers as Tryton but not the one started from $DATA; stop it or set TRYTON_PORT"
  fi
  write_conf
  if ! our_pid >/dev/null; then
    rm -f "$PIDFILE"
    # Own session and no inherited pipes: the caller may wait on our stdout.
    setsid /usr/bin/trytond -c "$CONF" -d "$DB" --pidfile "$PIDFILE" </dev/null >>"$LOG" 2>&1 9>&- &
  fi
  local i
  for i in $(seq 1 120); do
    if answers; then say "running at http://127.0.0.1:$PORT/$DB/"; return 0; fi
    if [ $i -gt 10 ] && ! our_pid >/dev/null; then die "trytond exited; last log lines: $(tail -n 5 "$LOG" | tr '\n' ' ')"; fi
    sleep 0.5
  done
  die "trytond did not answer on port $PORT within 60 s; see $LOG"
}

cmd_stop() {
  local pid i
  pid=$(our_pid) || { rm -f "$PIDFILE"; return 0; }
  kill "$pid"
  for i in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || { rm -f "$PIDFILE"; return 0; }; sleep 0.25; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$PIDFILE"
}

cmd_status() {
  if our_pid >/dev/null && answers; then echo "running http://127.0.0.1:$PORT/ db=$DB pid=$(cat "$PIDFILE")"; return 0; fi
  echo "stopped"; return 3
}

cmd_env() {
  [ -s "$PASSFILE" ] || die "no admin password yet (run: $0 init)"
  echo "TRYTON_URL=http://127.0.0.1:$PORT"
  echo "TRYTON_DB=$DB"
  echo "TRYTON_USER=admin"
  echo "TRYTON_PASSWORD=$(cat "$PASSFILE")"
}

with_lock() {
  mkdir -p "$DATA"
  exec 9>"$DATA/.lock"
  flock -w 300 9 || die "another tryton.sh holds $DATA/.lock"
  "$@"
}

case "${1:-}" in
  install) cmd_install ;;
  init) with_lock cmd_init ;;
  start) with_lock cmd_start ;;
  stop) with_lock cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  *) echo "usage: $0 install|init|start|stop|status|env" >&2; exit 2 ;;
esac
