#!/bin/sh
# The auth file holds only the auth_user (the superuser that reads pg_shadow for every other role:
# the application role Tenantbase creates with a generated password, per-tenant roles).
set -eu
: "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}"
umask 077
mkdir -p /tmp/pgbouncer
printf '"%s" "%s"\n' "${POSTGRES_USER:-postgres}" "$POSTGRES_PASSWORD" >/tmp/pgbouncer/userlist.txt
sed -e "s/@POSTGRES_HOST@/${POSTGRES_HOST:-postgres}/" -e "s/@POSTGRES_USER@/${POSTGRES_USER:-postgres}/" \
  /etc/pgbouncer/pgbouncer.ini >/tmp/pgbouncer/pgbouncer.ini
exec pgbouncer /tmp/pgbouncer/pgbouncer.ini
