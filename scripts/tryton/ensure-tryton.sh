#!/usr/bin/env bash
# install + init + start, then the connection on stdout as KEY=value lines
# (TRYTON_URL, TRYTON_DB, TRYTON_USER, TRYTON_PASSWORD, TRYTON_STARTED=1 when this
# call started the server, so the caller knows whether to stop it). Exits non-zero
# with the reason on stderr when Tryton cannot run here.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
T="$HERE/tryton.sh"
bash "$T" install
bash "$T" init
started=0
bash "$T" status >/dev/null 2>&1 || started=1
bash "$T" start
bash "$T" env
[ "$started" = 1 ] && echo "TRYTON_STARTED=1"
exit 0
