internal import HonePlatform

/// The source of the random numbers a crossover or mutation draws: a seeded
/// generator in the sampler, a fixed script of draws in the tests that check each
/// operator's formula by hand.
protocol GeneticDraws {
  /// A uniform draw in [0, 1).
  mutating func unit() -> Double
  /// A standard normal draw.
  mutating func normal() -> Double
}

extension Xoshiro256: GeneticDraws {
  mutating func unit() -> Double { nextUnit() }

  mutating func normal() -> Double {
    // Box–Muller; 1 − u lies in (0, 1], so the logarithm is finite.
    let r = (-2 * log(1 - nextUnit())).squareRoot()
    return r * cos(2 * Double.pi * nextUnit())
  }
}

extension NSGAIISampler {
  /// How NSGA-II crosses the numeric parameters of its parents: Optuna's six operators,
  /// with Optuna's parameters, defaults and formulas.
  ///
  /// Each works in Optuna's transformed space (`Distribution.geneticValue`): log
  /// scales in log space, integers and stepped floats between bounds widened by half
  /// a step; categorical parameters always take one parent's value (uniform
  /// crossover with the sampler's `swappingProb`).
  public enum Crossover: Equatable, Sendable {
    /// Each parameter from the second parent with probability 1 − `swappingProb`, else from the first.
    case uniform(swappingProb: Double)
    /// BLX-α (Eshelman and Schaffer 1992): uniform in the parents' box widened by α times its width on each side.
    case blxAlpha(alpha: Double)
    /// Simulated binary crossover (Deb and Agrawal 1995) kept inside the bounds; `eta` nil is 20 with
    /// several objectives and 2 with one.
    case sbx(eta: Double?, uniformCrossoverProb: Double, useChildGeneProb: Double)
    /// Simplex crossover on three parents (Tsutsui et al.); `epsilon` nil is √(n + 2) for n numeric parameters.
    case spx(epsilon: Double?)
    /// Unimodal normal distribution crossover on three parents (Kita et al. 1999); `sigmaEta` nil is
    /// 0.35/√n. As in Optuna, ξ and each η are drawn with standard deviation σ², not σ.
    case undx(sigmaXi: Double, sigmaEta: Double?)
    /// vSBX (Ballester and Carter 2003), which excludes no region of the space; `eta` as in `sbx`.
    case vsbx(eta: Double?, uniformCrossoverProb: Double, useChildGeneProb: Double)

    /// Optuna's defaults for each operator.
    public static let blxAlphaDefault = Crossover.blxAlpha(alpha: 0.5)
    public static let sbxDefault = Crossover.sbx(eta: nil, uniformCrossoverProb: 0.5, useChildGeneProb: 0.5)
    public static let spxDefault = Crossover.spx(epsilon: nil)
    public static let undxDefault = Crossover.undx(sigmaXi: 0.5, sigmaEta: nil)
    public static let vsbxDefault = Crossover.vsbx(eta: nil, uniformCrossoverProb: 0.5, useChildGeneProb: 0.5)

    /// The number of parents the operator crosses.
    public var parentCount: Int {
      switch self {
      case .spx, .undx: return 3
      default: return 2
      }
    }

    /// The operator's name in the sampler's options.
    public var optionName: String {
      switch self {
      case .uniform: return "uniform"
      case .blxAlpha: return "blxalpha"
      case .sbx: return "sbx"
      case .spx: return "spx"
      case .undx: return "undx"
      case .vsbx: return "vsbx"
      }
    }

