/**
 * The HTML report's inline stylesheet and script. No url(), no @import, no web fonts: the report makes no
 * requests. The script only reads ids and data attributes the renderer wrote; it never inserts markup.
 */
import { createHash } from 'node:crypto';

export const STYLE = `
:root{--ink:#1d2433;--muted:#5d6679;--line:#d9dde5;--same:#d7efdc;--para:#e1ebfb;--partial:#fcefd2;--red:#b42318;--redbg:#fde4e2;--amber:#a14a05;--ambbg:#fef3c7;--green:#067647;--hl:#dbeafe;--hlline:#2563eb}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:1440px;padding:1.5rem 1.5rem 4rem;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
h1{font-size:1.6rem;margin:.2rem 0 .3rem}
h2{font-size:1.35rem;border-bottom:2px solid var(--ink);padding-bottom:.25rem;margin:2.5rem 0 .8rem}
h3{font-size:.95rem;margin:1.8rem 0 .5rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
h4{margin:0;font-size:1rem}
p{margin:0 0 .8em}
a{color:#1d4ed8}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em;word-break:break-all}
.muted{color:var(--muted)}
.none{color:var(--muted);font-style:italic}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f5f7;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tr{break-inside:avoid}
.legend{font-size:.85rem;margin:.4rem 0 0}
.legend span{display:inline-block;padding:0 .45rem;margin:0 .3rem .3rem 0;border-radius:3px;border:1px solid var(--line)}
.problems{border-left:4px solid var(--amber);background:var(--ambbg);padding:.5rem .8rem;margin:1rem 0}
.problems ul{margin:.3rem 0 0;padding-left:1.2rem}
.conflict{border:1px solid var(--red);border-left:6px solid var(--red);border-radius:6px;padding:.6rem .8rem;margin:.7rem 0;break-inside:avoid}
.conflict .summary{font-weight:600}
.camps{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:.7rem;margin-top:.5rem}
.camp{border-left:4px solid var(--red);padding-left:.6rem}
.camp-1{border-left-color:#1d4ed8}
.camp-2{border-left-color:#7e22ce}
.camp-3{border-left-color:#0f766e}
.camp-head{font-size:.9rem;margin-bottom:.2rem}
.side+.side{margin-top:.5rem;padding-top:.4rem;border-top:1px dashed var(--line)}
.summary-block{border:1px solid var(--line);border-radius:6px;background:#f8fafc;padding:.7rem .9rem .2rem;margin:.6rem 0 1rem}
.summary-block p{margin:0 0 .5rem}
.chips{display:flex;flex-wrap:wrap;gap:.4rem}
.chip{display:inline-block;padding:.1rem .55rem;border-radius:999px;border:1px solid var(--line);background:#fff;font-size:.9rem;white-space:nowrap}
.ch-conflicts{border-color:var(--red);color:var(--red)}
.ch-fabricated{border-color:var(--amber);color:var(--amber);background:var(--ambbg)}
.ch-corroborated{border-color:var(--green);color:var(--green)}
.ch-single{border-color:#d6a54a;color:var(--amber)}
.sum-conflict{font-weight:600}
.outlets td.date{white-space:nowrap;font-variant-numeric:tabular-nums}
.outlets code{display:block;font-size:.75rem}
.ledger td:nth-child(2){width:40%}
.ledger .mentions{font-size:.8rem}
.qledger td:nth-child(1){width:34%;font-family:Georgia,"Times New Roman",serif}
tr.row-conflicting td:first-child{box-shadow:inset 4px 0 0 var(--red)}
tr.row-single-source td:first-child{box-shadow:inset 4px 0 0 #f59e0b}
tr.row-corroborated td:first-child{box-shadow:inset 4px 0 0 var(--green)}
tr.row-conflicting{background:#fff7f6}
tr.row-fabrication{background:var(--ambbg)}
.table-wrap{overflow-x:auto}
.side .who{font-size:.85rem;color:var(--muted)}
.side blockquote{margin:.25rem 0;padding:.4rem .6rem;background:#fafafa;border-left:3px solid var(--line);font-family:Georgia,"Times New Roman",serif}
.side .where{font-size:.85rem}
mark.ev{background:var(--redbg);color:var(--red);font-weight:600;padding:0 .1em}
.badge{display:inline-block;font-size:.72rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;padding:.05rem .4rem;border-radius:3px;background:var(--red);color:#fff;margin-right:.4rem}
.columns{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(min(22rem,85vw),1fr);gap:1rem;overflow-x:auto;padding-bottom:.4rem;align-items:start}
.col{border:1px solid var(--line);border-radius:6px;padding:0 .9rem .6rem;max-height:85vh;overflow-y:auto;scroll-snap-align:start}
.columns{scroll-snap-type:x proximity}
.col header{position:sticky;top:0;background:#fff;padding:.6rem 0 .4rem;border-bottom:1px solid var(--line);margin-bottom:.6rem;z-index:1}
.col .headline{font-weight:600;margin:.15rem 0}
.col .meta{font-size:.85rem;color:var(--muted)}
.url{word-break:break-all;font-size:.8rem;color:var(--muted);font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.body{font-family:Georgia,"Times New Roman",serif;font-size:1rem;line-height:1.7}
.body .raw{white-space:pre-wrap}
.sent{border-radius:3px;cursor:pointer;padding:.1em 0;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.st-same{background:var(--same)}
.st-paraphrase{background:var(--para)}
.st-partial{background:var(--partial)}
.sent.has-cf{box-shadow:inset 0 -2px 0 var(--red)}
.sent.hl{background:#bfdbfe;outline:2px solid var(--hlline)}
.sent.hl-partner{background:var(--hl);outline:2px dashed var(--hlline)}
.mk{border-bottom:2px solid var(--green)}
.mk.c-single-source{border-bottom:2px dashed var(--amber)}
.mk.c-conflicting{border-bottom-color:var(--red)}
.mk.k-entity{border-bottom-width:1px}
.mk.cf{background:var(--redbg);border-bottom:2px solid var(--red)}
.flash{background:#fde047!important}
.anchor{scroll-margin-top:6rem}
.status{font-weight:600;white-space:nowrap}
.s-corroborated{color:var(--green)}
.s-single-source{color:var(--amber)}
.s-conflicting{color:var(--red)}
.flag{display:inline-block;color:var(--amber);background:var(--ambbg);font-weight:700;padding:0 .35rem;border-radius:3px;white-space:nowrap}
.mentions a{white-space:nowrap;margin-right:.4rem}
.derivation li{margin-bottom:.5rem}
.derivation ul{margin:.2rem 0 0;font-size:.88rem;color:var(--muted)}
@media (max-width:760px){
body{padding:1rem .7rem 3rem;font-size:14px}
.outlets th:nth-child(4),.outlets td:nth-child(4){display:none}
.ledger th:nth-child(4),.ledger td:nth-child(4){display:none}
}
@media print{
body{max-width:none;padding:0;font-size:10.5pt}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.columns{grid-auto-flow:row;grid-template-columns:repeat(2,minmax(0,1fr));grid-auto-columns:auto;overflow:visible}
.col{max-height:none;overflow:visible}
.col header{position:static}
.sent{cursor:auto}
.story+.story{break-before:page}
a{color:inherit;text-decoration:none}
}
`;

