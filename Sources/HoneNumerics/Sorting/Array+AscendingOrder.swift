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
    withUnsafeBufferPointer { Self.ascendingOrder(of: $0, count: count, stride: 1) }
  }

  /// `ascendingOrder()` of the `count` values `values[0], values[stride], values[2 * stride], …`:
  /// one column of a row-major table, read in place.
  ///
  /// `values` holds at least `(count − 1) * stride + 1` values (the caller's
  /// guarantee, every read below is within it); `stride` >= 1.
  static func ascendingOrder(of values: UnsafeBufferPointer<Double>, count n: Int, stride: Int) -> [Int] {
    guard n > 1 else { return Array<Int>(0..<Swift.max(n, 0)) }
    // Scratch for the keys and, after the scatter, the keys in slot order; freed on return.
    let keys = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: 2 * n)
    defer { keys.deallocate() }
    let sorted = UnsafeMutableBufferPointer(rebasing: keys[n...])
    // −0 as +0; negative doubles order reversed by their bits, positive ones after them.
    var low = UInt64.max
    var high = UInt64.min
    var at = 0
    for i in 0..<n {
      let v = values[at]
      at &+= stride
      let b = (v == 0 ? 0.0 : v).bitPattern
      let k = b >> 63 == 1 ? ~b : b | (1 << 63)
      keys[i] = k
      low = Swift.min(low, k)
      high = Swift.max(high, k)
    }
    if low == high { return Array<Int>(0..<n) }
    // About 2n buckets over [low, high]: the bucket of k is (k − low) >> shift.
    let bucketBits = Swift.min(20, (Int.bitWidth - n.leadingZeroBitCount) + 1)
    let spanBits = UInt64.bitWidth - (high - low).leadingZeroBitCount
    let shift = UInt64(Swift.max(0, spanBits - bucketBits))
    let buckets = Int(truncatingIfNeeded: (high - low) >> shift) + 1
    // Bucket b's count, then the end of its slots, then (after the scatter) their start; start[buckets] = n.
    var start = [Int](repeating: 0, count: buckets + 1)
    // Every bucket index lies in 0..<buckets and every slot in 0..<n: the buffers are read unchecked.
    return [Int](unsafeUninitializedCapacity: n) { order, initialized in
      start.withUnsafeMutableBufferPointer { start in
        for k in keys.prefix(n) { start[Int(truncatingIfNeeded: (k - low) >> shift)] &+= 1 }
        var fullest = 0
        var end = 0
        for b in 0..<buckets {
          fullest = Swift.max(fullest, start[b])
          end &+= start[b]
          start[b] = end
        }
        start[buckets] = n
        // From the last value back, each into the last free slot of its bucket:
        // within a bucket the indices ascend, so sorting by key alone, stably,
        // keeps ties in index order.
        var i = n
        while i > 0 {
          i &-= 1
          let b = Int(truncatingIfNeeded: (keys[i] - low) >> shift)
          start[b] &-= 1
          order[start[b]] = i
          sorted[start[b]] = keys[i]
        }
        if fullest <= 32 {
          // Small buckets: one insertion sort over all the slots, since no value
          // passes the smaller keys of the bucket before its own.
          insertionSort(sorted, order, from: 0, to: n)
        } else {
          for b in 0..<buckets {
            let (from, to) = (start[b], start[b + 1])
            if to - from < 2 { continue }
            if to - from <= 32 {
              insertionSort(sorted, order, from: from, to: to)
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
      initialized = n
    }
  }

  /// Sorts slots from..<to by key, stably, moving each index with its key.
  private static func insertionSort(
    _ sorted: UnsafeMutableBufferPointer<UInt64>, _ order: UnsafeMutableBufferPointer<Int>, from: Int, to: Int
  ) {
    var i = from + 1
    while i < to {
      let (key, index) = (sorted[i], order[i])
      var j = i
      while j > from && sorted[j - 1] > key {
        sorted[j] = sorted[j - 1]
        order[j] = order[j - 1]
        j -= 1
      }
      sorted[j] = key
      order[j] = index
      i += 1
    }
  }
}