    /// Checks the parameters with Optuna's rules, and that every number is finite.
    func validate(_ context: String) throws(HoneError) {
      func finite(_ name: String, _ x: Double?) throws(HoneError) {
        if let x, !x.isFinite { throw .invalidArgument("\(context): \(name) must be finite, got \(x)") }
      }
      func probability(_ name: String, _ p: Double, open: Bool = false) throws(HoneError) {
        guard p <= 1, open ? p > 0 : p >= 0 else {
          throw .invalidArgument("\(context): \(name) must be in \(open ? "(0, 1]" : "[0, 1]"), got \(p)")
        }
      }
      switch self {
      case .uniform(let p): try probability("swapping_prob", p)
      case .blxAlpha(let alpha): try finite("alpha", alpha)
      case .sbx(let eta, let u, let g), .vsbx(let eta, let u, let g):
        try finite("eta", eta)
        if let eta, eta < 0 { throw .invalidArgument("\(context): eta must be >= 0, got \(eta)") }
        try probability("uniform_crossover_prob", u)
        try probability("use_child_gene_prob", g, open: true)
      case .spx(let epsilon): try finite("epsilon", epsilon)
      case .undx(let xi, let eta):
        try finite("sigma_xi", xi)
        try finite("sigma_eta", eta)
      }
    }

    /// One child of `parents` (each a point in the transformed space) within `bounds`,
    /// `multiObjective` choosing the default η of SBX and vSBX. The child can leave
    /// the bounds; the sampler then draws again (`NSGAIISampler.crossed`).
    func child<R: GeneticDraws>(
      _ parents: [[Double]], bounds: [(Double, Double)], multiObjective: Bool, using rng: inout R
    ) -> [Double] {
      let n = bounds.count
      guard parents.count >= parentCount, parents.allSatisfy({ $0.count == n }) else { return parents.first ?? [] }
      let (p0, p1) = (parents[0], parents[1])
      switch self {
      case .uniform(let swapping):
        return (0..<n).map { rng.unit() >= swapping ? p1[$0] : p0[$0] }
      case .blxAlpha(let alpha):
        return (0..<n).map { k in
          let (lo, hi) = (Swift.min(p0[k], p1[k]), Swift.max(p0[k], p1[k]))
          let d = alpha * (hi - lo)
          let (low, high) = (lo - d, hi + d)
          return (high - low) * rng.unit() + low
        }
      case .sbx(let eta, let u, let g):
        let eta = eta ?? (multiObjective ? 20 : 2)
        let e = 1 / (eta + 1)
        let us = (0..<n).map { _ in rng.unit() }
        var c1 = [Double](), c2 = [Double]()
        for k in 0..<n {
          let (lo, hi) = (Swift.min(p0[k], p1[k]), Swift.max(p0[k], p1[k]))
          let diff = Swift.max(hi - lo, 1e-10)
          let alpha1 = 2 - pow(1 + 2 * (lo - bounds[k].0) / diff, -(eta + 1))
          let alpha2 = 2 - pow(1 + 2 * (bounds[k].1 - hi) / diff, -(eta + 1))
          let b1 = us[k] > 1 / alpha1 ? pow(1 / (2 - us[k] * alpha1), e) : pow(us[k] * alpha1, e)
          let b2 = us[k] > 1 / alpha2 ? pow(1 / (2 - us[k] * alpha2), e) : pow(us[k] * alpha2, e)
          c1.append(0.5 * ((lo + hi) - b1 * diff))
          c2.append(0.5 * ((lo + hi) + b2 * diff))
        }
        return Self.mixed(c1, c2, p0, p1, uniformCrossoverProb: u, useChildGeneProb: g, using: &rng)
      case .vsbx(let eta, let u, let g):
        let eta = eta ?? (multiObjective ? 20 : 2)
        let e = 1 / (eta + 1)
        let us = (0..<n).map { _ in rng.unit() }
        let beta1 = us.map { pow(1 / Swift.max(2 * $0, 1e-10), e) }
        let beta2 = us.map { pow(1 / Swift.max(2 * (1 - $0), 1e-10), e) }
        let first = rng.unit() <= 0.5
        // The weights of the two parents in each child.
        let w1 = (0..<n).map { k -> (Double, Double) in
          first ? ((1 + beta1[k]) / 2, (1 - beta2[k]) / 2) : ((1 - beta1[k]) / 2, (1 + beta2[k]) / 2)
        }
        let second = rng.unit() <= 0.5
        let w2 = (0..<n).map { k -> (Double, Double) in
          second ? ((3 - beta1[k]) / 2, -(1 - beta2[k]) / 2) : (-(1 - beta1[k]) / 2, (3 - beta2[k]) / 2)
        }
        let c1 = (0..<n).map { k -> Double in w1[k].0 * p0[k] + w1[k].1 * p1[k] }
        let c2 = (0..<n).map { k -> Double in w2[k].0 * p0[k] + w2[k].1 * p1[k] }
        return Self.mixed(c1, c2, p0, p1, uniformCrossoverProb: u, useChildGeneProb: g, using: &rng)
      case .spx(let epsilon):
        let epsilon = epsilon ?? Double(n + 2).squareRoot()
        let r = (0..<2).map { k in pow(rng.unit(), 1 / Double(k + 1)) }
        let centre = (0..<n).map { k in (parents[0][k] + parents[1][k] + parents[2][k]) / 3 }
        let x = parents.prefix(3).map { p in (0..<n).map { centre[$0] + epsilon * (p[$0] - centre[$0]) } }
        var c = Array(repeating: 0.0, count: n)
        for k in 1..<3 {
          for i in 0..<n { c[i] = r[k - 1] * (x[k - 1][i] - x[k][i] + c[i]) }
        }
        return (0..<n).map { x[2][$0] + c[$0] }
      case .undx(let sigmaXi, let sigmaEta):
        let sigmaEta = sigmaEta ?? 0.35 / Double(n).squareRoot()
        let p2 = parents[2]
        let mid = (0..<n).map { (p0[$0] + p1[$0]) / 2 }
        let d = (0..<n).map { p0[$0] - p1[$0] }
        let etas = (0..<n).map { _ in rng.normal() * sigmaEta * sigmaEta }
        let xi = rng.normal() * sigmaXi * sigmaXi
        var child = (0..<n).map { mid[$0] + xi * d[$0] }
        guard n > 1 else { return child }
        let e12 = Self.unitDirection(p0, p1)
        let v13 = (0..<n).map { p2[$0] - p0[$0] }
        let along = zip(v13, e12).reduce(0) { $0 + $1.0 * $1.1 }
        let distance = (0..<n).reduce(0.0) { s, k in
          let o = v13[k] - along * e12[k]
          return s + o * o
        }.squareRoot()
        for (k, e) in Self.orthonormalComplement(e12).enumerated() {
          for i in 0..<n { child[i] += distance * etas[k] * e[i] }
        }
        return child
      }
    }

