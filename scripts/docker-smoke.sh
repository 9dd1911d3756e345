#!/usr/bin/env bash
# Build the image, set up an office on a fresh volume with `duban init`, start `duban serve` in the container and
# check that it answers: /health, the status page, and a scan through POST /api/scan. Needs a running Docker daemon.
set -euo pipefail
cd "$(dirname "$0")/.."
IMAGE=${IMAGE:-duban-smoke}
PORT=${PORT:-18787}
DATA=$(mktemp -d)
TOKEN=$(node -e "console.log(require('node:crypto').randomBytes(18).toString('base64url'))")
cleanup() { docker rm -f duban-smoke >/dev/null 2>&1 || true; rm -rf "$DATA"; }
trap cleanup EXIT

docker build -t "$IMAGE" .
chmod 777 "$DATA" # the image runs as uid 1000
docker run --rm -v "$DATA:/data" "$IMAGE" init --workbook /data/duban.xlsx \
  --org 测试县人民政府办公室 --prefix 测政督 --email duban@example.gov.cn
docker run -d --name duban-smoke -p "127.0.0.1:$PORT:8787" -e DUBAN_PUBLIC_URL="http://127.0.0.1:$PORT" \
  -v "$DATA:/data" -e DUBAN_ADMIN_TOKEN="$TOKEN" "$IMAGE"
for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS "http://127.0.0.1:$PORT/health"; echo
curl -fsS "http://127.0.0.1:$PORT/" | grep -q '<meta name="viewport"' && echo "status page: ok"
curl -fsS -X POST -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/scan"; echo
test -s "$DATA/duban.log" && echo "log: $(wc -l <"$DATA/duban.log") lines in /data/duban.log"
echo "docker smoke test passed"
