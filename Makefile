# Hone: build, test and demo entry points. `make demo` and `make test` work on a
# fresh Debian machine: they install what is missing first.

# The toolchain: `swift` on PATH, else the standard install at /opt/swift.
SWIFT      ?= $(or $(shell command -v swift 2>/dev/null),/opt/swift/usr/bin/swift)
export PATH := $(patsubst %/,%,$(dir $(SWIFT))):$(PATH)
PYTHON     ?= python3
PREFIX     ?= /usr/local
VENV       := .venv
# Absolute, so that recipes may change directory and VENV may be absolute too.
VPY        := $(abspath $(VENV))/bin/python
ROOT       := $(CURDIR)
# Starts a throwaway PostgreSQL server whose stop is trapped on exit, pass or fail;
# the trap names the script by absolute path, so a later `cd` cannot break it.
WITH_PG    := eval "$$(bash $(ROOT)/scripts/pg-start.sh)" && trap 'bash $(ROOT)/scripts/pg-stop.sh "$$HONE_PG_DIR"' EXIT &&
# The kernel-sensitive suites (numerics: linear algebra, GP, MLP) run a second
# time on OpenBLAS's generic kernel, so a test that holds only on some kernels
# fails on every machine.
NUMERIC_SWIFT_TESTS := 'Linalg|GP|MLP'
NUMERIC_PY_TESTS    := test_mlp.py test_demo.py test_samplers.py
RELEASE    := .build/release
VERSION    := $(shell sed -n 's/.*static let \(major\|minor\|patch\) = \([0-9]*\).*/\2/p' Sources/Hone/Version.swift | paste -sd.)
APT_PKGS   := libopenblas-dev liblapacke-dev libpq-dev libsqlite3-dev pkg-config valgrind gcc g++ python3-venv
# A debug build: it shares .build/debug with `swift test`, and swift-syntax, which
# the generator parses with, takes minutes to build for release.
HEADERGEN  := $(SWIFT) run --skip-build hone-headergen --sources Sources/HoneC --version-file Sources/Hone/Version.swift --output include/hone.h --python-output bindings/python/hone/_abi.py

.PHONY: all deps build headergen header header-check lib swift-test swift-test-prescott pg-test c-test \
        python python-test python-test-prescott blas-info examples cross-host test test-suites demo install \
        wheel wheel-test readme-test bench clean data fuzz fuzz-smoke

all: build

## deps: install the Debian packages that are missing (as root, or through sudo).
deps:
	@command -v $(SWIFT) >/dev/null || { echo "no Swift toolchain: install Swift 6.3 from swift.org into /opt/swift"; exit 1; }
	@missing=""; for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

## lib: the release libhone.so with the Swift runtime linked statically; swift-syntax
## belongs to the header generator only, so none of its symbols may be in the library.
lib: deps
	$(SWIFT) build -c release --product hone
	@! nm $(RELEASE)/libhone.so | grep -q 'SwiftSyntax\|SwiftParser' || \
	  { echo "$(RELEASE)/libhone.so links swift-syntax; only hone-headergen may depend on it"; exit 1; }

headergen: deps
	$(SWIFT) build --product hone-headergen

## header: regenerate include/hone.h and bindings/python/hone/_abi.py from Sources/HoneC.
header: headergen
	$(HEADERGEN)

## header-check: fail when the committed header or _abi.py differs from the generated one.
header-check: headergen
	$(HEADERGEN) --check

build: lib header-check

## python: a virtualenv with the Python package installed from bindings/python.
python: lib
	@[ -x $(VPY) ] || $(PYTHON) -m venv --system-site-packages $(VENV)
	@$(VPY) -c 'import pytest' 2>/dev/null || $(VPY) -m pip install -q pytest
	@$(VPY) -c 'import numpy' 2>/dev/null || $(VPY) -m pip install -q numpy
	@# Optuna is a reference for tests that compare with it, such as the hypervolume's.
	@$(VPY) -c 'import optuna' 2>/dev/null || $(VPY) -m pip install -q 'optuna==5.0.0'
	$(VPY) -m pip install -q --no-build-isolation ./bindings/python

## swift-test: the Swift unit tests, with a throwaway PostgreSQL server for the
## storage tests (scripts/pg-start.sh), stopped on exit whether they pass or not.
# XCTest cases run in parallel worker processes. Swift Testing cases run one at a
# time: they share one process, and OpenBLAS's thread count is process-wide, so a
# concurrent MLP training or GP fit would change another test's BLAS threading
# and, with it, the last bits of a result that a reproducibility test compares.
SWIFT_TEST = $(SWIFT) test --parallel --disable-swift-testing $(1) && \
  $(SWIFT) test --no-parallel --disable-xctest $(1)

swift-test: deps
	@$(WITH_PG) $(call SWIFT_TEST)

