extension Array where Element == Double {
  /// The indices of the values in ascending order, equal values (−0 and +0 among them)
  /// in index order: the stable order of `<`. The values must not be NaN.
  ///
  /// A bucket sort on the values' bits, mapped to unsigned integers that order as the
  /// doubles do: one counting pass puts each value in one of about 2n buckets by its
  /// leading bits above the smallest, and each bucket, which holds one or two values
  /// for data spread over its range, is then sorted by insertion (or by comparison
  /// when clustered values fill it). Both hypervolume sweeps and every TPE fit sort
  /// columns of hundreds to thousands of values, where this takes two passes rather
  /// than a comparison sort's log n or a byte-wise radix sort's seven.
  public func ascendingOrder() -> [Int] {
    let n = count
    guard n > 1 else { return Array<Int>(indices) }
    // −0 as +0; negative doubles order reversed by their bits, positive ones after them.
    let keys = map { v -> UInt64 in
      let b = (v == 0 ? 0.0 : v).bitPattern
      return b >> 63 == 1 ? ~b : b | (1 << 63)
    }
    var low = UInt64.max
    var high = UInt64.min
    for k in keys {
      low = Swift.min(low, k)
      high = Swift.max(high, k)
    }
    if low == high { return Array<Int>(indices) }
    // About 2n buckets over [low, high]: the bucket of k is (k − low) >> shift.
    let bucketBits = Swift.min(20, (Int.bitWidth - n.leadingZeroBitCount) + 1)
    let spanBits = UInt64.bitWidth - (high - low).leadingZeroBitCount
    let shift = UInt64(Swift.max(0, spanBits - bucketBits))
    let buckets = Int(truncatingIfNeeded: (high - low) >> shift) + 1
    var start = [Int](repeating: 0, count: buckets + 1)
    var order = [Int](repeating: 0, count: n)
    var sortedKeys = [UInt64](repeating: 0, count: n)
    // Every bucket index lies in 0..<buckets and every slot in 0..<n: the buffers are read unchecked.
    start.withUnsafeMutableBufferPointer { start in
      keys.withUnsafeBufferPointer { keys in
        for k in keys { start[Int(truncatingIfNeeded: (k - low) >> shift) + 1] += 1 }
        for b in 0..<buckets { start[b + 1] += start[b] }
        order.withUnsafeMutableBufferPointer { order in
          sortedKeys.withUnsafeMutableBufferPointer { sorted in
            var next = Array<Int>(start.prefix(buckets))
            next.withUnsafeMutableBufferPointer { next in
              for i in 0..<n {
                let b = Int(truncatingIfNeeded: (keys[i] - low) >> shift)
                order[next[b]] = i
                sorted[next[b]] = keys[i]
                next[b] += 1
              }
            }
            // Within a bucket the indices ascend, so sorting by key alone, stably, keeps ties in index order.
            for b in 0..<buckets {
              let (from, to) = (start[b], start[b + 1])
              if to - from < 2 { continue }
              if to - from <= 32 {
                for i in (from + 1)..<to {
                  let (key, index) = (sorted[i], order[i])
                  var j = i
                  while j > from && sorted[j - 1] > key {
                    sorted[j] = sorted[j - 1]
                    order[j] = order[j - 1]
                    j -= 1
                  }
                  sorted[j] = key
                  order[j] = index
                }
              } else {
                let pairs = (from..<to).map { (sorted[$0], order[$0]) }.sorted { $0 < $1 }
                for (k, (key, index)) in pairs.enumerated() {
                  sorted[from + k] = key
                  order[from + k] = index
                }
              }
            }
          }
        }
      }
    }
    return order
  }
}
