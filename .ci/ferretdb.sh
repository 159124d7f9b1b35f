#!/usr/bin/env bash
# Builds FerretDB 1.x (SQLite backend) from the Go module proxy and starts it on loopback.
# Usage: source .ci/ferretdb.sh   -> exports MONGODB_URI and FERRETDB_PID
# `go install …@v1.24.2` cannot be used as such: the module zip lacks build/version/version.txt,
# so the binary panics at start, and the proxy refuses the version list that `go install` asks for.
# We therefore download the module, copy it somewhere writable, write version.txt and build it.
set -euo pipefail
FERRETDB_VERSION=v1.24.2
FERRETDB_BIN="${FERRETDB_BIN:-$HOME/.cache/fulian-bot/ferretdb-$FERRETDB_VERSION}"
if [ ! -x "$FERRETDB_BIN" ]; then
  echo "ci: building FerretDB $FERRETDB_VERSION (about a minute)" >&2
  scratch=$(mktemp -d)
  (cd "$scratch" && go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" > mod.json)
  src=$(node -e 'console.log(require(process.argv[1]).Dir)' "$scratch/mod.json")
  cp -r "$src" "$scratch/src" && chmod -R u+w "$scratch/src"
  echo "$FERRETDB_VERSION" > "$scratch/src/build/version/version.txt"
  mkdir -p "$(dirname "$FERRETDB_BIN")"
  # Go >= 1.23 refuses some of FerretDB's dependencies' //go:linkname uses; this is Go's documented escape hatch.
  (cd "$scratch/src" && go build -ldflags=-checklinkname=0 -o "$FERRETDB_BIN" ./cmd/ferretdb)
  rm -rf "$scratch"
fi
FERRETDB_DIR=$(mktemp -d)
FERRETDB_PORT=${FERRETDB_PORT:-$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
"$FERRETDB_BIN" --handler=sqlite --sqlite-url="file:$FERRETDB_DIR/" --state-dir="$FERRETDB_DIR" \
  --listen-addr="127.0.0.1:$FERRETDB_PORT" --debug-addr=127.0.0.1:0 --telemetry=disable --log-level=warn > "$FERRETDB_DIR/ferretdb.log" 2>&1 &
FERRETDB_PID=$!
for _ in $(seq 1 100); do
  if node -e 'require("net").connect(+process.argv[1],"127.0.0.1").on("connect",()=>process.exit(0)).on("error",()=>process.exit(1))' "$FERRETDB_PORT"; then break; fi
  sleep 0.1
done
export MONGODB_URI="mongodb://127.0.0.1:$FERRETDB_PORT/fulian_test"
# The database-outage test starts and stops a FerretDB of its own with this binary.
export FERRETDB_BIN
export FERRETDB_PID FERRETDB_DIR
echo "ci: FerretDB $FERRETDB_VERSION on $MONGODB_URI (pid $FERRETDB_PID)" >&2
