/**
 * The HTML report's stylesheet, inlined in the page: a system font stack with Vietnamese
 * glyphs, verdict colours that also read in grey print (each verdict has its mark: ✓ ✗ – ·),
 * and print rules for A4 (a page per section, tables and charts not cut).
 */
import { FONT_STACK } from './charts.js';

export const STYLE = `
:root { --pass: #1e7b3c; --pass-bg: #e8f5ec; --fail: #c0262d; --fail-bg: #fdecec; --nodata: #667085; --nodata-bg: #f2f4f7; --notarget: #5b7fa6; --notarget-bg: #f5f8fc; --ink: #101828; --muted: #475467; --rule: #d0d5dd; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 1140px; padding: 24px 28px 40px; font-family: ${FONT_STACK}; font-size: 15px; line-height: 1.45; color: var(--ink); background: #fff; }
h1 { font-size: 26px; margin: 2px 0 4px; line-height: 1.2; }
h2 { font-size: 21px; margin: 0 0 10px; padding-bottom: 6px; border-bottom: 2px solid var(--ink); }
h2 .num { color: var(--muted); }
h2.sub { font-size: 16px; border: 0; margin: 0 0 4px; padding: 0; }
h3 { font-size: 16px; margin: 18px 0 4px; }
section { margin-top: 34px; }
p { margin: 4px 0; }
.note { color: var(--muted); font-size: 13px; }
.kicker { text-transform: uppercase; letter-spacing: .06em; font-size: 12px; color: var(--muted); margin: 0; }
.plan { font-size: 17px; margin: 0; }
.period { margin-top: 4px; }
.judged { font-size: 13px; color: var(--muted); }
.cards { display: flex; flex-wrap: wrap; gap: 10px; align-items: stretch; margin: 14px 0 6px; }
.card { min-width: 128px; padding: 8px 14px; border: 1px solid var(--rule); border-left: 6px solid var(--nodata); border-radius: 4px; display: flex; flex-direction: column; }
.card .n { font-size: 30px; font-weight: 700; line-height: 1.1; }
.card .what { font-size: 13px; color: var(--muted); }
.card.st-pass { border-left-color: var(--pass); } .card.st-pass .n { color: var(--pass); }
.card.st-fail { border-left-color: var(--fail); } .card.st-fail .n { color: var(--fail); }
.card.st-no-target { border-left-color: var(--notarget); }
.cards .of { flex-basis: 100%; font-size: 12px; color: var(--muted); margin: 0; }
.units-summary { font-size: 13px; color: var(--muted); }
.failing { margin-top: 12px; padding: 10px 14px; border: 1px solid #f4c7c7; background: #fff8f8; border-radius: 4px; }
.failing ul { margin: 2px 0; padding-left: 20px; }
.failing li { margin: 2px 0; }
.short { color: var(--fail); font-weight: 600; white-space: nowrap; }
td.cell .yearend { display: block; font-size: 11px; font-style: italic; color: var(--muted); }
nav.toc { margin-top: 18px; font-size: 14px; }
nav.toc ol { display: flex; flex-wrap: wrap; gap: 4px 20px; margin: 0; padding: 0; list-style: none; }
nav.toc a { color: #1f5fa8; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 5px 8px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
thead th { font-size: 13px; color: var(--muted); border-bottom: 2px solid var(--ink); white-space: nowrap; }
td.num, th.num { text-align: right; }
table.overview th.ind { width: 30%; font-weight: normal; }
.ind .name { display: block; font-weight: 600; }
.ind .clause { display: block; font-size: 12px; color: var(--muted); }
td.cell { border-left: 3px solid #fff; }
td.cell > span { display: block; }
td.cell .rate { font-size: 19px; font-weight: 700; line-height: 1.25; }
td.cell .nN, td.cell .tgt { font-size: 12.5px; color: var(--muted); }
td.cell .tgt { white-space: nowrap; }
.verdict { font-weight: 600; font-size: 13px; white-space: nowrap; }
table.problems td:nth-child(2) { white-space: nowrap; }
.verdict .mark { display: inline-block; width: 1em; text-align: center; }
.st-pass .verdict, .verdict.st-pass { color: var(--pass); }
.st-fail .verdict, .verdict.st-fail { color: var(--fail); }
.verdict.st-no-data { color: var(--nodata); }
.verdict.st-no-target { color: var(--notarget); }
td.st-pass { background: var(--pass-bg); }
td.st-fail { background: var(--fail-bg); }
td.st-no-data { background: var(--nodata-bg); color: var(--nodata); }
td.st-no-target { background: var(--notarget-bg); }
table.units td.st-pass, table.units td.st-fail { background: none; }
.chart-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(470px, 1fr)); gap: 18px 26px; }
figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 14px; margin-bottom: 4px; }
figcaption b { display: block; font-size: 15px; }
figcaption .def { display: block; font-size: 12px; color: var(--muted); }
.chart svg { display: block; max-width: 100%; height: auto; }
.nochart { color: var(--nodata); font-style: italic; padding: 12px 0; }
figure.trend { margin-top: 18px; }
table.months { font-size: 12.5px; margin-top: 4px; }
table.months td, table.months th { padding: 3px 5px; text-align: right; }
table.months th[scope=row] { text-align: left; }
table.months td span { display: block; }
table.months .rate { font-weight: 600; }
table.months .nN { color: var(--muted); font-size: 11.5px; }
.lowest { break-inside: avoid; page-break-inside: avoid; }
.lowest .counts { font-size: 13px; color: var(--muted); }
table.units { font-size: 13.5px; table-layout: fixed; }
table.units th:nth-child(1) { width: 9%; } table.units th:nth-child(2) { width: 41%; } table.units th:nth-child(3) { width: 9%; }
table.units th:nth-child(4) { width: 11%; } table.units th:nth-child(5) { width: 10%; } table.units th:nth-child(6) { width: 12%; } table.units th:nth-child(7) { width: 8%; }
table.units tr.first td { border-top: 2px solid var(--rule); }
table.inputs .file, .where { word-break: break-all; }
ul.notes { font-size: 13.5px; padding-left: 20px; }
table.problems { font-size: 13px; }
table.problems td.count { font-weight: 700; white-space: nowrap; }
tr.sev-error td.count { color: var(--fail); }
ul.msgs { margin: 0; padding: 0; list-style: none; }
ul.msgs li { margin: 1px 0; }
.times { font-weight: 600; }
.where { color: var(--muted); font-size: 12px; }
footer { margin-top: 36px; padding-top: 8px; border-top: 1px solid var(--rule); font-size: 12px; color: var(--muted); }
@media (max-width: 640px) { body { padding: 12px; } .chart-grid { grid-template-columns: 1fr; } }
@page { size: A4; margin: 12mm 11mm 14mm; }
@media print {
  html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav.toc { display: none; }
  section { margin-top: 0; break-before: page; page-break-before: always; }
  h2 { font-size: 15pt; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  tr, .failing li { break-inside: avoid; page-break-inside: avoid; }
  td.cell .rate { font-size: 13pt; }
  table.overview th.ind { width: 24%; }
  .chart-grid { grid-template-columns: 1fr 1fr; gap: 10px 16px; }
  a { color: inherit; text-decoration: none; }
}
`;
