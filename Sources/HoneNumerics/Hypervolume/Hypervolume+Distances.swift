/// The distances to the reference that every algorithm measures, scaled by powers of two.
extension Hypervolume {
  /// The rows' distances to the reference, or what the values give instead.
  enum Distances {
    /// The first NaN, at this index of the values.
    case notANumber(Int)
    /// The hypervolume, decided without measuring: +inf, or 0 (no row inside the reference).
    case volume(Double)
    /// `count` rows of distances, row-major, each column scaled into (0, 1] by 2^-e for
    /// exponents e summing to `exponent`.
    case scaled([Double], count: Int, exponent: Int)
  }

  /// How one column's distances are scaled: by 2^-shift, of the halved distances where the largest overflows.
  struct ColumnScale {
    var halved: Bool
    var shift: Int
    /// 2^-shift when it is a normal double, the common case multiplied in; nil for a subnormal column.
    var factor: Double?
  }

  /// The distances of the rows of `values` that strictly dominate `reference`, in their order.
  ///
  /// A first pass finds any NaN, counts the inside rows (which hold none) and finds
  /// each column's smallest value among them, whose distance is the column's largest
  /// (a rounded difference falls as the value rises): so every scale is known before
  /// a distance is stored, and the second pass writes each once, already scaled, by
  /// the same two roundings (difference, then an exact power of two) as computing
  /// and then scaling it. `values` holds `rows * reference.count` values.
  static func scaledDistances(_ values: UnsafeBufferPointer<Double>, rows: Int, reference: [Double]) -> Distances {
    let m = reference.count
    var lowest = reference
    // Every index below is a row offset (i * m, i < rows) plus a column, inside the
    // rows * m values that compute checked; the arithmetic on them cannot overflow.
    let (n, anyNaN) = reference.withUnsafeBufferPointer { r in
      lowest.withUnsafeMutableBufferPointer { lowest in
        m == 3 ? insideRows3(values, rows: rows, r, lowest) : insideRows(values, rows: rows, m: m, r, lowest)
      }
    }
    if anyNaN, let i = values.firstIndex(where: \.isNaN) { return .notANumber(i) }
    guard n > 0 else { return .volume(0) }
    // A row with -inf that is inside in every other coordinate has an infinite box.
    if lowest.contains(-.infinity) { return .volume(.infinity) }

    var scales: [ColumnScale] = []
    scales.reserveCapacity(m)
    var exponent = 0
    for j in 0..<m {
      let r = reference[j]
      // The largest distance; when it overflows, the true one is below twice the largest double, so halved it is finite.
      var largest = r - lowest[j]
      let halved = !largest.isFinite
      if halved { largest = r * 0.5 - lowest[j] * 0.5 }
      // largest = s * 2^e with s in [1, 2): dividing by 2^(e + 1) puts the column in (0, 1).
      let shift = largest.exponent + 1
      let factor = (-1022...1023).contains(-shift) ? Double(sign: .plus, exponent: -shift, significand: 1) : nil
      scales.append(ColumnScale(halved: halved, shift: shift, factor: factor))
      let (e1, o1) = exponent.addingReportingOverflow(shift)
      let (e2, o2) = e1.addingReportingOverflow(halved ? 1 : 0)
      // Only with more columns than memory holds; the result is then beyond any double.
      guard !o1, !o2 else { return .volume(shift > 0 ? .infinity : 0) }
      exponent = e2
    }

    // The n inside rows fill the n * m slots, each row's at out...out + m - 1. The
    // values are read again, and a caller's array read in place might change in
    // between: no slot past the n rows is written, and none is left unwritten.
    let total = n * m
    let d = [Double](unsafeUninitializedCapacity: total) { d, count in
      reference.withUnsafeBufferPointer { r in
        if scales.allSatisfy({ !$0.halved && $0.factor != nil }) {
          // The common case, row by row.
          let factors = scales.map { $0.factor ?? 1 }
          factors.withUnsafeBufferPointer { factors in
            var out = 0
            var row = 0
            for _ in 0..<rows {
              defer { row &+= m }
              guard out < total, isInside(values, row, m, r) else { continue }
              for j in 0..<m { d[out &+ j] = (r[j] - values[row &+ j]) * factors[j] }
              out &+= m
            }
            for k in out..<total { d[k] = 0 }
          }
        } else {
          var out = 0
          var row = 0
          for _ in 0..<rows {
            defer { row &+= m }
            guard out < total, isInside(values, row, m, r) else { continue }
            for (j, scale) in scales.enumerated() {
              let p = values[row &+ j]
              let distance = scale.halved ? r[j] * 0.5 - p * 0.5 : r[j] - p
              // A subnormal column: 2^-shift itself is beyond a double.
              d[out &+ j] =
                scale.factor.map { distance * $0 } ?? Double(sign: .plus, exponent: -scale.shift, significand: distance)
            }
            out &+= m
          }
          for k in out..<total { d[k] = 0 }
        }
      }
      count = total
    }
    return .scaled(d, count: n, exponent: exponent)
  }

