#!/usr/bin/env bash
# The C hosts: the header under every compiler, `make install` with pkg-config,
# the quickstart on a loader path without Swift, the bad-input table, the BLAS
# kernel choice (hone_blas_info), the thread test (plain and under
# ThreadSanitizer) and valgrind's leak check.
#
#   scripts/test-c.sh [--quickstart-only] [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/toolchain.sh
quick=0
if [ "${1:-}" = --quickstart-only ]; then quick=1; shift; fi
lib=$(cd "${1:-.build/release}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
step() { printf '== %s\n' "$*"; }
ok() { passed=$((passed + 1)); }

step "make install into a scratch prefix"
prefix=$work/prefix
make --no-print-directory -s install PREFIX="$prefix" RELEASE="$lib" >/dev/null
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
readelf -d "$prefix/lib/libhone.so" | grep -q 'SONAME.*\[libhone.so.0\]' || { echo "SONAME is not libhone.so.0"; exit 1; }
if readelf -S "$prefix/lib/libhone.so" | grep -q '\.symtab'; then echo "the installed libhone.so is not stripped"; exit 1; fi
ok

step "quickstart built with pkg-config, loaded without the Swift toolchain"
cc -std=c99 -Wall -Wextra -pedantic -Werror examples/c/quickstart.c $(pkg-config --cflags --libs hone) -lm \
  -o "$work/quickstart"
if ldd "$prefix/lib/libhone.so" | grep -i swift; then echo "libhone.so depends on a Swift library"; exit 1; fi
# A bare environment: the loader sees only the scratch prefix, never /opt/swift.
env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH="$prefix/lib" "$work/quickstart"
ok
if [ $quick = 1 ]; then echo "c quickstart: $passed passed, 0 failed"; exit 0; fi

step "the header compiles warning-free as C99 (gcc, clang) and C++11 (g++, clang++)"
printf '#include "hone.h"\nint main(void) { return hone_version_number() == HONE_VERSION_NUMBER ? 0 : 1; }\n' \
  >"$work/h.c"
cp "$work/h.c" "$work/h.cpp"
for compiler in gcc clang; do
  command -v $compiler >/dev/null || { echo "missing $compiler"; exit 1; }
  $compiler -std=c99 -Wall -Wextra -pedantic -Werror -Iinclude -c "$work/h.c" -o "$work/h.o"
done
for compiler in g++ clang++; do
  command -v $compiler >/dev/null || { echo "missing $compiler"; exit 1; }
  $compiler -std=c++11 -Wall -Wextra -pedantic -Werror -Iinclude -c "$work/h.cpp" -o "$work/h.o"
done
ok

build() { # name, extra flags...
  local name=$1; shift
  cc -std=c99 -Wall -Wextra -pedantic -Werror -g "Tests/CHost/$name.c" $(pkg-config --cflags --libs hone) \
    -lm -lpthread "$@" -o "$work/$name"
}
run() { LD_LIBRARY_PATH="$prefix/lib" "$@"; }

step "bad input table"
build bad_input
run "$work/bad_input"
ok

step "the MLP: XOR, predict, save and load, trial reports, bad input"
build mlp
run "$work/mlp"
ok

step "the last error survives a message that cannot be copied"
build last_error_oom
run "$work/last_error_oom"
ok

step "the MLP training loop allocates nothing per epoch"
build mlp_alloc
run "$work/mlp_alloc"
ok

step "BLAS: libhone.so does not link OpenBLAS; the first GEMM loads it with the kernel the CPU calls for"
if ldd "$prefix/lib/libhone.so" | grep -Ei 'openblas|lapacke'; then echo "libhone.so links BLAS at load time"; exit 1; fi
if nm -D --undefined-only "$prefix/lib/libhone.so" | grep -E ' (cblas_|LAPACKE_|openblas_)'; then
  echo "libhone.so calls BLAS symbols directly instead of through BLASLibrary"; exit 1
fi
build blas_info -ldl
run env -u OPENBLAS_CORETYPE "$work/blas_info" auto
run env OPENBLAS_CORETYPE=Haswell "$work/blas_info" user Haswell
run env -u OPENBLAS_CORETYPE "$work/blas_info" preloaded
ok

step "a sampler and a pruner written in C: hone_study_create_with's callbacks"
build callbacks
run "$work/callbacks"
ok

step "8 threads on one study"
build threads
run "$work/threads"
ok

step "a shared in-memory storage: opened by 8 threads, alive while held, gone with its last holder"
build storage_shared
run "$work/storage_shared"
ok

step "valgrind: no definite or indirect leak in the quickstart, the bad-input table, the last error, the MLP test, the shared storage and the callbacks"
for program in quickstart bad_input last_error_oom mlp storage_shared callbacks; do
  run valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
    --error-exitcode=3 "$work/$program" >"$work/valgrind.txt" 2>&1 || { cat "$work/valgrind.txt"; exit 1; }
  echo "valgrind $program: clean"
done
ok

step "ThreadSanitizer: the thread test against a TSan build of libhone"
tsan=.build-tsan
"$SWIFT" build -c release --product hone --sanitize=thread --scratch-path "$tsan" 2>&1 | tail -1
tsan_lib=$tsan/release
mkdir -p "$work/tsan"
cp "$tsan_lib/libhone.so" "$work/tsan/libhone.so.0"
# Swift's TSan runtime carries libdispatch interceptors, so the host links the
# toolchain's libdispatch and BlocksRuntime; only this test binary needs them.
swift_libs=$(dirname "$SWIFT")/../lib/swift/linux
clang -std=c99 -g -fsanitize=thread -Iinclude Tests/CHost/threads.c "$work/tsan/libhone.so.0" -lpthread \
  -L"$swift_libs" -ldispatch -lBlocksRuntime -Wl,-rpath,"$swift_libs" -o "$work/threads-tsan"
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" LD_LIBRARY_PATH="$work/tsan" "$work/threads-tsan"
ok

echo "c tests: $passed passed, 0 failed"
