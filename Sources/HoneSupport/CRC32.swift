/// The CRC-32 checksum of zlib and Python's `binascii.crc32` (IEEE polynomial, reflected).
///
/// Hyperband assigns trials to brackets by this checksum, as Optuna does, so a
/// study of the same name splits its trials the same way in both.
package enum CRC32 {
  package static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 {
        crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
      }
    }
    return ~crc
  }
}
