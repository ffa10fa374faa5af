// hone-headergen: writes include/hone.h, and with --python-output the ctypes
// declarations bindings/python/hone/_abi.py, from the Swift sources of the C ABI target.
//
//   hone-headergen --sources Sources/HoneC --version-file Sources/Hone/Version.swift \
//     --output include/hone.h [--python-output bindings/python/hone/_abi.py] [--check]
//
// With --check it writes nothing and exits with 1 when a file on disk differs
// from what it would generate. All the work is done by the HeaderGen library.

internal import HonePlatform
import HeaderGen

exit(Command.run(Array(CommandLine.arguments.dropFirst())))
