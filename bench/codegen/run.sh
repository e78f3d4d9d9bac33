#!/bin/sh
# Executed instructions and code size of bench/codegen/programs/*.kd compiled by Mach_R against their
# C twins compiled by gcc -O2, on one architecture. Usage: bench/codegen/run.sh aarch64|x86_64 [PROGRAM...]
# Both versions run in the same harness (HARNESS below) under QEMU -icount shift=0, reading the
# instruction counter (aarch64: PMU INST_RETIRED; x86_64: rdtsc) right before and after bench_work().
# Prints one row per program; asserts nothing (a benchmark, not a test).
set -eu
arch=${1:?usage: run.sh aarch64|x86_64 [PROGRAM...]}
shift
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
programs=${*:-"sieve quicksort crc32 fib listwalk bytecopy"}

case "$arch" in
aarch64)
    cc=aarch64-linux-gnu-gcc
    # -mgeneral-regs-only: kernel code never uses FP/SIMD, and neither does ours.
    cflags="-O2 -ffreestanding -fno-pic -mgeneral-regs-only"
    qemu=qemu-system-aarch64
    nm=aarch64-linux-gnu-nm ;;
x86_64)
    cc=gcc
    # -mno-sse -mno-red-zone -mcmodel=kernel... as a kernel is built; no SIMD in either version.
    cflags="-O2 -ffreestanding -fno-pic -fno-pie -mno-sse -mno-mmx -mno-red-zone"
    qemu=qemu-system-x86_64
    nm=nm ;;
*) echo "run.sh: unknown architecture '$arch' (aarch64 or x86_64)" >&2; exit 2 ;;
esac
# gcc turns the copy and clear loops into memcpy/memset calls, which a freestanding image lacks.
cflags="$cflags -fno-tree-loop-distribute-patterns -fno-builtin"
for tool in $cc $qemu $nm; do
    command -v "$tool" >/dev/null || { echo "run.sh: $tool not found (scripts/install-deps; gcc-aarch64-linux-gnu for the aarch64 C side)" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/machr" --version >/dev/null 2>&1  # builds the toolchain once, before the measurements

# The harness: start the counter, read it, run bench_work, read it again; print result and delta.
harness() {  # $1 = module to `use` (kd version) or empty (C version)
    if [ -n "$1" ]; then call="$1.work()"; use="use $1;"; decl=""; else call="bench_work()"; use=""; decl="extern fn bench_work() -> u64;"; fi
    cat <<KD
use rt;
$use
$decl
extern fn bench_counter_start();
extern fn bench_counter_read() -> u64;
fn main() -> i32 {
    var r: u64 = 0;
    var before: u64 = 0;
    var after: u64 = 0;
    unsafe {
        bench_counter_start();
        before = bench_counter_read();
        r = $call;
        after = bench_counter_read();
    }
    rt.print("result ");
    rt.print_u64(r);
    rt.print(" count ");
    rt.print_u64(after - before);
    rt.println("");
    return 0;
}
KD
}

# Boots an image with `machr run --icount` (QEMU -icount shift=0); prints "RESULT COUNT".
measure() {
    "$root/machr" run --target "$arch" --icount --timeout 120 --image "$1" 2>/dev/null \
        | sed -n 's/^result \([0-9]*\) count \([0-9]*\).*/\1 \2/p'
}

sum_sizes() {  # stdin: "ADDRESS SIZE TYPE NAME" lines of nm -S; prints the total of the hex sizes
    total=0
    while read -r _ size _ _; do total=$((total + 0x$size)); done
    echo "$total"
}
kd_size() {
    $nm -S "$1" | awk -v m="$2." 'NF == 4 && $3 ~ /^[tT]$/ && (index($4, m) == 1 || $4 == "bench_work")' | sum_sizes
}
c_size() {
    $nm -S "$1" | awk 'NF == 4 && $3 ~ /^[tT]$/' | sum_sizes
}

printf '%-10s %14s %14s %7s %10s %10s %7s\n' program "mach_r insns" "gcc -O2 insns" ratio "mach_r B" "gcc B" ratio
for p in $programs; do
    src="$root/bench/codegen/programs"
    harness "$p" > "$work/kd_$p.kd"
    harness "" > "$work/c_$p.kd"
    $cc $cflags -c "$src/$p.c" -o "$work/$p.o"
    "$root/machr" build --target "$arch" --root "$src" --with "$here/$arch/counter.s" -o "$work/kd_$p.elf" "$work/kd_$p.kd" 2>"$work/err" \
        || { cat "$work/err" >&2; exit 1; }
    "$root/machr" build --target "$arch" --with "$here/$arch/counter.s" --with "$work/$p.o" -o "$work/c_$p.elf" "$work/c_$p.kd" 2>"$work/err" \
        || { cat "$work/err" >&2; exit 1; }
    set -- $(measure "$work/kd_$p.elf"); kd_res=${1:-?}; kd_n=${2:-0}
    set -- $(measure "$work/c_$p.elf"); c_res=${1:-?}; c_n=${2:-0}
    if [ "$kd_res" != "$c_res" ]; then
        echo "run.sh: $p: results differ (mach_r $kd_res, gcc $c_res)" >&2; exit 1
    fi
    kd_b=$(kd_size "$work/kd_$p.elf" "$p")
    c_b=$(c_size "$work/$p.o")
    awk -v p="$p" -v a="$kd_n" -v b="$c_n" -v sa="$kd_b" -v sb="$c_b" 'BEGIN {
        printf "%-10s %14d %14d %6.2fx %10d %10d %6.2fx\n", p, a, b, (b ? a / b : 0), sa, sb, (sb ? sa / sb : 0) }'
done
