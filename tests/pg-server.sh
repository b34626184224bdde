#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A throw-away PostgreSQL server for the office server's tests and for trying
# it out (README, "Office server"). Everything lives in DIR: the cluster, its
# unix socket, its log. The owner role is aimak_admin, with the password in
# DIR/admin.pw; every role logs in with a SCRAM password.
#
#   tests/pg-server.sh start DIR [PORT]  initdb (first time) and start; prints
#                                        the admin URL. PORT: a free one if not given.
#   tests/pg-server.sh stop DIR          stop cleanly
#   tests/pg-server.sh kill DIR          stop at once, as a crash or a cut would
#   tests/pg-server.sh url DIR           print the admin URL again (unix socket)
#   tests/pg-server.sh tls-url DIR       the admin URL over TCP with TLS (verify-full)
#   tests/pg-server.sh find              print the folder of initdb, or fail (exit 77)
#
# PostgreSQL refuses to run as root: as root (CI, containers) the server runs
# as the user `postgres` (Debian's package creates it) or else `nobody`.
set -eu

find_bin () {
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v initdb)")"
        return 0
    fi
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
    done
    return 77
}

as_owner () {
    if [ "$(id -u)" = 0 ]; then
        runuser -u "$RUN_AS" -- "$@"
    else
        "$@"
    fi
}

cmd=${1:-}
if [ "$cmd" = find ]; then
    find_bin || exit 77
    exit 0
fi
dir=${2:?usage: pg-server.sh start|stop|kill|url DIR [PORT]}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
BIN=$(find_bin) || { echo "pg-server.sh: initdb not found (install postgresql)" >&2; exit 77; }
if getent passwd postgres >/dev/null 2>&1; then RUN_AS=postgres; else RUN_AS=nobody; fi

url () {
    echo "postgresql://aimak_admin@/aimak?host=$dir&port=$(cat "$dir/port")&sslmode=disable"
}

case "$cmd" in
start)
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$dir/admin.pw"
        # TLS on loopback, with a self-signed certificate for "localhost"
        # (DIR/server.crt is also the CA a client trusts: sslrootcert).
        if command -v openssl >/dev/null 2>&1; then
            openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj /CN=localhost \
                -addext subjectAltName=DNS:localhost -keyout "$dir/server.key" \
                -out "$dir/server.crt" >/dev/null 2>&1
            chmod 600 "$dir/server.key"
        fi
        if [ "$(id -u)" = 0 ]; then
            chown -R "$RUN_AS" "$dir"
            # The server's user must reach DIR: a mktemp -d parent is 0700.
            chmod go+x "$(dirname "$dir")"
        fi
        chmod 700 "$dir"
        as_owner "$BIN/initdb" -D "$dir/data" -U aimak_admin --pwfile="$dir/admin.pw" \
            --auth=scram-sha-256 --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
            || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    port=${3:-}
    if [ -z "$port" ]; then
        if [ -f "$dir/port" ]; then port=$(cat "$dir/port"); else
        port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'); fi
    fi
    echo "$port" > "$dir/port"
    if [ "$(id -u)" = 0 ]; then chown "$RUN_AS" "$dir/port"; fi
    tls=""
    if [ -f "$dir/server.key" ]; then
        tls="-c ssl=on -c ssl_cert_file=$dir/server.crt -c ssl_key_file=$dir/server.key"
    fi
    as_owner "$BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1 ||
    as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off $tls" \
        start >/dev/null
    if [ "$(id -u)" = 0 ]; then chmod 755 "$dir"; fi
    if [ ! -f "$dir/created" ]; then
        PGPASSWORD=$(cat "$dir/admin.pw") "$BIN/psql" -q -X -h "$dir" -p "$port" -U aimak_admin \
            -d postgres -c 'CREATE DATABASE aimak' >/dev/null
        touch "$dir/created"
    fi
    url
    ;;
stop)
    as_owner "$BIN/pg_ctl" -D "$dir/data" -w -m fast stop >/dev/null 2>&1 || true
    ;;
kill)
    as_owner "$BIN/pg_ctl" -D "$dir/data" -w -m immediate stop >/dev/null 2>&1 || true
    ;;
url)
    url
    ;;
tls-url)
    echo "postgresql://aimak_admin@localhost:$(cat "$dir/port")/aimak?sslmode=verify-full&sslrootcert=$dir/server.crt"
    ;;
*)
    echo "usage: pg-server.sh start|stop|kill|url DIR [PORT] | find" >&2
    exit 2
    ;;
esac
