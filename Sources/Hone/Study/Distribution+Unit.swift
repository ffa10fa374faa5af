/// The map between a distribution and the unit interval, shared by QMC and model-based samplers.
///
/// Log distributions are uniform in log space. Integers and stepped floats widen
/// their bounds by half a step so that every grid point owns an equal share of
/// [0, 1), and values are snapped back onto the grid.
extension Distribution {
  /// The internal value for a point `u` in [0, 1].
  public func fromUnit(_ u: Double) -> Double {
    let u = min(max(u, 0), 1)
    switch self {
    case .float(let low, let high, let step, let log):
      if log {
        let (a, b) = (low.logValue, high.logValue)
        return min(max((a + u * (b - a)).expValue, low), high)
      }
      guard let step else { return low + u * (high - low) }
      let n = ((high - low) / step).rounded()
      let k = min((u * (n + 1)).rounded(.down), n)
      return min(low + k * step, high)
    case .int(let low, let high, let step, let log):
      if log {
        let (a, b) = ((Double(low) - 0.5).logValue, (Double(high) + 0.5).logValue)
        let x = (a + u * (b - a)).expValue.rounded()
        return min(max(x, Double(low)), Double(high))
      }
      let n = Double((high - low) / step)
      let k = min((u * (n + 1)).rounded(.down), n)
      return Double(low) + k * Double(step)
    case .categorical(let choices):
      return min((u * Double(choices.count)).rounded(.down), Double(choices.count - 1))
    }
  }

  /// The point in [0, 1] of an internal value: the centre of its cell for discrete values.
  public func toUnit(_ x: Double) -> Double {
    switch self {
    case .float(let low, let high, let step, let log):
      if high == low { return 0.5 }
      if log { return (x.logValue - low.logValue) / (high.logValue - low.logValue) }
      guard let step else { return (x - low) / (high - low) }
      let n = ((high - low) / step).rounded()
      return (((x - low) / step).rounded() + 0.5) / (n + 1)
    case .int(let low, let high, let step, let log):
      if log {
        let (a, b) = ((Double(low) - 0.5).logValue, (Double(high) + 0.5).logValue)
        return (x.logValue - a) / (b - a)
      }
      let n = Double((high - low) / step)
      return (((x - Double(low)) / Double(step)).rounded() + 0.5) / (n + 1)
    case .categorical(let choices):
      return (x + 0.5) / Double(choices.count)
    }
  }
}
