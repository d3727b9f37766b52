#!/usr/bin/env python3
"""Makes the built page run under a strict Content-Security-Policy.

Trunk writes its wasm loader as an inline <script type="module">. This moves every
inline script of dist/index.html into a file of its own (named by its hash), and adds
a Content-Security-Policy without 'unsafe-inline' or 'unsafe-eval' ('wasm-unsafe-eval'
is what WebAssembly needs). Run after `trunk build` (./dev build does).

    python3 scripts/csp.py dist
"""
import hashlib
import pathlib
import re
import sys

CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'none'"
)


def main(dist: str) -> None:
    index = pathlib.Path(dist) / "index.html"
    html = index.read_text(encoding="utf-8")

    def externalise(m: re.Match) -> str:
        attrs, body = m.group(1), m.group(2)
        name = "init-" + hashlib.sha256(body.encode()).hexdigest()[:16] + ".js"
        (index.parent / name).write_text(body, encoding="utf-8")
        return f'<script{attrs} src="./{name}"></script>'

    html = re.sub(r"<script((?:\s+type=\"module\")?)>(.*?)</script>", externalise, html, flags=re.S)
    if "Content-Security-Policy" not in html:
        html = html.replace(
            '<meta charset="utf-8" />',
            '<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="' + CSP + '" />',
            1,
        )
    if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html):
        sys.exit("an inline script is left in " + str(index))
    index.write_text(html, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "dist")
