#!/bin/sh
# Mach_R vs gcc -O2 on x86_64: see bench/codegen/run.sh.
exec "$(dirname "$0")/../codegen/run.sh" x86_64 "$@"
