/**
 * The page's only stylesheet, inlined: system fonts, no images, no web fonts, so the page makes no request. One
 * column that reflows to a phone's width; a print stylesheet that keeps the badges' tints and avoids splitting a
 * check across pages.
 */
import { HTML_STATUSES } from "./model";
import { STATUS_LOOK } from "./status";

const STATUS_RULES = HTML_STATUSES.map((s) => {
  const look = STATUS_LOOK[s];
  return `.status-${s}{color:${look.fg};background:${look.bg};border-color:${look.border}}\n.verdict.verdict-${s}{border-left-color:${look.border}}`;
}).join("\n");

export const STYLE = `
:root{color-scheme:light;--ink:#111827;--muted:#4b5563;--line:#d1d5db;--focus:#1d4ed8}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
header,main,footer{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}
h2{font-size:1.3rem;margin:2rem 0 .75rem;border-bottom:2px solid var(--line);padding-bottom:.25rem}
h3{font-size:1.15rem;margin:1.75rem 0 .5rem}
h4{font-size:1rem;margin:0 0 .25rem}
p{margin:.25rem 0}
a{color:#1d4ed8}
a:focus-visible,[tabindex]:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;overflow-wrap:anywhere}
.skip{position:absolute;left:.5rem;top:-3rem;background:#fff;padding:.5rem .75rem;border:2px solid var(--focus);z-index:1}
.skip:focus{top:.5rem}
.meta{color:var(--muted)}
.badge{display:inline-block;border:2px solid;border-radius:.4rem;padding:0 .45rem;font-weight:700;white-space:nowrap;print-color-adjust:exact;-webkit-print-color-adjust:exact}
.badge .sym{display:inline-block;min-width:1ch;margin-right:.3rem}
${STATUS_RULES}
.summary{list-style:none;padding:0;margin:0}
.summary li{margin:.4rem 0}
.table-wrap{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%;min-width:20rem}
caption{text-align:left;color:var(--muted);padding-bottom:.4rem}
th,td{border:1px solid var(--line);padding:.5rem;vertical-align:top;text-align:left}
thead th{background:#f9fafb}
td .note{display:block;color:var(--muted);font-size:.9rem;margin-top:.25rem}
.out-of-scope{color:var(--muted)}
.check{border:1px solid var(--line);border-radius:.5rem;padding:.75rem;margin:.75rem 0;break-inside:avoid}
.check .severity{color:var(--muted);font-size:.9rem}
.verdicts{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.5rem;margin:.5rem 0}
.verdict{border-left:4px solid var(--line);padding:.25rem .6rem}
.verdict .source{font-weight:600;margin:0}
.found{white-space:pre-line;overflow-wrap:anywhere}
.absent{color:var(--muted);font-style:italic}
.ack{border:2px dashed #b45309;border-radius:.4rem;padding:.4rem .6rem;margin:.5rem 0}
.ack.expired{border-style:solid;border-color:#b91c1c}
dl{margin:.5rem 0}
dt{font-weight:600}
dd{margin:0 0 .4rem 0}
.legend dt{margin-top:.4rem}
footer{color:var(--muted);border-top:1px solid var(--line);margin-top:2rem}
@media print{
  body{font-size:11pt}
  .skip{display:none}
  header,main,footer{max-width:none;padding:0}
  a{color:inherit;text-decoration:none}
  .table-wrap{overflow:visible}
  h2,h3,h4{break-after:avoid}
  tr{break-inside:avoid}
}
`;
