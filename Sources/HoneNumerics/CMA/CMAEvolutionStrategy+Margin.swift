internal import HonePlatform

/// CMA-ES with margin (Hamano, Saito, Nomura and Shirakawa, "CMA-ES with Margin:
/// Lower-Bounding Marginal Probability for Mixed-Integer Black-Box Optimization",
/// GECCO 2022), as the `cmaes` package's `CMAwM` computes it.
///
/// A discrete coordinate i is encoded by the cell that m + Aᵢ(xᵢ − mᵢ) lies in, so
/// its marginal is N(mᵢ, (σAᵢ)²Cᵢᵢ). Once the mean sits deep inside one cell, CMA-ES
/// alone would shrink σ until that value never changes; the correction keeps the
/// probability of leaving the mean's cell at least α after every update: in an end
/// cell by moving the mean towards the cell's one inner boundary, in an inner cell by
/// setting mᵢ and Aᵢ so that each side keeps its share of the lifted probability.
/// σ and C are left alone. The cells' boundaries are lowerᵢ + k·sᵢ for k = 1…K − 1,
/// and a boundary belongs to the cell below it, as `numpy.searchsorted` places it.
extension CMAEvolutionStrategy {
  /// `x` with each discrete coordinate moved to the centre of the cell m + A(x − m) falls in; continuous ones unchanged.
  ///
  /// Coordinates past the dimension are returned as given.
  public func encoded(_ x: [Double]) -> [Double] {
    var out = x
    for i in 0..<min(x.count, dimension) where cells[i] > 0 {
      let c = cell(i, (x[i] - mean[i]) * marginScales[i] + mean[i])
      out[i] = lowerBounds[i] + (c + 0.5) * steps[i]
    }
    return out
  }

  /// The probability, under the search distribution, that discrete coordinate `i` encodes
  /// to another value than the mean's cell, measured with A; nil for a continuous coordinate.
  public func marginalChangeProbability(_ i: Int) -> Double? {
    guard (0..<dimension).contains(i), cells[i] > 0 else { return nil }
    let (low, up) = limits(i)
    let scale = sigma * marginScales[i] * covariance[i, i].squareRoot()
    if low == up {
      // An end cell: one boundary, on the far side of the mean's value.
      let c = cell(i, mean[i])
      return c == 0 ? StandardNormal.cdf((mean[i] - up) / scale) : StandardNormal.cdf((low - mean[i]) / scale)
    }
    return StandardNormal.cdf((low - mean[i]) / scale) + StandardNormal.cdf((mean[i] - up) / scale)
  }

  /// The index, 0…K − 1 as a whole double, of the cell of discrete coordinate `i` that `v` lies in; a boundary goes below.
  func cell(_ i: Int, _ v: Double) -> Double {
    min(max(((v - lowerBounds[i]) / steps[i]).rounded(.up) - 1, 0), cells[i] - 1)
  }

  /// The boundaries CMAwM measures the mean's cell by: its lower and upper one, both the single inner one in an end cell.
  func limits(_ i: Int) -> (low: Double, up: Double) {
    let c = cell(i, mean[i])
    let last = cells[i] - 2
    let lowIndex = min(max(c - 1, 0), last)
    let upIndex = min(c, last)
    return (lowerBounds[i] + (lowIndex + 1) * steps[i], lowerBounds[i] + (upIndex + 1) * steps[i])
  }

  /// The margin correction of the mean and A after an update, `CMAwM.tell` after `CMA.tell`.
  mutating func correctMargin() {
    let alpha = margin
    let half = alpha / 2
    // √(χ²₁ quantile at 1 − 2p) = Φ⁻¹(1 − p) = −Φ⁻¹(p).
    let edgeDistance = -StandardNormal.quantile(alpha)
    for i in 0..<dimension where cells[i] > 0 {
      let (low, up) = limits(i)
      let root = covariance[i, i].squareRoot()
      let scale = sigma * marginScales[i] * root
      let pLow = StandardNormal.cdf((low - mean[i]) / scale)
      let pUp = StandardNormal.cdf((mean[i] - up) / scale)
      // An end cell has one boundary (low == up); a mean exactly on it is one too, or A would vanish.
      if max(pLow, pUp) > 0.5 || low == up {
        // Put the mean at the distance where crossing the boundary has probability α.
        if min(pLow, pUp) < alpha {
          let sign: Double = mean[i] > up ? 1 : mean[i] < up ? -1 : 0
          mean[i] = up + sign * sigma * marginScales[i] * edgeDistance * root
        }
        continue
      }
      // Lift each side to at least α/2, taking the excess from the sides in proportion to what they hold above α/2.
      let pMid = 1 - (pLow + pUp)
      let lowLifted = max(pLow, half)
      let upLifted = max(pUp, half)
      let excess = 1 - lowLifted - upLifted - pMid
      let spread = lowLifted + pMid + upLifted - 3 * half
      let targetLow = min(max(lowLifted + excess * (lowLifted - half) / spread, 1e-10), 0.5 - 1e-10)
      let targetUp = min(max(upLifted + excess * (upLifted - half) / spread, 1e-10), 0.5 - 1e-10)
      // Solve m − low = χ_low·σA√C and up − m = χ_up·σA√C for m and A.
      let chiLow = -StandardNormal.quantile(targetLow)
      let chiUp = -StandardNormal.quantile(targetUp)
      marginScales[i] = (up - low) / ((chiLow + chiUp) * sigma * root)
      mean[i] = (low * chiUp + up * chiLow) / (chiLow + chiUp)
    }
  }
}
