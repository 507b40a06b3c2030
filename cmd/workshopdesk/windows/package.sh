#!/usr/bin/env bash
# Builds the Windows release of Workshop Desk on Debian: `make
# package-windows` runs it from the repository root as
#
#   cmd/workshopdesk/windows/package.sh NAME VERSION BUILD OUTDIR
#
# with NAME, VERSION and BUILD read from FyneApp.toml. It writes
#   OUTDIR/workshopdesk-VERSION-windows-amd64.zip        (portable folder)
#   OUTDIR/workshopdesk-VERSION-windows-amd64-setup.exe  (per-user installer)
# Needs mingw-w64 (gcc, windres), ImageMagick (convert), nsis (makensis)
# and zip. The icon, version information and manifest go into the exe
# through cmd/workshopdesk/rsrc_windows_amd64.syso, made here from
# workshopdesk.rc and removed again (it is generated, not kept in git).
# The Go build is the plain `go build` (not `fyne package`), so it reuses
# the build cache: the first cross-build of the app compiles GLFW and the
# OpenGL bindings with mingw (minutes), later ones take seconds.
set -euo pipefail
name=$1 version=$2 build=$3 outdir=$4
here=cmd/workshopdesk/windows
GO=${GO:-go}
CC_WIN=${CC_WIN:-x86_64-w64-mingw32-gcc}
WINDRES=${WINDRES:-x86_64-w64-mingw32-windres}

for tool in "$CC_WIN" "$WINDRES" convert makensis zip; do
  command -v "$tool" >/dev/null || { echo "package-windows: $tool not found (Debian: make deps-windows)" >&2; exit 1; }
done
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "package-windows: version \"$version\" in FyneApp.toml is not X.Y.Z" >&2; exit 1; }
[[ $build =~ ^[0-9]+$ ]] || build=0

tmp=$(mktemp -d)
syso=cmd/workshopdesk/rsrc_windows_amd64.syso
trap 'rm -rf "$tmp" "$syso"' EXIT

# Resources: icon (every size Explorer asks for), manifest, version info.
convert assets/icon.png -background none -define icon:auto-resize=256,128,64,48,32,24,16 "$tmp/workshopdesk.ico"
fill() {
  sed -e "s/@NAME@/$name/g" -e "s/@VERSION@/$version/g" \
    -e "s/@VERSION4@/$version.$build/g" -e "s/@VERSIONCOMMAS@/${version//./,},$build/g" "$1" >"$2"
}
fill "$here/workshopdesk.rc" "$tmp/workshopdesk.rc"
fill "$here/workshopdesk.manifest" "$tmp/workshopdesk.manifest"
"$WINDRES" -O coff -i "$tmp/workshopdesk.rc" -o "$syso"

# The portable folder.
dir="$tmp/$name"
mkdir -p "$dir/licences"
echo "package-windows: building $name $version for windows/amd64"
CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC="$CC_WIN" "$GO" build -trimpath -tags release \
  -ldflags "-s -w -H windowsgui -X main.version=$version" -o "$dir/$name.exe" ./cmd/workshopdesk
CGO_ENABLED=0 GOOS=windows GOARCH=amd64 "$GO" build -trimpath -ldflags "-s -w" -o "$dir/workshopctl.exe" ./cmd/workshopctl
cp README.md "$dir/README.md"
sed 's/$/\r/' LICENSE >"$dir/LICENSE.txt"
# Licences of what is inside: Go, every module linked in, the fonts.
crlf() { sed 's/\r\?$/\r/' "$1" >"$2"; }
crlf "$("$GO" env GOROOT)/LICENSE" "$dir/licences/go.txt"
while read -r mod moddir; do
  [[ $mod == github.com/workshopdesk/* ]] && continue
  for f in "$moddir"/LICENSE* "$moddir"/LICENCE* "$moddir"/COPYING*; do
    [[ -f $f ]] && crlf "$f" "$dir/licences/${mod//\//_}.txt" && break
  done
done < <(GOOS=windows GOARCH=amd64 CGO_ENABLED=1 "$GO" list -deps \
  -f '{{with .Module}}{{.Path}} {{.Dir}}{{end}}' ./cmd/workshopdesk ./cmd/workshopctl | sort -u)
crlf assets/fonts/OFL.txt "$dir/licences/fonts-noto-OFL.txt"
crlf assets/fonts/LICENSE-DroidSansFallback.txt "$dir/licences/fonts-droid-sans-fallback.txt"

mkdir -p "$outdir"
base="$outdir/workshopdesk-$version-windows-amd64"
rm -f "$base.zip" "$base-setup.exe"
(cd "$tmp" && zip -q -r -X "$OLDPWD/$base.zip" "$name")
echo "package-windows: wrote $base.zip"

cp "$tmp/workshopdesk.ico" "$tmp/installer.ico"
makensis -V2 -NOCD -DNAME="$name" -DVERSION="$version" -DVERSION4="$version.$build" \
  -DSRC="$dir" -DICON="$tmp/installer.ico" -DOUTFILE="$PWD/$base-setup.exe" "$here/installer.nsi"
echo "package-windows: wrote $base-setup.exe"
