#!/bin/sh
# The image's one entry point: the first argument names the part of the system this container is.
set -eu

# Each mode runs its prebuilt bundle (`npm run build`: esbuild, the @eco/* sources bundled in,
# node_modules external) with plain node: no TypeScript compiler in the process (issue #10).
# V8's old space is capped (HEAP_MB overrides): uncapped, a service's heap grows to what the host
# allows before collecting, and RSS with it; capped, the benchmark's 60 s soak stays within budget
# (BENCHMARKS.md, memory).
run() {
  heap="$1"
  shift
  exec node --enable-source-maps --max-old-space-size="${HEAP_MB:-$heap}" "$@"
}

case "${1:-}" in
  migrate) run 256 packages/stack/dist/migrate.js ;;
  gateway) run 160 gateway/dist/main.js ;;
  agencies | inspections | rectification | supervision) run 128 "services/$1/dist/main.js" ;;
  # For container health checks: the service on $PORT answers /ready.
  ready)
    exec node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
    ;;
  *)
    echo "usage: eco migrate | gateway | agencies | inspections | rectification | supervision | ready" >&2
    exit 64
    ;;
esac
