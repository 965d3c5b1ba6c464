#!/usr/bin/env bash
# Starts Debian's PgBouncer in transaction mode in front of a PostgreSQL server, for CI: the suites
# then run with DATABASE_URL through it and DATABASE_DIRECT_URL straight to the server.
#
#   scripts/start-pgbouncer.sh <run dir> [server host] [server port]
#
# PGBOUNCER_AUTH_PASSWORD: the server's own `postgres` password, for a server that asks for one
# (an embedded cluster); by default a random one, for a server that trusts local connections.
# PGBOUNCER_SETTINGS: more lines for the [pgbouncer] section (e.g. "server_idle_timeout = 15").
# Prints the port it listens on. Clients authenticate with SCRAM: `postgres` with the password in
# <run dir>/password, every other role (the application role, tenant roles) through auth_query
# against pg_shadow, as the compose file's PgBouncer does. Stop it with: kill "$(cat <run dir>/pgbouncer.pid)".
set -euo pipefail
dir=$1
host=${2:-127.0.0.1}
server_port=${3:-5432}
mkdir -p "$dir"
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
password=${PGBOUNCER_AUTH_PASSWORD:-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')}
echo "$password" >"$dir/password"
printf '"postgres" "%s"\n' "$password" >"$dir/userlist.txt"
cat >"$dir/pgbouncer.ini" <<INI
[databases]
; every database (the platform one, each database tenant's) on the one server
* = host=$host port=$server_port

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
pidfile = $dir/pgbouncer.pid
logfile = $dir/pgbouncer.log
auth_type = scram-sha-256
auth_file = $dir/userlist.txt
auth_user = postgres
auth_query = SELECT usename, passwd FROM pg_shadow WHERE usename=\$1
pool_mode = transaction
max_client_conn = 2000
default_pool_size = 20
max_db_connections = 0
server_reset_query =
ignore_startup_parameters = extra_float_digits
${PGBOUNCER_SETTINGS:-}
INI
chmod 755 "$dir"
chmod 644 "$dir"/pgbouncer.ini "$dir"/userlist.txt
user_flag=()
if [ "$(id -u)" = 0 ]; then
  # PgBouncer refuses to run as root.
  chown postgres "$dir"
  user_flag=(-u postgres)
fi
pgbouncer -d "${user_flag[@]}" "$dir/pgbouncer.ini"
for _ in $(seq 1 50); do
  if pg_isready -h 127.0.0.1 -p "$port" -q 2>/dev/null; then
    echo "$port"
    exit 0
  fi
  sleep 0.1
done
echo "pgbouncer did not start; its log:" >&2
cat "$dir/pgbouncer.log" >&2
exit 1
