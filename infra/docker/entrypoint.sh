#!/bin/sh
# The image's one entry point: the first argument names the part of the system this container is.
set -eu

run() {
  exec node --enable-source-maps --import tsx "$@"
}

case "${1:-}" in
  migrate) run packages/stack/src/migrate.ts ;;
  gateway) run gateway/src/main.ts ;;
  agencies | inspections | rectification | supervision) run "services/$1/src/main.ts" ;;
  # For container health checks: the service on $PORT answers /ready.
  ready)
    exec node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
    ;;
  *)
    echo "usage: eco migrate | gateway | agencies | inspections | rectification | supervision | ready" >&2
    exit 64
    ;;
esac
