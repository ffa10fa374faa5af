extension LBFGSB {
  /// The end x̄ of the next search direction: the generalized Cauchy point, refined over its free variables.
  ///
  /// The model is m(x) = gᵀ(x − x₀) + ½(x − x₀)ᵀB(x − x₀) with B = θI − WMWᵀ.
  /// Along the path P(x₀ − t·g) it is a piecewise quadratic; the Cauchy point
  /// is its first local minimizer, found by walking the breakpoints where
  /// variables hit their bounds and updating f′ and f″ of each segment in
  /// O(k²) (Byrd et al. 1995, algorithm CP).
  func quasiNewtonTarget() -> [Double] {
    let n = solution.count
    let (x, g) = (solution, gradient)
    let theta = memory.theta
    let width = memory.width

    // Breakpoint tᵢ at which variable i reaches its bound; 0 means it stays put.
    var breakpoint = [Double](repeating: .infinity, count: n)
    var d = [Double](repeating: 0, count: n)
    for i in 0..<n {
      if lower[i] == upper[i] {
        breakpoint[i] = 0
        continue
      }
      if g[i] < 0 && upper[i] < .infinity {
        breakpoint[i] = (x[i] - upper[i]) / g[i]
      } else if g[i] > 0 && lower[i] > -.infinity {
        breakpoint[i] = (x[i] - lower[i]) / g[i]
      }
      if breakpoint[i] > 0 { d[i] = -g[i] }
    }
    var fixed = breakpoint.map { $0 <= 0 }
    var cauchy = x
    var p = memory.transposedTimes(d)
    var c = [Double](repeating: 0, count: width)
    var slope = -LBFGSB.dot(d, d)
    if slope == 0 { return subspaceTarget(cauchy: cauchy, c: c, fixed: fixed) }
    var (w, mc, mp, mw) = (c, c, c, c)
    memory.middleTimes(p, into: &mp)
    var curvature = -theta * slope - LBFGSB.dot(p, mp)
    let initialCurvature = curvature
    var minimizerStep = -slope / curvature
    var reached = 0.0
    let order = (0..<n).filter { breakpoint[$0] > 0 && breakpoint[$0] < .infinity }
      .sorted { breakpoint[$0] < breakpoint[$1] }
    var next = 0
    while next < order.count {
      let b = order[next]
      let segment = breakpoint[b] - reached
      if minimizerStep < segment { break }
      // Variable b reaches its bound, and the path bends there.
      cauchy[b] = d[b] > 0 ? upper[b] : lower[b]
      let z = cauchy[b] - x[b]
      for j in 0..<width { c[j] += segment * p[j] }
      let gb = g[b]
      memory.row(b, into: &w)
      memory.middleTimes(c, into: &mc)
      memory.middleTimes(p, into: &mp)
      memory.middleTimes(w, into: &mw)
      slope += segment * curvature + gb * gb + theta * gb * z - gb * LBFGSB.dot(w, mc)
      curvature -= theta * gb * gb + 2 * gb * LBFGSB.dot(w, mp) + gb * gb * LBFGSB.dot(w, mw)
      // L-BFGS-B 3.0 keeps f″ away from zero, which rounding can otherwise cross.
      curvature = max(.ulpOfOne * initialCurvature, curvature)
      for j in 0..<width { p[j] += gb * w[j] }
      d[b] = 0
      fixed[b] = true
      reached = breakpoint[b]
      next += 1
      minimizerStep = -slope / curvature
    }
    if next == order.count && d.allSatisfy({ $0 == 0 }) { minimizerStep = 0 }
    minimizerStep = max(0, minimizerStep)
    reached += minimizerStep
    for i in 0..<n where !fixed[i] && d[i] != 0 {
      cauchy[i] = min(max(x[i] + reached * d[i], lower[i]), upper[i])
    }
    for j in 0..<width { c[j] += minimizerStep * p[j] }
    return subspaceTarget(cauchy: cauchy, c: c, fixed: fixed)
  }

  /// Minimizes the model over the variables not fixed at the Cauchy point, then keeps the result feasible.
  ///
  /// With Z the free columns, the reduced gradient r = Zᵀ(g + θ(x_c − x) − WMc)
  /// and the reduced Hessian B̂ = θI − ZᵀW·M·WᵀZ, the step is −B̂⁻¹r (Byrd et
  /// al. 1995, §5.1). B̂ is formed and factored directly: it is only as large as
  /// the free set, which for this minimizer's problems is smaller than the 2k×2k
  /// system of the Sherman–Morrison–Woodbury form. As in L-BFGS-B 3.0 the step
  /// is projected onto the box when that still points downhill, and otherwise
  /// shortened to the first bound it crosses.
  private func subspaceTarget(cauchy: [Double], c: [Double], fixed: [Bool]) -> [Double] {
    let free = fixed.indices.filter { !fixed[$0] }
    if free.isEmpty { return cauchy }
    let (x, g) = (solution, gradient)
    let theta = memory.theta
    let width = memory.width
    let size = free.count
    var mc = c
    memory.middleTimes(c, into: &mc)
    var rows = [Double](repeating: 0, count: size * width)
    var products = rows
    var (w, mw) = (c, c)
    var reduced = [Double](repeating: 0, count: size)
    for (a, i) in free.enumerated() {
      memory.row(i, into: &w)
      memory.middleTimes(w, into: &mw)
      var wmc = 0.0
      for j in 0..<width {
        rows[a * width + j] = w[j]
        products[a * width + j] = mw[j]
        wmc += w[j] * mc[j]
      }
      reduced[a] = g[i] + theta * (cauchy[i] - x[i]) - wmc
    }
    var step = reduced.map { -$0 / theta }
    if width > 0 {
      var hessian = [Double](repeating: 0, count: size * size)
      for a in 0..<size {
        for b in 0...a {
          var sum = a == b ? theta : 0
          for j in 0..<width { sum -= rows[a * width + j] * products[b * width + j] }
          hessian[a * size + b] = sum
        }
      }
      // Rounding can make B̂ indefinite when the memory is nearly degenerate; −r/θ is then the fallback.
      if LimitedMemoryBFGS.choleskyInPlace(&hessian, order: size) {
        for a in 0..<size {
          var sum = -reduced[a]
          for m in 0..<a { sum -= hessian[a * size + m] * step[m] }
          step[a] = sum / hessian[a * size + a]
        }
        for a in stride(from: size - 1, through: 0, by: -1) {
          var sum = step[a]
          for m in (a + 1)..<size { sum -= hessian[m * size + a] * step[m] }
          step[a] = sum / hessian[a * size + a]
        }
      }
    }

    var target = cauchy
    var slope = 0.0
    for (f, i) in free.enumerated() {
      target[i] = min(max(cauchy[i] + step[f], lower[i]), upper[i])
    }
    for i in x.indices { slope += (target[i] - x[i]) * g[i] }
    if slope <= 0 { return target }

    var fraction = 1.0
    for (f, i) in free.enumerated() {
      if step[f] < 0 && lower[i] > -.infinity {
        fraction = min(fraction, max(0, (lower[i] - cauchy[i]) / step[f]))
      } else if step[f] > 0 && upper[i] < .infinity {
        fraction = min(fraction, max(0, (upper[i] - cauchy[i]) / step[f]))
      }
    }
    target = cauchy
    for (f, i) in free.enumerated() {
      target[i] = min(max(cauchy[i] + fraction * step[f], lower[i]), upper[i])
    }
    return target
  }
}