  /// Whether the row at offset `row` is below the reference in every coordinate.
  @inline(__always)
  static func isInside(_ v: UnsafeBufferPointer<Double>, _ row: Int, _ m: Int, _ r: UnsafeBufferPointer<Double>) -> Bool {
    if m == 3 { return v[row] < r[0] && v[row &+ 1] < r[1] && v[row &+ 2] < r[2] }
    for j in 0..<m where !(v[row &+ j] < r[j]) { return false }
    return true
  }

  /// The number of rows inside the reference, and whether any value is NaN; lowers
  /// each `lowest[j]` (the reference's coordinate on entry) to the column's smallest
  /// value among the inside rows.
  ///
  /// Without a branch on the data: an outside row lowers nothing, standing in the
  /// reference's coordinates for its own.
  static func insideRows(
    _ v: UnsafeBufferPointer<Double>, rows: Int, m: Int, _ r: UnsafeBufferPointer<Double>,
    _ lowest: UnsafeMutableBufferPointer<Double>
  ) -> (Int, Bool) {
    var n = 0
    var anyNaN = false
    var row = 0
    for _ in 0..<rows {
      var inside = true
      for j in 0..<m {
        let p = v[row &+ j]
        inside = inside && p < r[j]
        anyNaN = anyNaN || p.isNaN
      }
      for j in 0..<m { lowest[j] = Swift.min(lowest[j], inside ? v[row &+ j] : r[j]) }
      n &+= inside ? 1 : 0
      row &+= m
    }
    return (n, anyNaN)
  }

  /// `insideRows` for three objectives, each row's coordinates and the smallest ones in registers.
  static func insideRows3(
    _ v: UnsafeBufferPointer<Double>, rows: Int, _ r: UnsafeBufferPointer<Double>,
    _ lowest: UnsafeMutableBufferPointer<Double>
  ) -> (Int, Bool) {
    let (r0, r1, r2) = (r[0], r[1], r[2])
    var (l0, l1, l2) = (r0, r1, r2)
    var n = 0
    var nan = 0
    var row = 0
    for _ in 0..<rows {
      let (p0, p1, p2) = (v[row], v[row &+ 1], v[row &+ 2])
      // 0 or 1 each, combined without branches.
      let inside = (p0 < r0 ? 1 : 0) & (p1 < r1 ? 1 : 0) & (p2 < r2 ? 1 : 0)
      nan |= (p0.isNaN ? 1 : 0) | (p1.isNaN ? 1 : 0) | (p2.isNaN ? 1 : 0)
      l0 = Swift.min(l0, inside == 1 ? p0 : r0)
      l1 = Swift.min(l1, inside == 1 ? p1 : r1)
      l2 = Swift.min(l2, inside == 1 ? p2 : r2)
      n &+= inside
      row &+= 3
    }
    (lowest[0], lowest[1], lowest[2]) = (l0, l1, l2)
    return (n, nan != 0)
  }
}
