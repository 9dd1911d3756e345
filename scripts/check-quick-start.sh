#!/usr/bin/env bash
# Follow the README's quick start in a fresh clone, as a new user would: clone, npm install, npm start (demo workbook,
# scan, page), a second scan from the CLI, then open the page. Prints each step's output; exit code 0 when all worked.
#   scripts/check-quick-start.sh                    # clones this repository's HEAD into a temporary folder
#   NODE_MODULES_FROM=/path/node_modules scripts/check-quick-start.sh   # offline: hard-link a node_modules, then npm install --offline
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
DIR=$(mktemp -d)
PORT=${PORT:-18788}
# npm start runs node as a child: stop the whole process group, or the server outlives the script.
cleanup() { [ -n "${START_PID:-}" ] && kill -INT -- "-$START_PID" 2>/dev/null || true; sleep 1; rm -rf "$DIR"; }
trap cleanup EXIT

echo "== git clone"; git clone --quiet "$REPO" "$DIR/duban-sheets"; cd "$DIR/duban-sheets"; git log --oneline -1
echo "== node $(node -v)"
if [ -n "${NODE_MODULES_FROM:-}" ]; then
  cp -al "$NODE_MODULES_FROM" node_modules
  echo "== npm install --offline"; npm install --offline --no-fund --no-audit 2>&1 | tail -3
else
  echo "== npm install"; npm install --no-fund --no-audit 2>&1 | tail -3
fi
echo "== npm start (PORT=$PORT)"
PORT=$PORT setsid npm start >start.log 2>&1 &
START_PID=$!
for _ in $(seq 1 120); do grep -qE '督办服务已启动|duban start：' start.log 2>/dev/null && break; sleep 1; done
cat start.log
grep -q '督办服务已启动' start.log || { echo "npm start did not start the server" >&2; exit 1; }
echo "== duban scan (a second scan: nothing new to write or send)"
node bin/duban.js scan --workbook data/demo.xlsx
echo "== the page"
curl -fsS "http://localhost:$PORT/" | sed -e 's/<[^>]*>/ /g' | tr -s ' ' | head -c 600; echo
curl -fsS "http://localhost:$PORT/health"; echo
echo "== data/"; ls data data/outbox | head -8
echo "quick start: ok"
