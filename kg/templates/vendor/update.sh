#!/usr/bin/env bash
# Re-fetch the viewer's vendored JavaScript from the npm registry into this folder:
#   bash kg/templates/vendor/update.sh            # the versions pinned below
#   bash kg/templates/vendor/update.sh latest     # the newest 3.x / 2.x of each (then review versions.json)
# Each package is fetched with `npm pack`, its integrity checked against `npm view`, and its
# minified browser build and LICENSE copied here; versions.json records what was taken.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# package  pinned version  latest range  file inside the package  file written here
PACKAGES=(
    "layout-base 2.0.1 ^2 layout-base.js layout-base.js"
    "cose-base 2.2.0 ^2 cose-base.js cose-base.js"
    "cytoscape 3.35.0 ^3 dist/cytoscape.min.js cytoscape.min.js"
    "cytoscape-fcose 2.2.0 ^2 cytoscape-fcose.js cytoscape-fcose.js"
)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
entries=()
for line in "${PACKAGES[@]}"; do
    read -r name pinned range inner file <<<"$line"
    if [ "${1:-}" = latest ]; then
        version=$(npm view "$name@$range" version --json | python3 -c 'import json,sys; v=json.load(sys.stdin); print(v[-1] if isinstance(v, list) else v)')
    else
        version=$pinned
    fi
    integrity=$(npm view "$name@$version" dist.integrity)
    tarball=$(cd "$work" && npm pack --silent "$name@$version")
    got="sha512-$(openssl dgst -sha512 -binary "$work/$tarball" | base64 -w0)"
    [ "$got" = "$integrity" ] || { echo "$name@$version: integrity $got, npm says $integrity" >&2; exit 1; }
    mkdir -p "$work/$name" && tar -xzf "$work/$tarball" -C "$work/$name"
    cp "$work/$name/package/$inner" "$file"
    license=$(ls "$work/$name/package" | grep -i '^licen[cs]e' | head -1)
    cp "$work/$name/package/$license" "$name.LICENSE"
    sha256=$(sha256sum "$file" | cut -d' ' -f1)
    entries+=("{\"package\": \"$name\", \"version\": \"$version\", \"integrity\": \"$integrity\", \"file\": \"$file\", \"sha256\": \"$sha256\", \"license\": \"$name.LICENSE\"}")
    echo "$name@$version -> $file"
done
{
    echo "["
    for i in "${!entries[@]}"; do
        sep=","; [ "$i" -eq $((${#entries[@]} - 1)) ] && sep=""
        echo "  ${entries[$i]}$sep"
    done
    echo "]"
} >versions.json
