# Hone: build, test and demo entry points. `make demo` and `make test` work on a
# fresh Debian machine: they install what is missing first.

# The toolchain: `swift` on PATH, else the standard install at /opt/swift.
SWIFT      ?= $(or $(shell command -v swift 2>/dev/null),/opt/swift/usr/bin/swift)
export PATH := $(patsubst %/,%,$(dir $(SWIFT))):$(PATH)
PYTHON     ?= python3
PREFIX     ?= /usr/local
VENV       := .venv
VPY        := $(VENV)/bin/python
RELEASE    := .build/release
VERSION    := $(shell sed -n 's/.*static let \(major\|minor\|patch\) = \([0-9]*\).*/\2/p' Sources/Hone/Version.swift | paste -sd.)
APT_PKGS   := libopenblas-dev liblapacke-dev libpq-dev libsqlite3-dev pkg-config valgrind gcc g++ python3-venv
HEADERGEN  := $(SWIFT) run -c release --skip-build hone-headergen --sources Sources/HoneC --version-file Sources/Hone/Version.swift --output include/hone.h

.PHONY: all deps build headergen header header-check lib swift-test pg-test c-test python python-test \
        examples cross-host test demo install bench clean data fuzz fuzz-smoke

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

## lib: the release libhone.so with the Swift runtime linked statically.
lib: deps
	$(SWIFT) build -c release --product hone

headergen: deps
	$(SWIFT) build -c release --product hone-headergen

## header: regenerate include/hone.h from Sources/HoneC.
header: headergen
	$(HEADERGEN)

## header-check: fail when the committed header differs from the generated one.
header-check: headergen
	$(HEADERGEN) --check

build: lib header-check

## python: a virtualenv with the Python package installed from bindings/python.
python: lib
	@[ -x $(VPY) ] || $(PYTHON) -m venv --system-site-packages $(VENV)
	@$(VPY) -c 'import pytest' 2>/dev/null || $(VPY) -m pip install -q pytest
	@$(VPY) -c 'import numpy' 2>/dev/null || $(VPY) -m pip install -q numpy
	$(VPY) -m pip install -q --no-build-isolation ./bindings/python

## swift-test: the Swift unit tests, with a throwaway PostgreSQL server for the
## storage tests (scripts/pg-start.sh), stopped on exit whether they pass or not.
swift-test: deps
	@eval "$$(bash scripts/pg-start.sh)" && trap 'bash scripts/pg-stop.sh "$$HONE_PG_DIR"' EXIT && \
	  $(SWIFT) test --parallel

## pg-test: only the PostgreSQL tests, against a throwaway server. Without
## HONE_TEST_POSTGRES_URL, a bare `swift test` skips them.
pg-test: deps
	@eval "$$(bash scripts/pg-start.sh)" && trap 'bash scripts/pg-stop.sh "$$HONE_PG_DIR"' EXIT && \
	  $(SWIFT) test --filter Postgres

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
	@eval "$$(bash scripts/pg-start.sh)" && trap 'bash scripts/pg-stop.sh "$$HONE_PG_DIR"' EXIT && \
	  cd bindings/python/tests && HONE_LIBRARY= ../../../$(VPY) -m pytest -q .

examples: lib python
	$(SWIFT) run -c release swift-quickstart
	$(VPY) examples/python/quickstart.py
	$(VPY) examples/python/workers.py --workers 4 --trials 10
	bash scripts/test-c.sh --quickstart-only $(RELEASE)

## cross-host: the same seed gives the same trials from C, Python and Swift.
cross-host: lib python
	bash scripts/cross-host.sh $(RELEASE) $(VPY)

## test: every test: header drift, Swift unit tests, C hosts with sanitizers and
## valgrind, the Python package, the examples and the cross-host check.
test: header-check swift-test c-test python-test examples cross-host

## demo: install what is missing, build, and run the main job.
demo: python data
	$(VPY) examples/python/demo.py

## install: libhone.so (SONAME libhone.so.0), hone.h and hone.pc under PREFIX.
install: lib
	install -d $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 755 $(RELEASE)/libhone.so $(DESTDIR)$(PREFIX)/lib/libhone.so.$(VERSION)
	ln -sf libhone.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/libhone.so.0
	ln -sf libhone.so.0 $(DESTDIR)$(PREFIX)/lib/libhone.so
	install -m 644 include/hone.h $(DESTDIR)$(PREFIX)/include/hone.h
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' scripts/hone.pc.in \
	  > $(DESTDIR)$(PREFIX)/lib/pkgconfig/hone.pc

## bench: benchmarks beside their peers (installs the peers into a venv outside the repo).
bench: lib python
	bash benchmarks/run.sh

clean:
	rm -rf .build .build-tsan $(VENV)
