extension Hypervolume {
  /// The indices of `keys` in ascending order of their values, equal values in index
  /// order (but -0 before +0).
  ///
  /// An LSD radix sort over the keys' bits, mapped to unsigned integers that
  /// order as the doubles do, a byte per pass: the sweeps sort every row once or
  /// twice, and this takes a fraction of a comparison sort's time from a few
  /// dozen rows up. Passes in which every key has the same byte are skipped.
  /// The keys must not be NaN.
  static func ascendingOrder(_ keys: [Double]) -> [Int] {
    let n = keys.count
    if n < 64 { return (0..<n).sorted { keys[$0] < keys[$1] } }
    // Negative doubles order reversed by their bits, positive ones after them.
    var bits = keys.map { x -> UInt64 in
      let b = x.bitPattern
      return b >> 63 == 0 ? b | (1 << 63) : ~b
    }
    var order = Array(0..<n)
    var nextOrder = order
    var nextBits = bits
    // Every index below is a byte (< 256) or a bucket position (< n), so the
    // buffers are read and written without the arrays' per-access checks.
    var counts = [Int](repeating: 0, count: 8 * 256)
    var start = [Int](repeating: 0, count: 256)
    counts.withUnsafeMutableBufferPointer { counts in
      start.withUnsafeMutableBufferPointer { start in
        for key in bits {
          for pass in 0..<8 { counts[pass << 8 | Int(truncatingIfNeeded: key >> (8 * pass) & 0xff)] += 1 }
        }
        for pass in 0..<8 {
          let base = pass << 8
          guard !counts[base..<(base + 256)].contains(n) else { continue }
          var sum = 0
          for b in 0..<256 {
            start[b] = sum
            sum += counts[base + b]
          }
          bits.withUnsafeBufferPointer { bits in
            order.withUnsafeBufferPointer { order in
              nextBits.withUnsafeMutableBufferPointer { nextBits in
                nextOrder.withUnsafeMutableBufferPointer { nextOrder in
                  for i in 0..<n {
                    let key = bits[i]
                    let b = Int(truncatingIfNeeded: key >> (8 * pass) & 0xff)
                    nextOrder[start[b]] = order[i]
                    nextBits[start[b]] = key
                    start[b] += 1
                  }
                }
              }
            }
          }
          swap(&order, &nextOrder)
          swap(&bits, &nextBits)
        }
      }
    }
    return order
  }
}
