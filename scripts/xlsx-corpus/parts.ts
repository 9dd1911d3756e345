/**
 * OOXML parts for the corpus, assembled to the published schemas (ECMA-376 and the [MS-XLSX] extensions): a chart,
 * a pivot table with its cache, a slicer, sparklines, x14 data bars and validations, threaded comments, custom
 * document properties, a VBA project and a WPS in-cell picture.
 */
import { escapeXml } from '../../src/store/drivers/xlsx-package/xml-text';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  x14: 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main',
  xm: 'http://schemas.microsoft.com/office/excel/2006/main',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  tc: 'http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments',
};

export const UNITS = ['发改局', '住建局', '交通局', '水利局'];
export const MONTHS = ['8月', '9月', '10月', '11月'];
/** Tasks per unit and month on the 统计分析 tab. */
export const COUNTS = [
  [3, 4, 4, 5],
  [2, 2, 3, 3],
  [5, 4, 6, 6],
  [1, 2, 2, 4],
];

export const CT = {
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  pivotTable: 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml',
  pivotCache: 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml',
  pivotRecords: 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml',
  slicer: 'application/vnd.ms-excel.slicer+xml',
  slicerCache: 'application/vnd.ms-excel.slicerCache+xml',
  threaded: 'application/vnd.ms-excel.threadedcomments+xml',
  person: 'application/vnd.ms-excel.person+xml',
  custom: 'application/vnd.openxmlformats-officedocument.custom-properties+xml',
  macroWorkbook: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  vba: 'application/vnd.ms-office.vbaProject',
  cellImages: 'application/vnd.wps-officedocument.cellimage+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
};

export const REL = {
  drawing: `${NS.rel}/drawing`,
  chart: `${NS.rel}/chart`,
  pivotTable: `${NS.rel}/pivotTable`,
  pivotCache: `${NS.rel}/pivotCacheDefinition`,
  pivotRecords: `${NS.rel}/pivotCacheRecords`,
  slicer: 'http://schemas.microsoft.com/office/2007/relationships/slicer',
  slicerCache: 'http://schemas.microsoft.com/office/2007/relationships/slicerCache',
  threaded: 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment',
  person: 'http://schemas.microsoft.com/office/2017/10/relationships/person',
  custom: `${NS.rel}/custom-properties`,
  vba: 'http://schemas.microsoft.com/office/2006/relationships/vbaProject',
  cellImages: 'http://www.wps.cn/officeDocument/2020/cellImage',
  image: `${NS.rel}/image`,
  table: `${NS.rel}/table`,
};

export function relsXml(rels: Array<[id: string, type: string, target: string]>): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`)
    .join('')}</Relationships>`;
}

const strCache = (values: string[]) =>
  `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join('')}</c:strCache>`;
const numCache = (values: number[]) =>
  `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join('')}</c:numCache>`;

/** A clustered column chart of November's tasks per unit. */
export function chartXml(tab: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>11月各单位任务数</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>${tab}!$E$1</c:f>${strCache(['11月'])}</c:strRef></c:tx><c:cat><c:strRef><c:f>${tab}!$A$2:$A$5</c:f>${strCache(UNITS)}</c:strRef></c:cat><c:val><c:numRef><c:f>${tab}!$E$2:$E$5</c:f>${numCache(COUNTS.map((r) => r[3]!))}</c:numRef></c:val></c:ser><c:axId val="101"/><c:axId val="102"/></c:barChart><c:catAx><c:axId val="101"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="102"/></c:catAx><c:valAx><c:axId val="102"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="101"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;
}

/** The drawing holding the chart, anchored under the table. */
export function drawingXml(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"><xdr:twoCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>8</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>24</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
}

