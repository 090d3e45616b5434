# Sourced by .ci/run: installs Debian's PostgreSQL when it is missing,
# starts a throwaway cluster on loopback (port 5433, or the next free one),
# creates the test database and exports its URL as
# STRIKEWATCH_TEST_POSTGRES; the cluster is stopped and deleted on exit.

strikewatch_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

strikewatch_pg_start() {
	local bin dir port rc
	bin=$(strikewatch_pg_bin)
	if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
		apt-get update
		DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
		bin=$(strikewatch_pg_bin)
	fi
	dir=$(mktemp -d /tmp/strikewatch-pg.XXXXXX)
	# initdb refuses to run as root: run the cluster as the postgres user.
	if [ "$(id -u)" = 0 ]; then
		chown postgres:postgres "$dir"
		STRIKEWATCH_PG_AS=(runuser -u postgres --)
	else
		STRIKEWATCH_PG_AS=()
	fi
	# pg_isready: 0 or 1 when a server answers there, 2 when none does.
	port=5433
	while :; do
		rc=0
		"$bin/pg_isready" -q -h 127.0.0.1 -p "$port" || rc=$?
		[ "$rc" -ge 2 ] && break
		port=$((port + 1))
	done
	"${STRIKEWATCH_PG_AS[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-sync >/dev/null
	STRIKEWATCH_PG_BIN=$bin
	STRIKEWATCH_PG_DIR=$dir
	trap strikewatch_pg_stop EXIT
	# fsync off: a throwaway cluster need not survive a power cut.
	"${STRIKEWATCH_PG_AS[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
		-o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c max_connections=200" start >/dev/null
	"${STRIKEWATCH_PG_AS[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres strikewatch_test
	export STRIKEWATCH_TEST_POSTGRES="postgres://postgres@127.0.0.1:$port/strikewatch_test?sslmode=disable"
	echo "$("$bin/pg_ctl" --version) on 127.0.0.1:$port for the tests"
}

strikewatch_pg_stop() {
	"${STRIKEWATCH_PG_AS[@]}" "$STRIKEWATCH_PG_BIN/pg_ctl" -D "$STRIKEWATCH_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
	rm -rf "$STRIKEWATCH_PG_DIR"
}

strikewatch_pg_start