## swift-test-prescott: the numerics suites again on OpenBLAS's generic Prescott kernel.
swift-test-prescott: deps
	@OPENBLAS_CORETYPE=Prescott $(MAKE) --no-print-directory blas-info
	export OPENBLAS_CORETYPE=Prescott && $(call SWIFT_TEST,--filter $(NUMERIC_SWIFT_TESTS))

## pg-test: only the PostgreSQL tests, against a throwaway server. Without
## HONE_TEST_POSTGRES_URL, a bare `swift test` skips them.
pg-test: deps
	@$(WITH_PG) $(SWIFT) test --filter Postgres

c-test: lib
	bash scripts/test-c.sh $(RELEASE)

## fuzz: each libFuzzer harness (Tests/Fuzz) for FUZZ_SECONDS (default 600) on
## an instrumented libhone.so in .build-fuzz/; fuzz-smoke: each for 30 s.
FUZZ_SECONDS ?= 600
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash scripts/fuzz.sh

fuzz-smoke: deps
	FUZZ_SECONDS=30 bash scripts/fuzz.sh

## data: the UCI digits for the demo, tests and benchmarks (see examples/data/README.md).
data:
	sh scripts/fetch-digits.sh

python-test: python data
	@$(WITH_PG) (cd bindings/python/tests && HONE_LIBRARY= $(VPY) -m pytest -q .)

## python-test-prescott: the Python numerics tests again on the Prescott kernel.
python-test-prescott: python data
	@OPENBLAS_CORETYPE=Prescott $(MAKE) --no-print-directory blas-info
	cd bindings/python/tests && OPENBLAS_CORETYPE=Prescott HONE_LIBRARY= $(VPY) -m pytest -q $(NUMERIC_PY_TESTS)

## wheel: the manylinux wheel of hone-hpo in wheelhouse/, with libhone.so, OpenBLAS,
## LAPACKE and every library they load (scripts/build-wheel.sh; tools from PyPI in a
## throwaway virtualenv). wheel-test: builds it, installs it into a fresh virtualenv
## and checks its libraries, a GP study and an MLP training there.
wheel: lib
	bash scripts/build-wheel.sh wheelhouse

wheel-test: lib
	bash scripts/test-wheel.sh

## readme-test: the README's getting-started blocks run as written (scripts/test-readme.sh).
readme-test: lib
	bash scripts/test-readme.sh

## blas-info: the BLAS library and kernel that Hone runs on, in this environment.
blas-info: python
	@$(VPY) -c 'import hone, json; print("blas:", json.dumps(hone.blas_info()))'

examples: lib python
	$(SWIFT) run -c release swift-quickstart
	$(VPY) examples/python/quickstart.py
	$(VPY) examples/python/workers.py --workers 4 --trials 10
	bash scripts/test-c.sh --quickstart-only $(RELEASE)

## cross-host: the same seed gives the same trials from C, Python and Swift.
cross-host: lib python
	bash scripts/cross-host.sh $(RELEASE) $(VPY)

## test: every test: header drift, Swift unit tests (the numerics twice: on the
## kernel Hone picks and on Prescott), C hosts with sanitizers and valgrind, the
## Python package, the installable wheel, the examples, the cross-host check and
## the fuzz smoke runs.
## Then, pass or fail, a check that no process the run started is still alive.
test:
	@export HONE_TEST_RUN=hone-test-$$$$-$$(date +%s); status=0; \
	  $(MAKE) --no-print-directory test-suites || status=$$?; \
	  bash $(ROOT)/scripts/check-leftovers.sh "$$HONE_TEST_RUN" || status=1; \
	  exit $$status

test-suites: header-check blas-info swift-test swift-test-prescott c-test python-test python-test-prescott \
             wheel-test readme-test examples cross-host fuzz-smoke

## demo: install what is missing, build, and run the main job; SAMPLER=tpe|cmaes|gp|qmc|random
## chooses the sampler (`--sampler` of examples/python/demo.py; default gp).
SAMPLER ?= gp
demo: python data
	$(VPY) examples/python/demo.py --sampler $(SAMPLER)

## install: libhone.so (stripped, SONAME libhone.so.0), hone.h and hone.pc under PREFIX.
install: lib
	install -d $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 755 -s $(RELEASE)/libhone.so $(DESTDIR)$(PREFIX)/lib/libhone.so.$(VERSION)
	ln -sf libhone.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/libhone.so.0
	ln -sf libhone.so.0 $(DESTDIR)$(PREFIX)/lib/libhone.so
	install -m 644 include/hone.h $(DESTDIR)$(PREFIX)/include/hone.h
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' scripts/hone.pc.in \
	  > $(DESTDIR)$(PREFIX)/lib/pkgconfig/hone.pc

## bench: benchmarks beside their peers (installs the peers into a venv outside the repo).
bench: lib python
	bash benchmarks/run.sh

clean:
	rm -rf .build .build-tsan $(VENV) wheelhouse bindings/python/build
