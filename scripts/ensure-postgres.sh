#!/usr/bin/env bash
# Starts the machine's PostgreSQL cluster when it is installed but not answering,
# so the integration tests run on both databases. Without a server they run on PGlite only.
set -uo pipefail
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then exit 0; fi
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  for v in $(ls /etc/postgresql); do pg_ctlcluster --skip-systemctl-redirect "$v" main start || true; done
  for _ in $(seq 1 20); do pg_isready -q -h 127.0.0.1 -p 5432 && exit 0; sleep 0.5; done
fi
echo "no PostgreSQL server on 127.0.0.1:5432: integration tests run on PGlite only" >&2
exit 0
