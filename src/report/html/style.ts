/**
 * The report's stylesheet. Colours are VS Code's theme variables with fallbacks, so the
 * same page follows the editor's light, dark or high-contrast theme in the webview and
 * has its own light and dark colours as a file. A print stylesheet drops the controls.
 */
export const STYLE = `
:root {
  --fg: var(--vscode-foreground, #1f2328);
  --bg: var(--vscode-editor-background, #ffffff);
  --muted: var(--vscode-descriptionForeground, #59636e);
  --border: var(--vscode-panel-border, #d1d9e0);
  --card: var(--vscode-editorWidget-background, #f6f8fa);
  --link: var(--vscode-textLink-foreground, #0969da);
  --focus: var(--vscode-focusBorder, #0969da);
  --error: var(--vscode-editorError-foreground, #b42318);
  --warning: var(--vscode-editorWarning-foreground, #9a6700);
  --info: var(--vscode-editorInfo-foreground, #0969da);
  --bar: var(--vscode-charts-blue, #4e79a7);
  --bar-error: var(--vscode-charts-red, #c4314b);
  --bar-ok: var(--vscode-charts-green, #3b8b4f);
  --font: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", sans-serif);
  --mono: var(--vscode-editor-font-family, ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace);
}
@media (prefers-color-scheme: dark) {
  body.mode-file {
    --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --border: #3d444d; --card: #151b23;
    --link: #4493f8; --focus: #4493f8; --error: #f85149; --warning: #d29922; --info: #4493f8;
    --bar: #6d9eeb; --bar-error: #f85149; --bar-ok: #56d364;
  }
}
* { box-sizing: border-box; }
body { margin: 0; padding: 16px 24px 32px; color: var(--fg); background: var(--bg); font-family: var(--font); font-size: 14px; line-height: 1.45; }
h1 { font-size: 1.6em; margin: 0 0 4px; }
h2 { font-size: 1.25em; margin: 28px 0 10px; border-bottom: 1px solid var(--border); padding-bottom: 4px; }
a { color: var(--link); }
a:focus, button:focus, select:focus { outline: 1px solid var(--focus); outline-offset: 1px; }
.meta, .note, .basis { color: var(--muted); margin: 4px 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 10px; margin: 0; }
.card { background: var(--card); border: 1px solid var(--border); border-radius: 6px; padding: 10px 12px; margin: 0; }
.card dt { color: var(--muted); font-size: 0.9em; }
.card dd { margin: 2px 0 0; font-size: 1.5em; font-weight: 600; font-variant-numeric: tabular-nums; }
.card .sub { display: block; font-size: 0.6em; font-weight: 400; color: var(--muted); }
.card.money dd { color: var(--fg); }
.tag { display: inline-block; font-size: 0.75em; border: 1px solid var(--border); border-radius: 10px; padding: 0 6px; color: var(--muted); font-weight: 400; vertical-align: middle; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 660px), 1fr)); gap: 16px; }
figure { margin: 0; padding: 8px; border: 1px solid var(--border); border-radius: 6px; color: var(--fg); break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: 4px; }
figure svg { display: block; max-width: 100%; height: auto; overflow: visible; }
figure svg text { fill: var(--fg); }
.bar-all rect { fill: var(--bar); }
.bar-errors rect { fill: var(--bar-error); }
.bar-billed rect { fill: var(--bar); }
.bar-supported rect { fill: var(--bar-ok); }
figure a rect { cursor: pointer; }
figure a:hover rect, figure a:focus rect { opacity: 0.8; stroke: var(--focus); stroke-width: 1px; }
.legend { display: flex; gap: 14px; font-size: 0.85em; color: var(--muted); margin: 2px 0 6px; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 4px; vertical-align: baseline; }
.swatch.all { background: var(--bar); } .swatch.errors { background: var(--bar-error); }
.swatch.billed { background: var(--bar); } .swatch.supported { background: var(--bar-ok); }
.controls { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin: 0 0 8px; }
select, button { font: inherit; color: var(--vscode-dropdown-foreground, var(--fg)); background: var(--vscode-dropdown-background, var(--bg)); border: 1px solid var(--vscode-dropdown-border, var(--border)); border-radius: 3px; padding: 2px 6px; }
button.sort { border: none; background: none; padding: 0; font-weight: 600; cursor: pointer; color: var(--fg); }
button.sort::after { content: " \\2195"; color: var(--muted); }
button.sort[data-dir="asc"]::after { content: " \\2191"; }
button.sort[data-dir="desc"]::after { content: " \\2193"; }
table { border-collapse: collapse; width: 100%; }
th.c-claim { width: 18%; } th.c-findings { width: 40%; }
td.c-date { white-space: nowrap; }
.meta-fold { display: none; color: var(--muted); font-size: 0.9em; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--border); }
th { position: sticky; top: 0; background: var(--bg); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
tr[hidden] { display: none; }
ul.lines { list-style: none; margin: 0 0 6px; padding: 0; color: var(--muted); font-size: 0.9em; }
ul.lines .line-no { font-weight: 600; }
ul.findings { list-style: none; margin: 0; padding: 0; }
ul.visits { list-style: none; margin: 0; padding: 0; }
ul.findings li { margin: 0 0 4px; }
ul.findings li.dim { opacity: 0.45; }
.sev { display: inline-block; min-width: 4.5em; font-size: 0.8em; font-weight: 600; text-transform: uppercase; }
.sev-error .sev { color: var(--error); } .sev-warning .sev { color: var(--warning); } .sev-info .sev { color: var(--info); }
code, .path { font-family: var(--mono); font-size: 0.9em; overflow-wrap: anywhere; }
td.c-findings { min-width: 260px; }
main, header, footer { max-width: 1400px; }
.path { color: var(--muted); }
button.loc { border: none; background: none; padding: 0; color: var(--link); cursor: pointer; text-decoration: underline; font: inherit; font-size: 0.9em; }
.claim-id { font-weight: 600; }
.scope { margin: 2px 0; font-weight: 600; }
.scope-label { color: var(--muted); font-weight: 400; }
.busy { margin: 6px 0; padding: 4px 8px; border-left: 3px solid var(--focus); background: var(--card); }
.busy::before { content: ""; display: inline-block; width: 10px; height: 10px; margin-right: 8px; border: 2px solid var(--muted); border-top-color: transparent; border-radius: 50%; animation: spin 0.8s linear infinite; vertical-align: -1px; }
@keyframes spin { to { transform: rotate(360deg); } }
body[aria-busy="true"] main { opacity: 0.45; }
/* A window too narrow for every column: date, NPI, discipline and warnings fold into the
   claim cell; the findings always keep their column. */
@media (max-width: 1100px) {
  .c-date, .c-npi, .c-disc, .c-warn { display: none; }
  .meta-fold { display: block; }
  th.c-claim { width: 24%; } th.c-findings { width: auto; }
}
/* Narrower still: each claim is a card, its findings under it at full width. */
@media (max-width: 640px) {
  #claims-table thead { display: none; }
  #claims-table, #claims-table tbody, #claims-table tr, #claims-table td { display: block; width: auto; }
  #claims-table tr { border-bottom: 1px solid var(--border); padding: 6px 0; }
  #claims-table td { border: none; padding: 2px 0; text-align: left; }
  #claims-table td.c-err::before { content: "Errors "; color: var(--muted); }
  #claims-table td.c-units::before { content: "Timed units billed / supported "; color: var(--muted); }
  #claims-table td.c-amount::before { content: "Est. amount at stake "; color: var(--muted); }
  td.c-findings { min-width: 0; }
}
.clean { color: var(--muted); }
body.vscode-high-contrast .card, body.vscode-high-contrast figure, body.vscode-high-contrast th, body.vscode-high-contrast td { border-color: var(--vscode-contrastBorder, var(--border)); }
body.vscode-high-contrast figure a:focus rect { stroke: var(--vscode-contrastActiveBorder, var(--focus)); stroke-width: 2px; }
@media print {
  /* A hand-over document: A4 or Letter (the printer's paper) at 100%, nothing wider than
     the page, so the browser never shrinks it; the table's header on every page. */
  @page { margin: 12mm; }
  body { padding: 0; font-size: 9.5pt; color: #000; background: #fff; }
  main, header, footer { max-width: none; }
  .controls, .no-print, .busy { display: none !important; }
  .card, figure { background: #fff; border-color: #999; }
  .cards { grid-template-columns: repeat(3, 1fr); }
  ul.findings li.dim { opacity: 1; }
  th { position: static; }
  thead { display: table-header-group; }
  table { table-layout: fixed; width: 100%; }
  .c-date, .c-npi, .c-disc, .c-warn { display: none; }
  .meta-fold { display: block; }
  th.c-claim { width: 24%; } th.c-err { width: 7%; } th.c-units { width: 11%; } th.c-amount { width: 13%; } th.c-findings { width: auto; }
  td.c-findings { min-width: 0; }
  td, th { padding: 4px 5px; overflow-wrap: anywhere; }
  tr, figure, .card { break-inside: avoid; }
  h2 { break-after: avoid; }
  a { color: #000; text-decoration: none; }
  .charts { grid-template-columns: 1fr; }
  figure svg { width: 100%; max-width: 640px; }
}
`;
