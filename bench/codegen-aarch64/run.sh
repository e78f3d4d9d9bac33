#!/bin/sh
# Mach_R vs gcc -O2 on aarch64: see bench/codegen/run.sh.
exec "$(dirname "$0")/../codegen/run.sh" aarch64 "$@"
