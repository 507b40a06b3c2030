#!/bin/sh
# Makes the reference images of TestShapedScripts once, with HarfBuzz's own
# renderer (hb-view, Debian package libharfbuzz-bin): each name of
# names.tsv at 40 px per em (40 pt at 72 dpi), black on white, grey PNG.
# Run from this directory; review the images before committing them.
set -eu
fonts=../../../../assets/fonts
grep -v '^#' names.tsv | while IFS='	' read -r id font name; do
	hb-view --font-size=40 --margin=20 --background=#FFFFFF --foreground=#000000 \
		--output-format=png --output-file="$id.png" "$fonts/$font" "$name"
	convert "$id.png" -colorspace Gray -strip "$id.png"
done
