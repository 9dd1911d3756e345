#!/usr/bin/env sh
# 快速开始（Linux、macOS）：检查 Node.js 版本，安装依赖，运行演示（npm start），然后打开 http://localhost:8787
set -e
cd "$(dirname "$0")/.."
if ! command -v node >/dev/null 2>&1; then
  echo "找不到 node：请先安装 Node.js 20.19 或更高版本（https://nodejs.org/zh-cn），再重新运行本脚本。" >&2
  exit 2
fi
node bin/node-version.js || exit 2
echo "安装依赖（npm install）…"
npm install --no-fund --no-audit
echo "启动演示：建 data/demo.xlsx、按今天扫描、在 http://localhost:8787 显示结果；按 Ctrl+C 停止。"
exec npm start
