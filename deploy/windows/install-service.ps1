# Install duban serve as a Windows service with WinSW. Run in PowerShell as administrator:
#   powershell -ExecutionPolicy Bypass -File deploy\windows\install-service.ps1 -Workbook "D:\督办\督办.xlsx"
# Then open http://localhost:8787. Remove: deploy\windows\duban-service.exe stop; deploy\windows\duban-service.exe uninstall
param(
  [Parameter(Mandatory = $true)][string]$Workbook,
  [int]$Port = 8787,
  [string]$WinswUrl = 'https://github.com/winsw/winsw/releases/download/v2.12.0/WinSW-x64.exe'
)
$ErrorActionPreference = 'Stop'
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$exe = Join-Path $here 'duban-service.exe'
$xml = Join-Path $here 'duban-service.xml'

if (-not (Get-Command node -ErrorAction SilentlyContinue)) { throw '找不到 node：请先安装 Node.js 20（https://nodejs.org/zh-cn），再重新运行。' }
if (-not (Test-Path $Workbook)) { throw "找不到工作簿 $Workbook：请先运行 npx duban init --workbook `"$Workbook`" --org 机关名称 --prefix 文号前缀 --email 督查室邮箱" }
if ($Workbook -match '^[A-Za-z]:' -and (Get-PSDrive ($Workbook.Substring(0, 1))).DisplayRoot) {
  throw "$Workbook 在映射的网络驱动器上，服务看不到映射盘符：请改用 \\服务器\共享\… 形式的路径。"
}
if (-not (Test-Path $exe)) {
  Write-Host "下载 WinSW：$WinswUrl"
  Invoke-WebRequest -Uri $WinswUrl -OutFile $exe
}
$folder = Split-Path -Parent $Workbook
$node = (Get-Command node).Source
$config = Get-Content -Raw -Encoding UTF8 $xml
$config = $config -replace '<executable>.*</executable>', "<executable>$node</executable>"
$config = $config -replace '<arguments>.*</arguments>', "<arguments>`"%BASE%\..\..\bin\duban.js`" serve --workbook `"$Workbook`" --port $Port</arguments>"
$config = $config -replace '<workingdirectory>.*</workingdirectory>', "<workingdirectory>$folder</workingdirectory>"
[System.IO.File]::WriteAllText($xml, $config, (New-Object System.Text.UTF8Encoding $false))
& $exe install
& $exe start
Write-Host "已安装并启动 Windows 服务 duban：打开 http://localhost:$Port 查看；日志在 $folder\duban.log"
