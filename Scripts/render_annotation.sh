#!/usr/bin/env bash
# Renders an annotated Markdown file the way a reader sees it: Pandoc to HTML, then headless Chromium to PNG.
#   Scripts/render_annotation.sh Annotations/en/riverton-solar-column.md out.png [width] [height]
# Needs Debian's pandoc and chromium (sudo apt-get install pandoc chromium).
set -euo pipefail
input=${1:?usage: render_annotation.sh FILE.md OUT.png [width] [height]}
output=${2:?usage: render_annotation.sh FILE.md OUT.png [width] [height]}
width=${3:-1000}
height=${4:-1800}
command -v pandoc >/dev/null || { echo "render_annotation: pandoc is missing: sudo apt-get install pandoc" >&2; exit 1; }
command -v chromium >/dev/null || { echo "render_annotation: chromium is missing: sudo apt-get install chromium" >&2; exit 1; }
html=$(mktemp --suffix=.html)
trap 'rm -f "$html"' EXIT
pandoc -s "$input" -o "$html"
chromium --headless --no-sandbox --disable-gpu --screenshot="$output" --window-size="$width,$height" "file://$html" 2>/dev/null
echo "render_annotation: wrote $output"