/** The pivot cache over 统计分析!A1:E5 (单位 + four months), with its records. */
export function pivotCacheXml(tab: string): { definition: string; records: string } {
  const fields = [
    `<cacheField name="单位" numFmtId="0"><sharedItems count="${UNITS.length}">${UNITS.map((u) => `<s v="${u}"/>`).join('')}</sharedItems></cacheField>`,
    ...MONTHS.map(
      (m) =>
        `<cacheField name="${m}" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="1" maxValue="6"/></cacheField>`,
    ),
  ];
  return {
    definition: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="${NS.main}" xmlns:r="${NS.r}" r:id="rId1" refreshedBy="督查室" refreshedDate="46000" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="${UNITS.length}"><cacheSource type="worksheet"><worksheetSource ref="A1:E5" sheet="${tab}"/></cacheSource><cacheFields count="${fields.length}">${fields.join('')}</cacheFields></pivotCacheDefinition>`,
    records: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheRecords xmlns="${NS.main}" xmlns:r="${NS.r}" count="${UNITS.length}">${COUNTS.map((row, i) => `<r><x v="${i}"/>${row.map((n) => `<n v="${n}"/>`).join('')}</r>`).join('')}</pivotCacheRecords>`,
  };
}

/** A pivot table at H1: 单位 down the rows, the sum of 11月. */
export function pivotTableXml(): string {
  const items = UNITS.map((_, i) => `<item x="${i}"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="${NS.main}" name="数据透视表1" cacheId="1" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="值" updatedVersion="6" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="6" indent="0" outline="1" outlineData="1"><location ref="H1:I6" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="5"><pivotField axis="axisRow" showAll="0"><items count="${UNITS.length + 1}">${items}<item t="default"/></items></pivotField><pivotField showAll="0"/><pivotField showAll="0"/><pivotField showAll="0"/><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="${UNITS.length + 1}">${UNITS.map((_, i) => (i ? `<i><x v="${i}"/></i>` : '<i><x/></i>')).join('')}<i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="求和项:11月" fld="4" baseField="0" baseItem="0"/></dataFields><pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>`;
}

export function slicerXml(): { slicer: string; cache: string } {
  return {
    slicer: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<slicers xmlns="${NS.x14}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x" xmlns:x="${NS.main}"><slicer name="单位" cache="切片器_单位" caption="单位" rowHeight="241300"/></slicers>`,
    cache: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<slicerCacheDefinition xmlns="${NS.x14}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x" xmlns:x="${NS.main}" name="切片器_单位" sourceName="单位"><pivotTables><pivotTable tabId="99" name="数据透视表1"/></pivotTables><data><tabular pivotCacheId="1"><items count="${UNITS.length}">${UNITS.map((_, i) => `<i x="${i}" s="1"/>`).join('')}</items></tabular></data></slicerCacheDefinition>`,
  };
}

/** Sparklines in F2:F5, one per unit over its four months. */
export function sparklinesExt(tab: string): string {
  const lines = UNITS.map(
    (_, i) =>
      `<x14:sparkline><xm:f>${tab}!B${i + 2}:E${i + 2}</xm:f><xm:sqref>F${i + 2}</xm:sqref></x14:sparkline>`,
  ).join('');
  return `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="${NS.x14}"><x14:sparklineGroups xmlns:xm="${NS.xm}"><x14:sparklineGroup displayEmptyCellsAs="gap" markers="1"><x14:colorSeries rgb="FF376092"/><x14:colorNegative rgb="FFD00000"/><x14:colorAxis rgb="FF000000"/><x14:colorMarkers rgb="FFD00000"/><x14:colorFirst rgb="FFD00000"/><x14:colorLast rgb="FFD00000"/><x14:colorHigh rgb="FFD00000"/><x14:colorLow rgb="FFD00000"/><x14:sparklines>${lines}</x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext>`;
}

export function slicerListExt(rId: string): string {
  return `<ext uri="{A8765BA9-456A-4dab-B4F3-ACF838C121DE}" xmlns:x14="${NS.x14}"><x14:slicerList><x14:slicer r:id="${rId}"/></x14:slicerList></ext>`;
}

export const DATABAR_ID = '{6A1C3B4E-1F2D-4C5B-9E8F-0A1B2C3D4E5F}';

/** The 2007 part of a data bar; Excel pairs it with the x14 rule holding the look (negative colour, axis). */
export function dataBarRule(sqref: string): string {
  return `<conditionalFormatting sqref="${sqref}"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${NS.x14}"><x14:id>${DATABAR_ID}</x14:id></ext></extLst></cfRule></conditionalFormatting>`;
}

/** x14 extensions of the battle map: the data bar's look and a validation whose list lives on another tab. */
export function battleMapExts(dataBar: string, listColumn: string): string {
  return `<ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${NS.x14}"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="${NS.xm}"><x14:cfRule type="dataBar" id="${DATABAR_ID}"><x14:dataBar minLength="0" maxLength="100" gradient="0" negativeBarColorSameAsPositive="0" axisPosition="automatic"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>${dataBar}</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${NS.x14}"><x14:dataValidations count="1" xmlns:xm="${NS.xm}"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>通讯录!$C$2:$C$40</xm:f></x14:formula1><xm:sqref>${listColumn}</xm:sqref></x14:dataValidation></x14:dataValidations></ext>`;
}

export const PERSON_ID = '{9B6D5C1A-2E3F-4A5B-8C7D-1E2F3A4B5C6D}';
export const THREAD_ID = '{3C2B1A0F-4E5D-4C6B-9A8F-7E6D5C4B3A29}';

export function threadedCommentXml(ref: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="${NS.tc}" xmlns:x="${NS.main}"><threadedComment ref="${ref}" dT="2026-11-02T09:15:00.00" personId="${PERSON_ID}" id="${THREAD_ID}"><text>进度与月报不一致，请牵头单位核实。</text></threadedComment><threadedComment ref="${ref}" dT="2026-11-03T10:00:00.00" personId="${PERSON_ID}" id="{3C2B1A0F-4E5D-4C6B-9A8F-7E6D5C4B3A30}" parentId="${THREAD_ID}"><text>已核实，按月报为准。</text></threadedComment></ThreadedComments>`;
}

export function personsXml(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="${NS.tc}" xmlns:x="${NS.main}"><person displayName="督查室" id="${PERSON_ID}" userId="duchashi@example.gov.cn" providerId="None"/></personList>`;
}

/** The legacy comment Excel writes beside a threaded one, so older readers see the thread. */
export function legacyThreadComment(ref: string): string {
  return `<comment ref="${ref}" authorId="AUTHOR"><text><t>[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel.\n\nComment:\n    进度与月报不一致，请牵头单位核实。</t></text></comment>`;
}

export function customPropsXml(extra: Record<string, string> = {}): string {
  const props = { 密级: '内部', 责任处室: '督查室', ...extra };
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${Object.entries(
    props,
  )
    .map(
      ([name, value], i) =>
        `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${name}"><vt:lpwstr>${value}</vt:lpwstr></property>`,
    )
    .join('')}</Properties>`;
}

/** WPS's in-cell picture table: one picture named by the id a =DISPIMG() cell shows. */
export function cellImagesXml(id: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<etc:cellImages xmlns:xdr="${NS.xdr}" xmlns:r="${NS.r}" xmlns:a="${NS.a}" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"><etc:cellImage><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="${id}" descr="现场照片"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic></etc:cellImage></etc:cellImages>`;
}

/** A 2×2 red PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

/** An Excel table (ListObject) over `ref` with its header names, banded rows and its own autoFilter, as Excel saves one. */
export function tableXml(id: number, name: string, ref: string, headers: string[]): string {
  const columns = headers.map((h, i) => `<tableColumn id="${i + 1}" name="${escapeXml(h)}"/>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${NS.main}" id="${id}" name="${name}" ` +
    `displayName="${name}" ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/>` +
    `<tableColumns count="${headers.length}">${columns}</tableColumns>` +
    '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
  );
}
