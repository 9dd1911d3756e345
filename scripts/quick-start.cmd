@echo off
rem 快速开始（Windows）：检查 Node.js 版本，安装依赖，运行演示（npm start），然后打开 http://localhost:8787
chcp 65001 >nul
cd /d "%~dp0.."
where node >nul 2>nul || (echo 找不到 node：请先安装 Node.js 20.19 或更高版本（https://nodejs.org/zh-cn），再双击本文件。& pause & exit /b 2)
node bin\node-version.js || (pause & exit /b 2)
echo 安装依赖（npm install）…
call npm install --no-fund --no-audit || (pause & exit /b 1)
echo 启动演示：在浏览器打开 http://localhost:8787 ；关闭本窗口或按 Ctrl+C 停止。
start "" http://localhost:8787
call npm start
pause
