import { createHash } from 'node:crypto'

// One stylesheet for every page, inlined, so the Content-Security-Policy allows exactly this text by its hash and
// nothing else: no style attributes anywhere (SVG colours are classes, not `style=`), no scripts at all.
// Colours meet WCAG AA on their backgrounds in both schemes: text 4.5:1, chart marks 3:1.
export const siteStyle = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#57606a;--line:#d8dee4;--soft:#f6f8fa;--accent:#0969da;
--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;--bad-soft:#ffebe9;--warn-soft:#fff8c5;--ok-soft:#dafbe1;
--c-standard:#6e7781;--c-normal:#0969da;--c-emergency:#bc4c00;--c-opened:#0969da;--c-resolved:#1a7f37;
--c-past:#8c959f;--c-current:#1a7f37;--c-upcoming:#0969da;--c-freeze:#cf222e;--c-target:#1f2328}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#30363d;--soft:#161b22;
--accent:#4493f8;--ok:#3fb950;--bad:#f85149;--warn:#d29922;--bad-soft:#3c1618;--warn-soft:#2e2409;--ok-soft:#12261e;
--c-standard:#9198a1;--c-normal:#4493f8;--c-emergency:#db6d28;--c-opened:#4493f8;--c-resolved:#3fb950;
--c-past:#6e7681;--c-current:#3fb950;--c-upcoming:#4493f8;--c-freeze:#f85149;--c-target:#e6edf3}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:var(--accent);text-decoration:none}
a:hover{text-decoration:underline}
a:not([href]){color:inherit;text-decoration:none}
a:focus-visible,summary:focus-visible{outline:2px solid var(--accent);outline-offset:2px;border-radius:2px}
.skip{position:absolute;left:-100vw;top:0}
.skip:focus{left:.5rem;top:.5rem;background:var(--bg);padding:.25rem .5rem;z-index:1}
.top{background:var(--soft);border-bottom:1px solid var(--line)}
.top-in,main,.foot{max-width:82rem;margin:0 auto;padding-left:1rem;padding-right:1rem}
.top-in{padding-top:.625rem}
.brand{margin:0;font-size:.875rem;color:var(--muted)}
.brand b{color:var(--fg);font-weight:600}
nav ul{display:flex;list-style:none;margin:0 -.625rem;padding:0;overflow-x:auto}
nav a{display:block;padding:.5rem .625rem;color:var(--muted);border-bottom:2px solid transparent;white-space:nowrap;font-size:.875rem}
nav a:hover{color:var(--fg);text-decoration:none}
nav a[aria-current]{color:var(--fg);border-bottom-color:var(--accent);font-weight:600}
main{padding-top:1rem;padding-bottom:1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 .25rem}
h2{font-size:1.125rem;line-height:1.3;margin:2rem 0 .625rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
h3{font-size:.9375rem;margin:1.25rem 0 .5rem}
p{margin:.5rem 0}
.lede{color:var(--muted);margin:0 0 1rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,9rem),1fr));gap:.625rem;margin:1rem 0}
@media (min-width:60rem){.cards{grid-template-columns:repeat(auto-fill,minmax(11rem,1fr))}}
.card{border:1px solid var(--line);border-radius:6px;padding:.5rem .75rem;min-width:0}
.card.bad{border-color:var(--bad)}
.card .k{font-size:.75rem;color:var(--muted);margin:0}
.card .v{font-size:1.375rem;font-weight:600;line-height:1.3;margin:.125rem 0;font-variant-numeric:tabular-nums}
.card .s{font-size:.8125rem;color:var(--muted);margin:0}
.ok{color:var(--ok)}.bad{color:var(--bad)}.warn{color:var(--warn)}.muted{color:var(--muted)}
.scroll{overflow-x:auto;margin:.5rem 0 1rem;border:1px solid var(--line);border-radius:6px}
table{border-collapse:collapse;width:100%;font-size:.8125rem}
caption{text-align:left;padding:.375rem .625rem;font-weight:600;background:var(--soft);border-bottom:1px solid var(--line)}
th,td{text-align:left;padding:.3125rem .625rem;border-bottom:1px solid var(--line);vertical-align:top}
thead th{background:var(--soft);font-weight:600;white-space:nowrap}
tbody tr:last-child>*{border-bottom:0}
tbody th{font-weight:500;white-space:nowrap}
tbody th.wrap,tbody th .path{white-space:normal}
.scroll a{white-space:nowrap}.scroll th.wrap a{white-space:normal}
.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.nw{white-space:nowrap}
.path{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.75rem;color:var(--muted);font-weight:400;overflow-wrap:anywhere;display:block;min-width:11rem}
tr.hl>*{background:var(--bad-soft)}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.8125rem}
.tag{display:inline-block;padding:0 .4375rem;margin:0 .125rem .125rem 0;border-radius:999px;font-size:.75rem;line-height:1.25rem;
border:1px solid var(--line);background:var(--soft);color:var(--fg);white-space:nowrap}
.tag.bad{background:var(--bad-soft);border-color:var(--bad);color:var(--fg)}
.tag.warn{background:var(--warn-soft);border-color:var(--warn);color:var(--fg)}
.tag.ok{background:var(--ok-soft);border-color:var(--ok);color:var(--fg)}
ul.plain{list-style:none;margin:0;padding:0}
ul.notes{margin:.25rem 0 0;padding-left:1rem;color:var(--muted)}
.grid3{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,20rem),1fr));gap:0 1rem;align-items:start}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,24rem),1fr));gap:0 1.5rem;align-items:start}
figure{margin:0 0 1rem;border:1px solid var(--line);border-radius:6px;padding:.625rem .75rem;min-width:0}
figcaption{font-weight:600;font-size:.875rem}
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:.25rem 0 .5rem;padding:0;font-size:.75rem;color:var(--muted)}
.sw{display:inline-block;width:.75rem;height:.75rem;border-radius:2px;margin-right:.375rem;vertical-align:-.0625rem}
svg{display:block;max-width:100%;height:auto;overflow:visible}
svg text{fill:var(--muted);font-size:11px;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
svg .lbl{fill:var(--fg)}
.wide{overflow-x:auto}
.wide svg{min-width:60rem}
.axis{stroke:var(--line);stroke-width:1}
.gl{stroke:var(--line);stroke-width:1;stroke-dasharray:2 3}
.f-standard{fill:var(--c-standard)}.f-normal{fill:var(--c-normal)}.f-emergency{fill:var(--c-emergency)}
.f-opened{fill:var(--c-opened)}.f-resolved{fill:var(--c-resolved)}.f-ok{fill:var(--ok)}.f-bad{fill:var(--bad)}
.f-past{fill:var(--c-past)}.f-current{fill:var(--c-current)}.f-upcoming{fill:var(--c-upcoming)}
.f-freeze{fill:var(--c-freeze);fill-opacity:.14}.f-freeze-weekly{fill:var(--c-freeze);fill-opacity:.08}
.f-track{fill:var(--soft);stroke:var(--line)}svg .ok{fill:var(--ok)}svg .bad{fill:var(--bad)}
.s-bad{stroke:var(--bad);stroke-width:2;fill:none}.s-target{stroke:var(--c-target);stroke-width:2}.s-now{stroke:var(--fg);stroke-width:1;stroke-dasharray:3 2}
.sw.f-standard{background:var(--c-standard)}.sw.f-normal{background:var(--c-normal)}.sw.f-emergency{background:var(--c-emergency)}
.sw.f-opened{background:var(--c-opened)}.sw.f-resolved{background:var(--c-resolved)}.sw.f-ok{background:var(--ok)}.sw.f-bad{background:var(--bad)}
.sw.f-past{background:var(--c-past)}.sw.f-current{background:var(--c-current)}.sw.f-upcoming{background:var(--c-upcoming)}
.sw.f-freeze{background:var(--bad-soft);border:1px solid var(--c-freeze)}.sw.s-target{background:var(--c-target);width:.1875rem}.sw.o-bad{border:2px solid var(--bad)}
details{margin:.25rem 0}
summary{cursor:pointer;color:var(--muted);font-size:.8125rem}
.svcs{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,22rem),1fr));gap:.75rem}
.svc{border:1px solid var(--line);border-radius:6px;padding:.5rem .75rem;min-width:0}
.svc h3{margin:.125rem 0}
.svc>p{font-size:.8125rem;color:var(--muted);margin:.25rem 0 .5rem}
dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:.125rem .75rem;margin:0;font-size:.8125rem}
dl.kv dt{color:var(--muted)}
dl.kv dd{margin:0;min-width:0;overflow-wrap:anywhere}
.prose{max-width:50rem}
.prose pre{overflow-x:auto;background:var(--soft);border:1px solid var(--line);padding:.625rem .75rem;border-radius:6px}
.prose :not(pre)>code{background:var(--soft);padding:.0625rem .25rem;border-radius:4px}
.prose table{display:block;overflow-x:auto;width:auto}
.prose img{max-width:100%}
.prose li+li{margin-top:.125rem}
.meta{display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.8125rem;color:var(--muted);margin:.25rem 0 1rem}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.foot{border-top:1px solid var(--line);margin-top:2rem;padding-top:.75rem;padding-bottom:1.5rem;font-size:.8125rem;color:var(--muted)}
@media (max-width:30rem){.card .v{font-size:1.125rem}h1{font-size:1.3125rem}}
@media print{.top nav,.skip{display:none}.scroll,.wide{overflow:visible}a{color:inherit}}
`.trim()

/** The `style-src` source that allows `siteStyle` and nothing else. */
export const siteStyleHash = `'sha256-${createHash('sha256').update(siteStyle, 'utf8').digest('base64')}'`
