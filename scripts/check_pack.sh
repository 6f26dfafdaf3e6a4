#!/usr/bin/env bash
# Packs npm/ (building it first if needed) and installs the tarball into an
# empty Node project, as a user would: checks what the tarball holds, that
# `import("pyconc")` works and a worker round trip succeeds from
# node_modules/pyconc (scripts/_build/consumer_check.mjs), and that a
# TypeScript consumer type-checks against the shipped .d.ts files.
#
#   bash scripts/check_pack.sh          # uses npm/ as built
#   bash scripts/check_pack.sh --build  # rebuilds npm/ first
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/node_modules/.bin:$PATH"
cd "$root"

if [[ "${1:-}" == "--build" || ! -f npm/package.json ]]; then
  deno run -A scripts/build_npm.ts
fi
if [[ -d npm/esm/tests ]]; then
  echo "check_pack: npm/esm/tests exists (a --keep-tests build?): rebuild npm/ first" >&2
  exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/pyconc-pack-XXXXXX")"
trap 'rm -rf "$work"' EXIT

tgz="$(cd npm && npm pack --silent --pack-destination "$work" | tail -n 1)"
tarball="$work/$tgz"
[[ -f "$tarball" ]] || { echo "check_pack: npm pack produced no tarball" >&2; exit 1; }

# What the tarball holds.
tar -tzf "$tarball" | sort > "$work/contents"
required=(package/package.json package/README.md package/LICENSE package/esm/mod.js package/esm/mod.d.ts)
if [[ -f lib/_internal/worker_bootstrap.ts ]]; then
  required+=(package/esm/lib/_internal/worker_bootstrap.js)
fi
for file in "${required[@]}"; do
  grep -qx "$file" "$work/contents" || { echo "check_pack: $file is missing from $tgz" >&2; exit 1; }
done
if grep -E '(_test\.js$|^package/esm/(tests|examples|scripts)/|[^d]\.ts$|\.map$)' "$work/contents"; then
  echo "check_pack: the files above should not be in $tgz" >&2
  exit 1
fi
files=$(wc -l < "$work/contents")
size=$(du -k "$tarball" | cut -f1)

# An empty Node project installs it.
consumer="$work/consumer"
mkdir -p "$consumer"
cd "$consumer"
npm init -y > /dev/null
npm pkg set type=module
npm install --silent --no-audit --no-fund --prefer-offline "$tarball"
cp "$root/scripts/_build/consumer_check.mjs" check.mjs
PYCONC_TIME_SCALE=1 node check.mjs

# A TypeScript consumer type-checks against the shipped declarations
# (skipLibCheck off, so every .d.ts it reaches is checked too).
cat > check.ts <<'TS'
import { asyncio, concurrent, ExceptionGroup, threading, TimeoutError } from "pyconc";

export function square(x: number): number {
  return x * x;
}

if (threading.isMain(import.meta)) {
  const n: number = await asyncio.run(async () => {
    await asyncio.sleep(0);
    return 1;
  });
  const executor = new concurrent.futures.ThreadPoolExecutor(1);
  const sq: number = await executor.submit(square, 3).result();
  await executor.shutdown(true);
  const group = new ExceptionGroup("g", [new TimeoutError("t")]);
  console.log(n, sq, group.exceptions.length);
}
TS
cat > tsconfig.json <<'JSON'
{
  "compilerOptions": {
    "target": "ES2022",
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "lib": ["ES2022", "DOM", "ESNext.Disposable"],
    "types": [],
    "strict": true,
    "noEmit": true,
    "skipLibCheck": false
  },
  "files": ["check.ts"]
}
JSON
"$root/node_modules/.bin/tsc" -p tsconfig.json
# And for a Node-only project: no DOM library, Node's types instead.
cat > tsconfig.node.json <<JSON
{
  "extends": "./tsconfig.json",
  "compilerOptions": {
    "lib": ["ES2022", "ESNext.Disposable"],
    "types": ["node"],
    "typeRoots": ["$root/node_modules/@types"]
  }
}
JSON
"$root/node_modules/.bin/tsc" -p tsconfig.node.json

echo "check_pack: ok: $tgz ($files files, ${size} KiB) installs into an empty Node project; import, worker round trip and TypeScript types work"
