#!/usr/bin/env bash
# Gives the PostgreSQL tests a server: installs PostgreSQL when it is missing (Debian/Ubuntu, as root, no stdin),
# starts the cluster, and creates a login role and the database `iamd_test`.
#
# Everything goes to stderr except one line on stdout, so that CI can write:
#   eval "$(scripts/ci-postgres.sh)"     # exports IAMD_TEST_DATABASE_URL
#
# A password login over TCP (rather than editing pg_hba.conf to trust) works with Debian's default pg_hba.conf and
# leaves the cluster's other settings alone. Running it again is harmless: every step checks before it acts.
set -euo pipefail

ROLE=iamd
PASSWORD=iamd
DATABASE=iamd_test

log() { echo "ci-postgres: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  log "must run as root (it installs packages and starts the cluster)"
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if ! command -v pg_lsclusters > /dev/null; then
  log "installing postgresql"
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql < /dev/null >&2
fi

# The package creates a cluster named `main` for the newest installed version; create one if an image removed it.
if [ -z "$(pg_lsclusters --no-header)" ]; then
  version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
  log "creating cluster ${version}/main"
  pg_createcluster "$version" main >&2
fi
read -r version cluster port status _ < <(pg_lsclusters --no-header | head -n 1)
if [ "$status" != online ]; then
  log "starting cluster ${version}/${cluster} on port ${port}"
  # pg_ctlcluster works without systemd (containers), unlike `systemctl start`.
  pg_ctlcluster "$version" "$cluster" start >&2
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p "$port" >&2

psql_as_postgres() {
  runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qAt "$@" < /dev/null
}
if [ -z "$(psql_as_postgres -c "select 1 from pg_roles where rolname = '${ROLE}'")" ]; then
  log "creating role ${ROLE}"
  psql_as_postgres -c "create role ${ROLE} login password '${PASSWORD}'" >&2
fi
if [ -z "$(psql_as_postgres -c "select 1 from pg_database where datname = '${DATABASE}'")" ]; then
  log "creating database ${DATABASE}"
  # An English collation, as production databases often have, rather than the container's usual C.UTF-8: the schema
  # declares its own byte-wise collation, and only a database whose default differs can show that it does.
  create="create database ${DATABASE} owner ${ROLE} encoding 'UTF8' template template0"
  psql_as_postgres -c "${create} locale_provider icu icu_locale 'en-US'" >&2 2> /dev/null \
    || psql_as_postgres -c "${create}" >&2
fi

url="postgres://${ROLE}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}"
# Check the URL really logs in before handing it out.
PGCONNECT_TIMEOUT=5 psql "$url" -v ON_ERROR_STOP=1 -qAtc 'select 1' > /dev/null < /dev/null
log "ready: ${url}"
echo "export IAMD_TEST_DATABASE_URL=${url}"
