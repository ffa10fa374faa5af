/// The distances to the reference that every algorithm measures, scaled by powers of two.
extension Hypervolume {
  /// The rows' distances to the reference, or the hypervolume itself where no distance is needed.
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
  /// One pass over the rows finds the first NaN and keeps the inside rows (which
  /// hold none) and each column's smallest value among them, whose distance is the
  /// column's largest (a rounded difference falls as the value rises): so every
  /// scale is known before any distance is stored, and each is written once, already
  /// scaled, by the same two roundings (difference, then an exact power of two) as
  /// computing and then scaling it. `values` holds `rows * reference.count` values.
  static func scaledDistances(_ values: [Double], rows: Int, reference: [Double]) -> Distances {
    let m = reference.count
    var lowest = reference
    var anyNaN = false
    // Every index below is a row offset (i * m, i < rows) plus a column, inside the
    // rows * m values that compute checked, or a slot below rows in kept; the
    // arithmetic on them cannot overflow.
    let kept = [Int](unsafeUninitializedCapacity: rows) { kept, count in
      values.withUnsafeBufferPointer { v in
        reference.withUnsafeBufferPointer { r in
          lowest.withUnsafeMutableBufferPointer { lowest in
            (count, anyNaN) = m == 3 ? keepInside3(v, rows: rows, r, lowest, kept) : keepInside(v, rows: rows, m: m, r, lowest, kept)
          }
        }
      }
    }
    if anyNaN, let i = values.firstIndex(where: \.isNaN) { return .notANumber(i) }
    let n = kept.count
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

    // Every offset in kept is a row's, below rows * m; every slot k * m + j is below n * m, and each is written.
    let d = [Double](unsafeUninitializedCapacity: n * m) { d, count in
      values.withUnsafeBufferPointer { v in
        kept.withUnsafeBufferPointer { kept in
          if scales.allSatisfy({ !$0.halved && $0.factor != nil }) {
            // The common case, row by row.
            let factors = scales.map { $0.factor ?? 1 }
            factors.withUnsafeBufferPointer { factors in
              reference.withUnsafeBufferPointer { r in
                var out = 0
                for k in 0..<n {
                  let row = kept[k]
                  for j in 0..<m { d[out &+ j] = (r[j] - v[row &+ j]) * factors[j] }
                  out &+= m
                }
              }
            }
          } else {
            for (j, scale) in scales.enumerated() {
              let r = reference[j]
              for k in 0..<n {
                let p = v[kept[k] &+ j]
                let distance = scale.halved ? r * 0.5 - p * 0.5 : r - p
                // A subnormal column: 2^-shift itself is beyond a double.
                d[k &* m &+ j] =
                  scale.factor.map { distance * $0 } ?? Double(sign: .plus, exponent: -scale.shift, significand: distance)
              }
            }
          }
        }
      }
      count = n * m
    }
    return .scaled(d, count: n, exponent: exponent)
  }

  /// Writes the offsets of the rows inside the reference to `kept` and lowers each
  /// `lowest[j]` (the reference's coordinate on entry) to the column's smallest value
  /// among them; returns how many rows are inside and whether any value is NaN.
  ///
  /// Without a branch on the data: every row's offset is written to the next slot,
  /// which only an inside row keeps, and an outside row lowers nothing, standing in
  /// the reference's coordinates for its own.
  static func keepInside(
    _ v: UnsafeBufferPointer<Double>, rows: Int, m: Int, _ r: UnsafeBufferPointer<Double>,
    _ lowest: UnsafeMutableBufferPointer<Double>, _ kept: UnsafeMutableBufferPointer<Int>
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
      kept[n] = row
      n &+= inside ? 1 : 0
      row &+= m
    }
    return (n, anyNaN)
  }

  /// `keepInside` for three objectives, each row's coordinates and the smallest ones in registers.
  static func keepInside3(
    _ v: UnsafeBufferPointer<Double>, rows: Int, _ r: UnsafeBufferPointer<Double>,
    _ lowest: UnsafeMutableBufferPointer<Double>, _ kept: UnsafeMutableBufferPointer<Int>
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
      kept[n] = row
      n &+= inside
      row &+= 3
    }
    (lowest[0], lowest[1], lowest[2]) = (l0, l1, l2)
    return (n, nan != 0)
  }
}
