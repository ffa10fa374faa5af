/// The map between a distribution and the unit interval, shared by QMC and model-based samplers.
///
/// Log distributions are uniform in log space. Integers and stepped floats widen
/// their bounds by half a step so that every grid point owns an equal share of
/// [0, 1), and values are snapped back onto the grid. Integers are computed in
/// integer arithmetic over a `UInt64` span, so the whole Int64 range works.
extension Distribution {
  /// The internal value for a point `u` in [0, 1]; NaN counts as 0.
  public func fromUnit(_ u: Double) -> ParamValue {
    let u = u.isNaN ? 0 : min(max(u, 0), 1)
    switch self {
    case .float(let low, let high, let step, let log):
      if log {
        let (a, b) = (low.logValue, high.logValue)
        return .float(min(max((a + u * (b - a)).expValue, low), high))
      }
      guard let step else { return .float(min(low + u * (high - low), high)) }
      let n = ((high - low) / step).rounded()
      let k = min((u * (n + 1)).rounded(.down), n)
      return .float(min(low + k * step, high))
    case .int(let low, let high, _, let log):
      if log {
        let (a, b) = ((Double(low) - 0.5).logValue, (Double(high) + 0.5).logValue)
        return .int(nearest((a + u * (b - a)).expValue))
      }
      let n = lastGridIndex
      return .int(gridPoint(Distribution.index(u * (Double(n) + 1), max: n)))
    case .categorical(let choices):
      return .index(Int(Distribution.index(u * Double(choices.count), max: UInt64(max(choices.count - 1, 0)))))
    }
  }

  /// The point in [0, 1] of an internal value: the centre of its cell for discrete values.
  public func toUnit(_ value: ParamValue) -> Double {
    switch self {
    case .float(let low, let high, let step, let log):
      let x = value.double
      if high == low { return 0.5 }
      if log { return (x.logValue - low.logValue) / (high.logValue - low.logValue) }
      guard let step else { return (x - low) / (high - low) }
      let n = ((high - low) / step).rounded()
      return (((x - low) / step).rounded() + 0.5) / (n + 1)
    case .int(let low, let high, _, let log):
      let x: Int64
      if case .int(let i) = value { x = min(max(i, low), high) } else { x = nearest(value.double) }
      if log {
        let (a, b) = ((Double(low) - 0.5).logValue, (Double(high) + 0.5).logValue)
        // Above 2^53 the widened bounds can round to one double.
        guard b > a else { return 0.5 }
        return (Double(x).logValue - a) / (b - a)
      }
      return (Double(gridIndex(nearest: x)) + 0.5) / (Double(lastGridIndex) + 1)
    case .categorical(let choices):
      return (value.double + 0.5) / Double(choices.count)
    }
  }

  /// The index of the last point of an int distribution's grid: (high - low) / step.
  ///
  /// The span is taken as a `UInt64`, so [Int64.min, Int64.max] works: its last index is 2^64 - 1.
  var lastGridIndex: UInt64 {
    guard case .int(let low, let high, let step, _) = self, step > 0, high >= low else { return 0 }
    return UInt64(bitPattern: high &- low) / UInt64(step)
  }

  /// Grid point `k` of an int distribution, `low + k * step`, for k below the grid's size.
  ///
  /// The sum is taken modulo 2^64, which is exact because the result lies in [low, high].
  func gridPoint(_ k: UInt64) -> Int64 {
    guard case .int(let low, _, let step, _) = self else { return 0 }
    return Int64(bitPattern: UInt64(bitPattern: low) &+ k &* UInt64(truncatingIfNeeded: step))
  }

  /// The grid index of `x` in an int distribution, or nil when it is off the grid or out of bounds.
  func gridIndex(of x: Int64) -> UInt64? {
    guard case .int(let low, let high, let step, _) = self, step > 0, x >= low, x <= high else { return nil }
    let (q, r) = UInt64(bitPattern: x &- low).quotientAndRemainder(dividingBy: UInt64(step))
    return r == 0 ? q : nil
  }

  /// The grid point of an int distribution nearest to a model's `x`, clamped into
  /// [low, high]; NaN maps to `low`. The checked way from a double to an integer.
  public func nearest(_ x: Double) -> Int64 {
    guard case .int(let low, let high, _, _) = self else { return 0 }
    guard !x.isNaN, x > Double(low) else { return low }
    guard x < Double(high) else { return high }
    // Strictly between two Int64 values, so within [-2^63, 2^63): it converts exactly.
    return gridPoint(gridIndex(nearest: min(max(Int64(x.rounded()), low), high)))
  }

  /// The index of the grid point of an int distribution nearest to `x`, rounding half
  /// up, in integer arithmetic; `x` outside the bounds gives the nearest end.
  func gridIndex(nearest x: Int64) -> UInt64 {
    guard case .int(let low, let high, let step, _) = self else { return 0 }
    let x = min(max(x, low), high)
    let stride = UInt64(max(step, 1))
    let (q, r) = UInt64(bitPattern: x &- low).quotientAndRemainder(dividingBy: stride)
    return min(r >= stride - r ? q + 1 : q, lastGridIndex)
  }

  /// The floor of `x` as an index in [0, n]: NaN and negatives give 0, anything at or above n gives n.
  static func index(_ x: Double, max n: UInt64) -> UInt64 {
    let x = x.rounded(.down)
    guard x > 0 else { return 0 }
    // Double(n) may round up past n; any double below it converts exactly and is at most n.
    guard x < Double(n) else { return n }
    return min(UInt64(x), n)
  }
}
