# Sourced by the scripts: finds the Swift toolchain as the Makefile does, so a
# script works the same from make, from another directory, or by hand.
#
#   . "$(dirname "$0")/toolchain.sh"    # sets SWIFT and puts its directory on PATH
SWIFT=${SWIFT:-$(command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)}
if [ ! -x "$SWIFT" ]; then
  echo "no Swift toolchain: install Swift 6.3 from swift.org into /opt/swift, or set SWIFT" >&2
  exit 1
fi
PATH=$(dirname "$SWIFT"):$PATH
export SWIFT PATH
