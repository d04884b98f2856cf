#!/usr/bin/env bash
# Vendors the Système de Design de l'État (npm package @gouvfr/dsfr) into
# themes/dsfr/static/dsfr/, keeping only what the portal uses.
#
#   themes/dsfr/update-dsfr.sh            # the pinned version below
#   themes/dsfr/update-dsfr.sh 1.15.4     # another version (then update the pin)
#
# Needs: bash, npm (registry access), node, tar, coreutils.
#
# What is copied (relative layout of the package's dist/ kept, so the relative
# url(...) references inside the CSS resolve once served under /static/<hash>/dsfr/):
#   - dsfr.min.css, dsfr.module.min.js, dsfr.nomodule.min.js
#   - utility/icons/icons.subset.css: the icon utility classes listed in ICONS below
#     (the full icons.min.css references ~1000 svg files; see icons-subset.mjs)
#   - every file those CSS files reference through url() (fonts, icons), and nothing else
#   - the pictograms the DSFR markup of our templates points at directly (ARTWORK below)
#   - favicon/, LICENSE.md, and VERSION
# The minified JS loses its trailing `sourceMappingURL` comment (the .map files are not shipped).
set -euo pipefail

DSFR_VERSION_PINNED="1.15.3"
VERSION="${1:-$DSFR_VERSION_PINNED}"

# fr-icon-* classes the portal's templates may use. Add one here and re-run the script.
ICONS=(
  fr-icon-search-line fr-icon-map-pin-2-line fr-icon-calendar-line fr-icon-briefcase-line
  fr-icon-building-line fr-icon-user-line fr-icon-time-line fr-icon-money-euro-circle-line
  fr-icon-home-4-line fr-icon-rss-line fr-icon-external-link-line fr-icon-mail-line
  fr-icon-arrow-right-line fr-icon-filter-line fr-icon-team-line fr-icon-article-line
  fr-icon-theme-fill fr-icon-translate-2 fr-icon-check-line fr-icon-close-line
  fr-icon-warning-line fr-icon-information-line fr-icon-play-circle-line
  fr-icon-computer-line fr-icon-award-line fr-icon-arrow-left-line fr-icon-download-line
  fr-icon-eye-line
)

# Pictograms referenced from HTML (<svg><use href=...>), not from CSS: the display
# settings modal (light / dark / system) and the error pages, as the DSFR documents them.
ARTWORK=(
  artwork/pictograms/environment/sun.svg
  artwork/pictograms/environment/moon.svg
  artwork/pictograms/system/system.svg
  artwork/pictograms/system/technical-error.svg
  artwork/background/ovoid.svg
)

CSS_FILES=(dsfr.min.css utility/icons/icons.subset.css)
JS_FILES=(dsfr.module.min.js dsfr.nomodule.min.js)

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DEST="$HERE/static/dsfr"

die() { echo "update-dsfr: $*" >&2; exit 1; }

[[ "$VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] || die "not a version: $VERSION"
command -v npm >/dev/null || die "npm is required"
command -v node >/dev/null || die "node is required"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

echo "update-dsfr: fetching @gouvfr/dsfr@$VERSION"
tarball="$(cd "$TMP" && npm pack --silent "@gouvfr/dsfr@$VERSION" | tail -n 1)"
[[ -f "$TMP/$tarball" ]] || die "npm pack did not produce a tarball (got '$tarball')"
tar -xzf "$TMP/$tarball" -C "$TMP"
PKG="$TMP/package"
DIST="$PKG/dist"
got="$(node -p 'require(process.argv[1]).version' "$PKG/package.json")"
[[ "$got" == "$VERSION" ]] || die "package.json says $got, expected $VERSION"

echo "update-dsfr: building the icon subset (${#ICONS[@]} classes)"
node "$HERE/icons-subset.mjs" "$DIST/utility/icons/icons.min.css" \
  "$DIST/utility/icons/icons.subset.css" "${ICONS[@]}"

# Prints the dist-relative paths of the local files a CSS file references with url().
css_urls() {
  local css="$1" dir raw u rel
  dir="$(dirname "$DIST/$css")"
  { grep -oE 'url\([^)]*\)' "$DIST/$css" || true; } | while IFS= read -r raw; do
    u="${raw#url(}"; u="${u%)}"
    u="$(sed -E "s/^[[:space:]]*[\"']?//; s/[\"']?[[:space:]]*\$//" <<<"$u")"
    case "$u" in
      data:*|'#'*|'') continue ;;
      /*|*://*) die "$css references a non-relative url: $u (it would break under /static/<hash>/)" ;;
    esac
    u="${u%%[?#]*}"
    rel="$(realpath -m --relative-to="$DIST" "$dir/$u")"
    [[ "$rel" != ../* ]] || die "$css references a file outside dist/: $u"
    [[ -f "$DIST/$rel" ]] || die "$css references a missing file: $u"
    printf '%s\n' "$rel"
  done
}

FILES=("${CSS_FILES[@]}" "${JS_FILES[@]}" "${ARTWORK[@]}")
for css in "${CSS_FILES[@]}"; do
  [[ -f "$DIST/$css" ]] || die "missing in the package: dist/$css"
  css_urls "$css" >"$TMP/refs" # a die() in there fails this line, so the script stops
  mapfile -t refs < <(sort -u "$TMP/refs")
  echo "update-dsfr: $css references ${#refs[@]} files"
  FILES+=("${refs[@]}")
done
while IFS= read -r f; do FILES+=("favicon/$f"); done < <(cd "$DIST/favicon" && find . -type f -printf '%P\n' | sort)

# Wipe and refill the vendored folder.
[[ "$DEST" == */themes/dsfr/static/dsfr ]] || die "refusing to wipe $DEST"
rm -rf "$DEST"
mkdir -p "$DEST"
mapfile -t FILES < <(printf '%s\n' "${FILES[@]}" | sort -u)
for f in "${FILES[@]}"; do
  [[ -f "$DIST/$f" ]] || die "missing in the package: dist/$f"
  mkdir -p "$DEST/$(dirname "$f")"
  cp "$DIST/$f" "$DEST/$f"
done
for js in "${JS_FILES[@]}"; do
  sed -i -E 's#[[:space:]]*//[#] sourceMappingURL=[^[:space:]]*[[:space:]]*$##' "$DEST/$js"
done
cp "$PKG/LICENSE.md" "$DEST/LICENSE.md"
printf '%s\n' "$VERSION" >"$DEST/VERSION"

count="$(find "$DEST" -type f | wc -l)"
size="$(du -s --apparent-size -h "$DEST" | cut -f1)"
echo "update-dsfr: DSFR $VERSION vendored in ${DEST#"$HERE"/}: $count files, $size"
if [[ "$VERSION" != "$DSFR_VERSION_PINNED" ]]; then
  echo "update-dsfr: remember to set DSFR_VERSION_PINNED=\"$VERSION\" in $0"
fi