export const SCRIPT = `(function(){"use strict";
var pinned=null;
function sentOf(t){return t&&t.closest?t.closest(".sent"):null}
function partners(el){var ids=(el.getAttribute("data-links")||"").split(" "),out=[];for(var i=0;i<ids.length;i++){var p=ids[i]?document.getElementById(ids[i]):null;if(p)out.push(p)}return out}
function mark(el,on){el.classList.toggle("hl",on);partners(el).forEach(function(p){p.classList.toggle("hl-partner",on)})}
document.addEventListener("mouseover",function(e){var s=sentOf(e.target);if(s&&!pinned)mark(s,true)});
document.addEventListener("mouseout",function(e){var s=sentOf(e.target);if(s&&!pinned)mark(s,false)});
document.addEventListener("click",function(e){var s=sentOf(e.target);if(!s)return;var same=pinned===s;if(pinned)mark(pinned,false);pinned=same?null:s;if(pinned){mark(s,true);partners(s).forEach(function(p){p.scrollIntoView({block:"nearest",inline:"nearest"})})}});
function flash(){var old=document.querySelectorAll(".flash");for(var i=0;i<old.length;i++)old[i].classList.remove("flash");var id=location.hash.slice(1);if(!/^[A-Za-z0-9_-]+$/.test(id))return;var els=document.querySelectorAll('[data-m~="'+id+'"]');for(var j=0;j<els.length;j++)els[j].classList.add("flash");var t=document.getElementById(id);if(t&&t.classList.contains("sent"))t.classList.add("flash")}
window.addEventListener("hashchange",flash);flash();
})();`;

/** The CSP source for SCRIPT: only this exact script may run. */
export const SCRIPT_HASH = `'sha256-${createHash('sha256').update(SCRIPT, 'utf8').digest('base64')}'`;

export const CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src ${SCRIPT_HASH}; img-src data:; base-uri 'none'; form-action 'none'`;

/**
 * The start of a self-contained page up to `<body>`: its Content-Security-Policy (`csp`), no referrer, the generator
 * and title (escaped by the caller's `escapeHtml`, passed in so this module stays free of the renderer), the style.
 */
export function pageHead(options: { csp: string; generator: string; title: string; style: string }, esc: (s: string) => string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${options.csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${esc(options.generator)}">
<title>${esc(options.title)}</title>
<style>${options.style}</style>
</head>
<body>
`;
}
