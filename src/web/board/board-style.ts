/**
 * The board's stylesheet, inline (offices are offline: no CDN, no web font). Phone first (390 px): the filters two by
 * two, the map scrolling sideways under a sticky task column, with the 系统提示 under each task and only last month
 * and this month shown until 显示全年各月 is ticked (a checkbox: no script), and each 逾期、滞后事项 on two lines (编号 and
 * 工作任务, then 牵头单位 and how late). Print: A3 landscape, 状态 and 预警 right after the task,
 * the sheet's colours kept.
 */
export const BOARD_CSS = `
*{box-sizing:border-box}
body{margin:0;padding:8px;font:14px/1.4 system-ui,"Noto Sans CJK SC","WenQuanYi Zen Hei","Microsoft YaHei",sans-serif;color:#111;-webkit-print-color-adjust:exact;print-color-adjust:exact}
h1{font-size:18px;margin:4px 0}h2{font-size:16px;margin:16px 0 6px}
.meta{color:#555;font-size:12px;margin:0 0 8px}
form.filters{display:grid;grid-template-columns:1fr 1fr;gap:6px;margin-bottom:8px}
form.filters label{display:flex;flex-direction:column;font-size:12px;color:#444}
select,input,button{font:inherit;font-size:16px;padding:6px;width:100%;min-width:0}
button{background:#1f4e79;color:#fff;border:0;border-radius:4px}
.counts{display:flex;flex-wrap:wrap;gap:4px;margin:6px 0}
.chip{padding:2px 8px;border-radius:10px;color:#000;text-decoration:none;border:1px solid #0003;white-space:nowrap}
.chip.on{outline:2px solid #1f4e79}
.wrap{overflow-x:auto;-webkit-overflow-scrolling:touch;border:1px solid #ccc}
table.map{border-collapse:separate;border-spacing:0;font-size:13px}
.map th,.map td{border-right:1px solid #ccc;border-bottom:1px solid #ccc;padding:3px 4px;vertical-align:top}
.map thead th{background:#e8eef5;position:sticky;top:0}
.map .task{position:sticky;left:0;z-index:1;background:#fff;min-width:150px;max-width:190px}
.map thead .task{z-index:2;background:#e8eef5}
.map .task small{display:block;color:#555}
.map .st{white-space:nowrap}
.map .m{min-width:96px;max-width:160px}
.map .num{text-align:right}
.hint{min-width:180px;max-width:260px;color:#333;font-size:12px}
.pager{margin:8px 0;display:flex;gap:12px}
.lists{display:flex;flex-wrap:wrap;gap:12px}
table.list{border-collapse:collapse;font-size:13px}
.list caption{font-weight:bold;text-align:left}
.list th,.list td{border:1px solid #ccc;padding:3px 6px}
.list.red caption{color:#2e7d32}.list.black caption{color:#b00020}
h3{font-size:15px;margin:12px 0 4px}.late-note{margin:0 0 4px}
.late .id,.late .how{white-space:nowrap}
.charts{display:flex;flex-wrap:wrap;gap:8px}
.chart{margin:0;max-width:100%;overflow-x:auto}
.chart svg{max-width:100%;height:auto}
@media(min-width:701px){.map .opt,.map .day{white-space:nowrap}}
@media(min-width:900px){form.filters{grid-template-columns:repeat(5,1fr) auto;align-items:end}}
.map .task .hint-m,#all-months,.all-months{display:none}
@media(max-width:700px){.map .opt,.map .hint{display:none}.chart svg{max-width:none;width:640px}
 .map .task .hint-m{display:block;color:#7a4b00;margin-top:2px}
 .all-months{display:block;font-size:13px;color:#1f4e79;margin:4px 0;text-decoration:underline}
 #all-months:not(:checked)~.wrap .mo{display:none}
 table.late,.late tbody{display:block}.late thead{display:none}
 .late tbody tr{display:grid;grid-template-columns:auto 1fr;gap:2px 8px;padding:4px 0;border-bottom:1px solid #ccc}
 table.late td{border:0;padding:0 2px}.late td.how{justify-self:start;white-space:normal}}
@page{size:A3 landscape;margin:8mm}
@media print{
 body{padding:0;font-size:9px}
 form.filters,.pager,nav{display:none}
 .wrap{overflow:visible;border:0}
 table.map{font-size:7.5px;width:100%}
 .map thead th{position:static}
 .map .task{position:static;min-width:0;max-width:none;width:11%}
 .map .m{min-width:0;max-width:none}
 .map .opt,.map .hint{display:table-cell}
 .hint{min-width:0;font-size:7px}
 tr{break-inside:avoid}
 thead{display:table-header-group}
 .bulletin{break-before:page}
}
`;
