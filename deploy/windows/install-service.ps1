# 把 duban serve 装成 Windows 服务（用 WinSW）：开机自动运行、无人登录也运行、出错自动重启。
# 用法：以管理员身份打开 PowerShell，先进入程序目录，再运行：
#   cd D:\duban-sheets
#   powershell -ExecutionPolicy Bypass -File deploy\windows\install-service.ps1 -Workbook "D:\督办\督办.xlsx"
#
# 本机连不上 GitHub 时（多数内网电脑）：在能上网的电脑上下载 WinSW-x64.exe
#   （https://github.com/winsw/winsw/releases/download/v2.12.0/WinSW-x64.exe），用 U 盘拷到本机，
#   再加 -WinswExe 参数写它的路径，例如 U 盘是 E: 盘：
#   powershell -ExecutionPolicy Bypass -File deploy\windows\install-service.ps1 -Workbook "D:\督办\督办.xlsx" -WinswExe "E:\WinSW-x64.exe"
#   也可以直接把它复制为 deploy\windows\duban-service.exe，脚本看到它就不再下载。
#   -WinswUrl 可改用单位内网上的下载地址。
#
# 打开 http://localhost:8787 查看。卸载：.\deploy\windows\duban-service.exe stop，然后 .\deploy\windows\duban-service.exe uninstall
#
# 本文件须保存为“UTF-8 带 BOM”：Windows PowerShell 5.1 把不带 BOM 的文件当作 GBK 读，中文会变成乱码。
param(
  [Parameter(Mandatory = $true)][string]$Workbook,
  [int]$Port = 8787,
  [string]$WinswExe = '',
  [string]$WinswUrl = 'https://github.com/winsw/winsw/releases/download/v2.12.0/WinSW-x64.exe'
)
$ErrorActionPreference = 'Stop'
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$root = Split-Path -Parent (Split-Path -Parent $here)
$exe = Join-Path $here 'duban-service.exe'
$xml = Join-Path $here 'duban-service.xml'

if (-not (Get-Command node -ErrorAction SilentlyContinue)) { throw '找不到 node：请先安装 Node.js 20.19 或更高版本（https://nodejs.org/zh-cn），再重新运行。' }
if (-not (Test-Path $Workbook)) { throw "找不到工作簿 $Workbook：请先在程序目录 $root 中运行 npx duban init --workbook `"$Workbook`" --org 机关名称 --prefix 文号前缀 --email 督查室邮箱" }
if ($Workbook -match '^[A-Za-z]:' -and (Get-PSDrive ($Workbook.Substring(0, 1))).DisplayRoot) {
  throw "$Workbook 在映射的网络驱动器上，服务看不到映射盘符：请改用 \\服务器\共享\… 形式的路径。"
}
if (-not (Test-Path $exe)) {
  if ($WinswExe) {
    if (-not (Test-Path -LiteralPath $WinswExe -PathType Leaf)) { throw "找不到 WinSW 文件 $WinswExe：请核对 -WinswExe 后面的路径，如 E:\WinSW-x64.exe。" }
    Write-Host "复制 WinSW：$WinswExe"
    Copy-Item -LiteralPath $WinswExe -Destination $exe
  } else {
    Write-Host "下载 WinSW：$WinswUrl"
    # Windows Server 2016 上的 PowerShell 5.1 默认不用 TLS 1.2，GitHub 会拒绝连接。
    [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12
    try {
      Invoke-WebRequest -Uri $WinswUrl -OutFile $exe -UseBasicParsing
    } catch {
      Remove-Item -LiteralPath $exe -ErrorAction SilentlyContinue
      throw "下载 WinSW 失败（$($_.Exception.Message)）。本机连不上 GitHub 时：在能上网的电脑上下载 $WinswUrl ，用 U 盘拷到本机，再加参数 -WinswExe `"E:\WinSW-x64.exe`"（写实际路径）重新运行。"
    }
  }
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
