#!/usr/bin/env bash
# Packs @innokraft/reference, installs the tarball into an empty project and uses it from import, require and
# TypeScript (node16 resolution), as a user of the published package would.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tarball=$(cd "$work" && npm pack "$root/packages/reference" --silent | tail -n 1)
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "./$tarball"
node --input-type=module -e '
import { County, Municipality } from "@innokraft/reference"
if (County.get("24").nuts3 !== "SE331" || Municipality.all.length !== 290) process.exit(1)
console.log("import ok:", County.get("24").name.sv)'
node -e '
const { Nuts, Sni } = require("@innokraft/reference")
if (Nuts.get("SE33").name !== "Övre Norrland" || Sni.divisions.length !== 88) process.exit(1)
console.log("require ok:", Nuts.get("SE33").name)'
cat > check.mts <<'TS'
import { County, type CountyCode } from "@innokraft/reference"
const code: CountyCode = "24"
const name: string = County.get(code).name.sv
// @ts-expect-error "99" is not a county code
County.get("99")
console.log(name)
TS
cat > check.cts <<'TS'
import { Sni } from "@innokraft/reference"
const section: string = Sni.section("C").name.en
console.log(section)
TS
"$root/node_modules/.bin/tsc" --noEmit --strict --module node16 --moduleResolution node16 --skipLibCheck false check.mts check.cts
echo "types ok (node16 ESM and CJS)"
