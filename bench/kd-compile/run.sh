#!/bin/sh
# Compile throughput of the .kd toolchain: front end, lowering, IR passes and JVM codegen in lines/s
# on a generated 100,000-line program (median of several warm runs in one JVM), then
# "check + IR" (front end + lowering + IR passes) as one figure. Usage: bench/kd-compile/run.sh
# [-Dlines=N -Druns=N -Dwarmup=N]. Prints figures; asserts nothing.
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
cd "$root"
mvn -q -pl kernel-dsl,codegen-jvm -am package -DskipTests >/dev/null
m2="${MAVEN_REPO:-$HOME/.m2/repository}"
cp="$root/diag/target/classes:$root/kernel-ir/target/classes:$root/kernel-dsl/target/classes:$root/codegen-jvm/target/classes"
cp="$cp:$m2/org/ow2/asm/asm/9.9/asm-9.9.jar:$m2/org/antlr/antlr4-runtime/4.13.2/antlr4-runtime-4.13.2.jar"
# The JVM flags `machr` runs with (toolchain/java-options), so the figures are what users get.
# shellcheck disable=SC2046
exec "$JAVA_HOME/bin/java" $(cat "$root/toolchain/java-options") -Xss512m -Xmx3g "$@" -cp "$cp" "$here/KdCompileBench.java" "$root"