    /// One child of SBX's or vSBX's two: each gene, with probability `useChildGeneProb`, from the
    /// crossed pair, else from the parents, swapped with probability `uniformCrossoverProb`;
    /// then either of the two children with equal odds.
    private static func mixed<R: GeneticDraws>(
      _ c1: [Double], _ c2: [Double], _ p0: [Double], _ p1: [Double], uniformCrossoverProb: Double,
      useChildGeneProb: Double, using rng: inout R
    ) -> [Double] {
      var first = [Double](), second = [Double]()
      for k in c1.indices {
        let (a, b) = rng.unit() < useChildGeneProb ? (c1[k], c2[k]) : (p0[k], p1[k])
        if rng.unit() >= uniformCrossoverProb {
          first.append(a)
          second.append(b)
        } else {
          first.append(b)
          second.append(a)
        }
      }
      return rng.unit() < 0.5 ? first : second
    }

    /// The unit vector from `a` to `b`, its norm floored at 1e-10 as Optuna's is (so zero for equal points).
    static func unitDirection(_ a: [Double], _ b: [Double]) -> [Double] {
      let v = zip(a, b).map { $1 - $0 }
      let norm = Swift.max(v.reduce(0) { $0 + $1 * $1 }.squareRoot(), 1e-10)
      return v.map { $0 / norm }
    }

