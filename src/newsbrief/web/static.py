"""The web UI's only static asset: its style sheet, inlined in every page (no external assets).

The Content Security Policy allows exactly this style sheet by its SHA-256 hash, and no script.
"""

from __future__ import annotations

import base64
import hashlib

CSS = """
:root{--ink:#1d232a;--muted:#5b6570;--line:#d9dee3;--bg:#fbfbfa;--accent:#1f5f99;
--conflict:#b3261e;--update:#a05a00;--agree:#2e7d32;--single:#5b6570;--mark:#fff3b0;--q:#dcecff}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);
background:var(--bg)}
header.top{display:flex;gap:1.2rem;align-items:center;padding:.6rem 1.2rem;background:#fff;
border-bottom:1px solid var(--line)}
header.top a.brand{font-weight:700;color:var(--ink);text-decoration:none}
header.top form{margin-left:auto}
header.top input[type=search]{padding:.3rem .5rem;border:1px solid var(--line);border-radius:4px;
width:18rem}
main{padding:1rem 1.2rem;max-width:1500px;margin:0 auto}
a{color:var(--accent)}
h1{font-size:1.5rem;margin:.2rem 0 .4rem}
h2{font-size:1.1rem;margin:1.4rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
.meta{color:var(--muted);font-size:.9rem}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.85rem;color:var(--muted);font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.badge{display:inline-block;padding:0 .4rem;border-radius:3px;font-size:.8rem;font-weight:600;
color:#fff;white-space:nowrap}
.badge.conflict{background:var(--conflict)}.badge.update{background:var(--update)}
.badge.agree{background:var(--agree)}.badge.single{background:var(--single)}
.cite{font-size:.8rem;text-decoration:none;margin-left:.1rem}
.story{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.5rem}
@media (max-width:900px){.story{grid-template-columns:1fr}}
.articles{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:.8rem;
align-content:start}
.card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem}
.card h3{font-size:1rem;margin:.2rem 0}
.card p{font-size:.88rem;margin:.3rem 0}
ol.summary li{margin:.3rem 0}
blockquote{margin:.5rem 0;padding:.2rem .8rem;border-left:3px solid var(--line)}
.figure{margin:.8rem 0 1.2rem}
.figure svg{max-width:100%;height:auto;display:block;margin:.4rem 0}
mark{background:var(--mark);padding:0 .1rem}
mark.q{background:var(--q)}
mark.n{background:var(--mark);font-weight:600}
mark.claim{outline:1px solid var(--update)}
.article-body p{max-width:48rem}
.removed li{color:var(--muted);font-size:.88rem}
.removed code{font-size:.8rem;background:#eef0f2;padding:0 .3rem;border-radius:3px}
.pager{margin:1rem 0;display:flex;gap:1rem}
.legend{font-size:.85rem;color:var(--muted)}
"""

CSS_HASH = "sha256-" + base64.b64encode(hashlib.sha256(CSS.encode("utf-8")).digest()).decode()

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; "
    f"style-src '{CSS_HASH}'; "
    "img-src 'self' data:; "
    "form-action 'self'; "
    "base-uri 'none'; "
    "frame-ancestors 'none'"
)
"""No script at all, no external anything; only the inline style sheet above."""