    /// n − 1 orthonormal vectors orthogonal to the unit vector `e` (to the first axis
    /// when `e` is zero), by Gram–Schmidt over `e` and the coordinate axes. UNDX draws
    /// an isotropic normal in that complement, which any orthonormal basis of it gives.
    static func orthonormalComplement(_ e: [Double]) -> [[Double]] {
      let n = e.count
      var basis: [[Double]] = []
      let first = e.contains { $0 != 0 } ? e : (0..<n).map { $0 == 0 ? 1.0 : 0 }
      basis.append(first)
      for axis in 0..<n where basis.count < n {
        var v = (0..<n).map { $0 == axis ? 1.0 : 0 }
        // Twice, for orthogonality to working precision.
        for _ in 0..<2 {
          for b in basis {
            let dot = zip(v, b).reduce(0) { $0 + $1.0 * $1.1 }
            for i in 0..<n { v[i] -= dot * b[i] }
          }
        }
        let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 1e-8 else { continue }
        basis.append(v.map { $0 / norm })
      }
      return Array(basis.dropFirst())
    }
  }

  /// How NSGA-II mutates a parameter it does not resample: Optuna's polynomial mutation.
  public enum Mutation: Equatable, Sendable {
    /// Polynomial mutation (Deb's NSGA-II code, revision 1.1.6) with distribution index `eta`, default 20.
    case polynomial(eta: Double)

    /// The mutated value of `x` within `bounds`, in the transformed space, clipped into them.
    func mutated<R: GeneticDraws>(_ x: Double, bounds: (Double, Double), using rng: inout R) -> Double {
      switch self {
      case .polynomial(let eta):
        let u = rng.unit()
        let (lb, ub) = bounds
        let width = ub - lb
        guard width > 0 else { return x }
        let power = 1 / (eta + 1)
        let delta: Double
        if u <= 0.5 {
          let value = 2 * u + (1 - 2 * u) * pow(1 - (x - lb) / width, eta + 1)
          delta = pow(value, power) - 1
        } else {
          let value = 2 * (1 - u) + 2 * (u - 0.5) * pow(1 - (ub - x) / width, eta + 1)
          delta = 1 - pow(value, power)
        }
        let y = x + delta * width
        return y.isNaN ? x : Swift.min(Swift.max(y, lb), ub)
      }
    }
  }
}

extension Distribution {
  /// The bounds of a numeric distribution in Optuna's transformed space, that of its
  /// crossovers: log scales in log space, and integers and stepped floats widened by
  /// half a step on each side so that every grid point owns an equal share.
  var geneticBounds: (Double, Double) {
    switch self {
    case .float(let low, let high, let step, let log):
      let (a, b) = log ? (low.logValue, high.logValue) : (low, high)
      let half = step.map { 0.5 * $0 } ?? 0
      return (a - half, b + half)
    case .int(let low, let high, let step, let log):
      let half = 0.5 * Double(step)
      if log { return ((Double(low) - half).logValue, (Double(high) + half).logValue) }
      return (Double(low) - half, Double(high) + half)
    case .categorical:
      return (0, 0)
    }
  }

  /// A numeric internal value in the transformed space.
  func geneticValue(_ value: ParamValue) -> Double {
    switch self {
    case .float(_, _, _, let log), .int(_, _, _, let log): return log ? value.double.logValue : value.double
    case .categorical: return value.double
    }
  }

  /// The internal value at `x` of the transformed space, as Optuna untransforms it:
  /// logs exponentiated and clipped, grids rounded to their nearest point and clipped.
  /// A continuous linear float below its low end, or NaN anywhere, is nil — Optuna's
  /// containment check fails there and the crossover draws again — unless `clip`,
  /// which then takes the nearest end (low for NaN).
  func fromGenetic(_ x: Double, clip: Bool = false) -> ParamValue? {
    if x.isNaN && !clip { return nil }
    switch self {
    case .float(let low, let high, let step, let log):
      if log {
        let v = x.expValue
        return .float(v.isNaN ? low : Swift.min(Swift.max(v, low), high))
      }
      if let step {
        let k = ((x - low) / step).rounded(.toNearestOrEven)
        let v = k * step + low
        return .float(v.isNaN ? low : Swift.min(Swift.max(v, low), high))
      }
      if x.isNaN || x < low { return clip ? .float(low) : nil }
      return .float(Swift.min(x, high))
    case .int(let low, _, let step, let log):
      if log { return .int(nearest(x.expValue)) }
      return .int(gridPoint(Distribution.index((x - Double(low)) / Double(step) + 0.5, max: lastGridIndex)))
    case .categorical:
      return nil
    }
  }
}
