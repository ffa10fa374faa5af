internal import HonePlatform

/// The covariance matrix adaptation evolution strategy, as Hansen's tutorial states it.
///
/// A value type that knows no study: `ask` draws a candidate from N(m, σ²C) and
/// `tell` takes one whole generation, ranked by value (lower is better), and
/// updates the mean, the evolution paths, the step size and the covariance with
/// positive and negative (active) recombination weights. The constants are the
/// tutorial's defaults (Hansen, "The CMA Evolution Strategy: A Tutorial",
/// arXiv:1604.00772, table 1), as the `cmaes` package that Optuna uses sets them.
/// After every update C is decomposed as B·diag(D²)·Bᵀ through LAPACK `dsyevd`,
/// so `ask` reads the state and never changes it.
///
/// With `separable`, C is kept diagonal (sep-CMA-ES, Ros and Hansen 2008): B is
/// the identity, D the root of C's diagonal, only the μ best candidates have
/// (positive) weights, and the rank-μ rate is raised by (n + 2)/3, with the
/// constants the `cmaes` package's `SepCMA` uses.
///
/// With `learningRateAdaptation` (LRA-CMA-ES, Nomura, Akimoto and Ono 2023; the
/// `cmaes` package's `lr_adapt`), each generation moves the mean and Σ = σ²C only
/// η_m and η_Σ of the way the update above would, with η adapted to the steps'
/// signal-to-noise ratio (`LearningRates`); Σ is then split again as σ = det(Σ)^(1/2n)
/// and C = Σ/σ², and σ is scaled by η_m's change. It needs the full covariance, so
/// it cannot be combined with `separable`; nor with discrete `steps`, which neither
/// method defines together with the other.
///
/// Candidates outside the box bounds are drawn again, up to `maxResampling`
/// times, and the last one is clipped into the box, as the `cmaes` package does.
///
/// With `steps`, some coordinates are discrete: CMA-ES with margin (Hamano et
/// al. 2022, the `cmaes` package's `CMAwM`). Coordinate i with step sᵢ > 0 takes
/// the centres of the cells of width sᵢ that tile its box; `encoded` moves a
/// candidate's discrete coordinates to the centre of the cell that
/// m + A(x − m) lies in, and `tell` takes the candidates themselves, unencoded.
/// After every update the margin correction (`CMAEvolutionStrategy+Margin.swift`)
/// adjusts the mean and the diagonal A so that each discrete coordinate leaves
/// the cell of the mean with probability at least α = 1/(nλ). The box binds
/// only the continuous coordinates of a candidate; its encoding is always on the grid.
public struct CMAEvolutionStrategy: Equatable, Sendable {
  /// The dimension n of the search space.
  public let dimension: Int
  /// Whether C is constrained to be diagonal (sep-CMA-ES).
  public let separable: Bool
  /// λ, the candidates of one generation.
  public let populationSize: Int
  /// μ, the candidates that move the mean: the better half.
  public let mu: Int
  /// The recombination weights of the ranked candidates: μ positive ones summing to 1, then negative ones.
  public let weights: [Double]
  /// The variance-effective selection mass of the positive weights, μ_eff.
  public let muEff: Double
  /// The learning rate of the step-size path, c_σ.
  public let cSigma: Double
  /// The damping of the step-size update, d_σ.
  public let dSigma: Double
  /// The learning rate of the rank-one path, c_c.
  public let cc: Double
  /// The rank-one learning rate, c₁.
  public let c1: Double
  /// The rank-μ learning rate, c_μ.
  public let cMu: Double
  /// E‖N(0, I)‖, approximated as √n·(1 − 1/(4n) + 1/(21n²)).
  public let chiN: Double
  /// The lower end of the box in each coordinate, −∞ where there is none.
  public let lowerBounds: [Double]
  /// The upper end of the box in each coordinate, +∞ where there is none.
  public let upperBounds: [Double]
  /// How many times `ask` draws again before clipping a candidate into the box.
  public let maxResampling: Int
  /// The cell width of each discrete coordinate, 0 for a continuous one.
  public let steps: [Double]
  /// The cells of each discrete coordinate's box, (upper − lower)/step; 0 for a continuous one.
  let cells: [Double]
  /// α, the least probability that a discrete coordinate leaves the cell of the mean: 1/(nλ), or 0 when none is discrete.
  public let margin: Double

  /// The mean m of the search distribution.
  public internal(set) var mean: [Double]
  /// The step size σ.
  public private(set) var sigma: Double
  /// The covariance matrix C, symmetric.
  public private(set) var covariance: Matrix<Double>
  /// The evolution path of the step size, p_σ.
  public private(set) var pathSigma: [Double]
  /// The evolution path of the rank-one update, p_c.
  public private(set) var pathC: [Double]
  /// The generations told so far.
  public private(set) var generation: Int
  /// The initial step size, the scale of the `shouldStop` tolerance on σ.
  public let sigma0: Double
  /// The best and worst value of each of the last `valueHistoryLength` generations, for `shouldStop`.
  public private(set) var recentValues: [Double]
  /// B: the orthonormal eigenvectors of C, one per column.
  public private(set) var eigenvectors: Matrix<Double>
  /// D: the square roots of C's eigenvalues, in the order of `eigenvectors`' columns.
  public private(set) var scales: [Double]
  /// The learning rates and their moving averages; nil without learning-rate adaptation.
  public private(set) var learningRates: LearningRates?
  /// The diagonal of the margin's A, which scales a discrete coordinate's deviation before encoding; 1 where continuous.
  public internal(set) var marginScales: [Double]

  /// Eigenvalues below this floor are raised to it, so C stays positive definite.
  static let epsilon = 1e-8
  /// The largest step size; a diverging σ stops here.
  static let sigmaMax = 1e32

  /// The generations whose value range `shouldStop` watches: 10 + ⌈30n/λ⌉.
  public var valueHistoryLength: Int { 10 + (30 * dimension + populationSize - 1) / populationSize }

  /// Whether the search has stalled, by the `cmaes` package's tests (after Hansen's
  /// restart criteria): a flat range of recent values, σ·C and p_c below
  /// 10⁻¹²·σ₀, a diverging σ·max D, a coordinate or principal axis too small to
  /// move the mean, or a condition number of D above 10¹⁴.
  public func shouldStop() -> Bool {
    let n = dimension
    if generation > valueHistoryLength, let lo = recentValues.min(), let hi = recentValues.max(), hi - lo < 1e-12 {
      return true
    }
    let tolX = 1e-12 * sigma0
    let diagonal = covariance.diagonal
    if diagonal.allSatisfy({ sigma * $0 < tolX }) && pathC.allSatisfy({ sigma * $0 < tolX }) { return true }
    guard let dMax = scales.max(), let dMin = scales.min() else { return false }
    if sigma * dMax > 1e4 { return true }
    if (0..<n).contains(where: { mean[$0] == mean[$0] + 0.2 * sigma * diagonal[$0].squareRoot() }) { return true }
    let axis = generation % n
    if (0..<n).allSatisfy({ mean[$0] == mean[$0] + 0.1 * sigma * scales[axis] * eigenvectors[$0, axis] }) { return true }
    return dMax / dMin > 1e14
  }

  /// The default population size of the tutorial, 4 + ⌊3 ln n⌋.
  public static func defaultPopulationSize(dimension n: Int) -> Int {
    4 + Int((3 * log(Double(max(n, 1)))).rounded(.down))
  }

  /// A strategy at mean `mean` with step size `sigma`.
  ///
  /// - Parameters:
  ///   - covariance: the initial C (the identity when nil); symmetric positive definite.
  ///   - populationSize: λ ≥ 2, the tutorial's default when nil.
  ///   - maxResampling: the draws before clipping; 10·n when nil.
  ///   - steps: the cell width of each coordinate, 0 for a continuous one (all continuous when nil);
  ///     a discrete coordinate's box must be finite and hold a whole number, at least 2, of its cells.
  ///   - learningRateAdaptation: whether η_m and η_Σ adapt (LRA-CMA-ES); not with `separable`
  ///     or a discrete coordinate.
  /// - Throws: `.invalidArgument` for an empty or non-finite mean, a step size that is
  ///   not positive and finite, bounds, steps or a covariance of the wrong shape, λ < 2, or
  ///   learning-rate adaptation with `separable` or a discrete coordinate; `.numeric` when
  ///   the covariance cannot be decomposed.
  public init(
    mean: [Double], sigma: Double, bounds: [(lower: Double, upper: Double)]? = nil,
    populationSize: Int? = nil, covariance: Matrix<Double>? = nil, maxResampling: Int? = nil,
    separable: Bool = false, steps: [Double]? = nil, learningRateAdaptation: Bool = false
  ) throws(HoneError) {
    let n = mean.count
    guard n >= 1, n <= 1 << 16 else { throw .invalidArgument("CMA-ES: the dimension must be 1...65536, got \(n)") }
    guard mean.allSatisfy(\.isFinite) else { throw .invalidArgument("CMA-ES: the mean must be finite") }
    guard sigma > 0, sigma.isFinite else { throw .invalidArgument("CMA-ES: sigma must be positive and finite, got \(sigma)") }
    if let bounds {
      guard bounds.count == n, bounds.allSatisfy({ $0.lower <= $0.upper }) else {
        throw .invalidArgument("CMA-ES: the bounds must be \(n) (lower, upper) pairs with lower <= upper")
      }
    }
    let lambda = populationSize ?? Self.defaultPopulationSize(dimension: n)
    guard lambda >= 2, lambda <= 1 << 20 else {
      throw .invalidArgument("CMA-ES: the population size must be 2...2^20, got \(lambda)")
    }
    let steps = steps ?? Array(repeating: 0, count: n)
    guard steps.count == n, steps.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
      throw .invalidArgument("CMA-ES: the steps must be \(n) finite widths, 0 for a continuous coordinate")
    }
    var cells = [Double](repeating: 0, count: n)
    for i in 0..<n where steps[i] > 0 {
      let ratio = bounds.map { ($0[i].upper - $0[i].lower) / steps[i] } ?? .infinity
      let k = ratio.rounded()
      guard ratio.isFinite, k >= 2, abs(ratio - k) <= 1e-9 * k else {
        throw .invalidArgument(
          "CMA-ES: discrete coordinate \(i) needs a finite box of a whole number (at least 2) of steps \(steps[i])")
      }
      cells[i] = k
    }
    let c = covariance ?? .identity(n)
    guard c.rows == n, c.cols == n, c.storage.allSatisfy(\.isFinite) else {
      throw .invalidArgument("CMA-ES: the covariance must be a finite \(n)×\(n) matrix")
    }
    guard !(learningRateAdaptation && separable) else {
      throw .invalidArgument("CMA-ES: learning-rate adaptation needs the full covariance, not a separable one")
    }
    // The `cmaes` package's CMAwM has no lr_adapt and LRA-CMA-ES defines no margin: no reference for a mix.
    guard !(learningRateAdaptation && cells.contains { $0 > 0 }) else {
      throw .invalidArgument("CMA-ES: learning-rate adaptation is not defined with discrete coordinates (margin)")
    }
    let dn = Double(n)
    let mu = lambda / 2
    if separable {
      guard (0..<n).allSatisfy({ i in (0..<n).allSatisfy { j in i == j || c[i, j] == 0 } }) else {
        throw .invalidArgument("CMA-ES: a separable covariance must be diagonal")
      }
      // Positive weights on the μ best only.
      let raw = (1...mu).map { log(Double(mu) + 1) - log(Double($0)) }
      let sum = raw.reduce(0, +)
      let w = raw.map { $0 / sum }
      self.weights = w + Array(repeating: 0, count: lambda - mu)
      let muEff = 1 / w.map(square).reduce(0, +)
      self.muEff = muEff
      self.c1 = 2 / (square(dn + 1.3) + muEff)
      let full = 2 / muEff / square(dn + 2.0.squareRoot())
        + (1 - 1 / muEff) * min(1, (2 * muEff - 1) / (square(dn + 2) + muEff))
      self.cMu = (dn + 2) / 3 * full
      self.cSigma = (muEff + 2) / (dn + muEff + 3)
      self.cc = 4 / (dn + 4)
    } else {
      // Log-rank weights before normalization; the last λ − μ are negative.
      let raw = (1...lambda).map { log((Double(lambda) + 1) / 2) - log(Double($0)) }
      let positive = raw.prefix(mu)
      let negative = raw.suffix(lambda - mu)
      let muEff = square(positive.reduce(0, +)) / positive.map(square).reduce(0, +)
      let muEffMinus = negative.isEmpty ? 0 : square(negative.reduce(0, +)) / negative.map(square).reduce(0, +)
      let alphaCov = 2.0
      let c1 = alphaCov / (square(dn + 1.3) + muEff)
      let cMu = min(1 - c1 - 1e-8, alphaCov * (muEff - 2 + 1 / muEff) / (square(dn + 2) + alphaCov * muEff / 2))
      // The negative weights are scaled so that C cannot lose positive definiteness (tutorial eq. 53).
      let alphaMin = min(1 + c1 / cMu, 1 + 2 * muEffMinus / (muEff + 2), (1 - c1 - cMu) / (dn * cMu))
      let positiveSum = raw.filter { $0 > 0 }.reduce(0, +)
      let negativeSum = raw.filter { $0 < 0 }.reduce(0) { $0 + abs($1) }
      self.weights = raw.map { $0 >= 0 ? $0 / positiveSum : alphaMin * $0 / negativeSum }
      self.muEff = muEff
      self.c1 = c1
      self.cMu = cMu
      self.cSigma = (muEff + 2) / (dn + muEff + 5)
      self.cc = (4 + muEff / dn) / (dn + 4 + 2 * muEff / dn)
    }
    self.separable = separable
    self.dimension = n
    self.populationSize = lambda
    self.mu = mu
    self.dSigma = 1 + 2 * max(0, ((self.muEff - 1) / (dn + 1)).squareRoot() - 1) + cSigma
    self.chiN = dn.squareRoot() * (1 - 1 / (4 * dn) + 1 / (21 * dn * dn))
    self.lowerBounds = bounds?.map(\.lower) ?? Array(repeating: -.infinity, count: n)
    self.upperBounds = bounds?.map(\.upper) ?? Array(repeating: .infinity, count: n)
    self.maxResampling = max(maxResampling ?? 10 * n, 0)
    self.steps = steps
    self.cells = cells
    self.margin = cells.contains { $0 > 0 } ? 1 / (dn * Double(lambda)) : 0
    self.marginScales = Array(repeating: 1, count: n)
    self.mean = mean
    self.sigma = sigma
    self.covariance = c
    self.pathSigma = Array(repeating: 0, count: n)
    self.pathC = Array(repeating: 0, count: n)
    self.generation = 0
    self.sigma0 = sigma
    self.recentValues = []
    self.eigenvectors = .identity(n)
    self.scales = Array(repeating: 1, count: n)
    self.learningRates = learningRateAdaptation ? LearningRates(dimension: n) : nil
    try decompose()
  }

  /// Symmetrizes C and refreshes B and D from it, raising eigenvalues below `epsilon` to it.
  private mutating func decompose() throws(HoneError) {
    let n = dimension
    if separable {
      guard covariance.diagonal.allSatisfy(\.isFinite) else {
        throw .numeric("CMA-ES: the covariance has a non-finite eigenvalue")
      }
      for i in 0..<n where covariance[i, i] < Self.epsilon { covariance[i, i] = Self.epsilon }
      scales = covariance.diagonal.map { $0.squareRoot() }
      return
    }
    for j in 0..<n {
      for i in (j + 1)..<max(n, j + 1) {
        let s = (covariance[i, j] + covariance[j, i]) / 2
        covariance[i, j] = s
        covariance[j, i] = s
      }
    }
    let (values, vectors) = try Matrix.syevd(covariance)
    guard values.allSatisfy(\.isFinite) else { throw .numeric("CMA-ES: the covariance has a non-finite eigenvalue") }
    let floored = values.map { $0 < Self.epsilon ? Self.epsilon : $0 }
    if floored != values {
      // Rebuild C from the floored spectrum so that C, B and D agree.
      for j in 0..<n {
        for i in 0..<n {
          var s = 0.0
          for k in 0..<n { s += vectors[i, k] * floored[k] * vectors[j, k] }
          covariance[i, j] = s
        }
      }
    }
    eigenvectors = vectors
    scales = floored.map { $0.squareRoot() }
  }

  /// A candidate drawn from N(m, σ²C), its continuous coordinates inside the bounds; `encoded` gives the point to evaluate.
  public func ask(using rng: inout Xoshiro256) -> [Double] {
    for _ in 0..<maxResampling {
      let x = draw(using: &rng)
      if isFeasible(x) { return x }
    }
    return repaired(draw(using: &rng))
  }

  /// m + σ·B·D·z for z ~ N(0, I).
  private func draw(using rng: inout Xoshiro256) -> [Double] {
    let n = dimension
    var z = [Double](repeating: 0, count: n)
    var k = 0
    while k < n {
      let (a, b) = Self.standardNormalPair(using: &rng)
      z[k] = a * scales[k]
      if k + 1 < n { z[k + 1] = b * scales[k + 1] }
      k += 2
    }
    var x = mean
    for j in 0..<n where z[j] != 0 {
      for i in 0..<n { x[i] += sigma * eigenvectors[i, j] * z[j] }
    }
    return x
  }

  /// Two independent standard normal draws (Box–Muller).
  static func standardNormalPair(using rng: inout Xoshiro256) -> (Double, Double) {
    // 1 − u lies in (0, 1], so the logarithm is finite.
    let r = (-2 * log(1 - rng.nextUnit())).squareRoot()
    let angle = 2 * Double.pi * rng.nextUnit()
    return (r * cos(angle), r * sin(angle))
  }

  /// Whether the continuous coordinates of `x` lie inside the bounds.
  public func isFeasible(_ x: [Double]) -> Bool {
    x.indices.allSatisfy { cells[$0] > 0 || (x[$0] >= lowerBounds[$0] && x[$0] <= upperBounds[$0]) }
  }

  /// `x` with its continuous coordinates clipped into the bounds.
  public func repaired(_ x: [Double]) -> [Double] {
    x.indices.map { cells[$0] > 0 ? x[$0] : min(max(x[$0], lowerBounds[$0]), upperBounds[$0]) }
  }

  /// C^(−1/2)·v = B·D⁻¹·Bᵀ·v.
  func inverseSqrtTimes(_ v: [Double]) -> [Double] {
    let n = dimension
    var t = [Double](repeating: 0, count: n)
    for k in 0..<n {
      var s = 0.0
      for i in 0..<n { s += eigenvectors[i, k] * v[i] }
      t[k] = s / scales[k]
    }
    var out = [Double](repeating: 0, count: n)
    for k in 0..<n where t[k] != 0 {
      for i in 0..<n { out[i] += eigenvectors[i, k] * t[k] }
    }
    return out
  }

  /// Takes one generation of exactly λ candidates and their values, lower being better.
  ///
  /// Candidates are ranked by value, NaN last and ties in the order given.
  /// - Throws: `.invalidArgument` for a wrong count or dimension; `.numeric` when the
  ///   updated covariance cannot be decomposed, in which case nothing changes.
  public mutating func tell(_ solutions: [(x: [Double], value: Double)]) throws(HoneError) {
    guard solutions.count == populationSize else {
      throw .invalidArgument("CMA-ES: a generation has \(populationSize) candidates, got \(solutions.count)")
    }
    guard solutions.allSatisfy({ $0.x.count == dimension && $0.x.allSatisfy(\.isFinite) }) else {
      throw .invalidArgument("CMA-ES: every candidate must have \(dimension) finite coordinates")
    }
    var next = self
    try next.update(solutions)
    self = next
  }

  private mutating func update(_ solutions: [(x: [Double], value: Double)]) throws(HoneError) {
    let n = dimension
    let dn = Double(n)
    let before = learningRates == nil ? nil : (mean: mean, sigma: sigma, covariance: covariance)
    generation += 1
    let ranked = solutions.indices.sorted { a, b in
      let (va, vb) = (solutions[a].value, solutions[b].value)
      if va.isNaN != vb.isNaN { return vb.isNaN }
      if !va.isNaN && va != vb { return va < vb }
      return a < b
    }
    let values = ranked.map { solutions[$0].value }.filter { !$0.isNaN }
    if let best = values.first, let worst = values.last {
      recentValues.append(contentsOf: [best, worst])
      if recentValues.count > 2 * valueHistoryLength { recentValues.removeFirst(recentValues.count - 2 * valueHistoryLength) }
    }
    let y = ranked.map { k in zip(solutions[k].x, mean).map { ($0 - $1) / sigma } }
    var yw = [Double](repeating: 0, count: n)
    for i in 0..<mu {
      for j in 0..<n { yw[j] += weights[i] * y[i][j] }
    }
    for j in 0..<n { mean[j] += sigma * yw[j] }

    let whitened = inverseSqrtTimes(yw)
    let sigmaFactor = (cSigma * (2 - cSigma) * muEff).squareRoot()
    for j in 0..<n { pathSigma[j] = (1 - cSigma) * pathSigma[j] + sigmaFactor * whitened[j] }
    let normSigma = pathSigma.map(square).reduce(0, +).squareRoot()
    sigma = min(sigma * exp(cSigma / dSigma * (normSigma / chiN - 1)), Self.sigmaMax)

    // The Heaviside h_σ stalls p_c while ‖p_σ‖ is large, i.e. while σ grows fast.
    let normalized = normSigma / (1 - pow(1 - cSigma, 2 * Double(generation + 1))).squareRoot()
    let hSigma: Double = normalized < (1.4 + 2 / (dn + 1)) * chiN ? 1 : 0
    let cFactor = (cc * (2 - cc) * muEff).squareRoot()
    for j in 0..<n { pathC[j] = (1 - cc) * pathC[j] + hSigma * cFactor * yw[j] }

    // Negative weights act on whitened lengths, so a bad step cannot shrink C without bound.
    let adjusted = (0..<populationSize).map { i -> Double in
      if weights[i] >= 0 { return weights[i] }
      let length = inverseSqrtTimes(y[i]).map(square).reduce(0, +)
      return weights[i] * dn / (length + Self.epsilon)
    }
    let deltaH = (1 - hSigma) * cc * (2 - cc)
    let decay = 1 + c1 * deltaH - c1 - cMu * weights.reduce(0, +)
    for j in 0..<n {
      for i in 0..<n {
        var rankMu = 0.0
        for k in 0..<populationSize { rankMu += adjusted[k] * y[k][i] * y[k][j] }
        covariance[i, j] = decay * covariance[i, j] + c1 * pathC[i] * pathC[j] + cMu * rankMu
      }
    }
    if separable {
      for j in 0..<n { for i in 0..<n where i != j { covariance[i, j] = 0 } }
    }
    if let before { try adaptLearningRates(from: before) }
    try decompose()
    if margin > 0 { correctMargin() }
  }

  /// LRA-CMA-ES: takes η_m of the mean's step and η_Σ of Σ's, after adapting both
  /// to the steps as seen in the coordinates of the distribution before them.
  ///
  /// Runs before `decompose`, so B and D still decompose the previous C and
  /// `inverseSqrtTimes` applies C_old^(−1/2).
  private mutating func adaptLearningRates(
    from old: (mean: [Double], sigma: Double, covariance: Matrix<Double>)
  ) throws(HoneError) {
    guard var rates = learningRates else { return }
    let n = dimension
    let (variance, oldVariance) = (sigma * sigma, old.sigma * old.sigma)
    let deltaMean = (0..<n).map { mean[$0] - old.mean[$0] }
    var deltaSigma = Matrix<Double>(rows: n, cols: n)
    for j in 0..<n {
      for i in 0..<n { deltaSigma[i, j] = variance * covariance[i, j] - oldVariance * old.covariance[i, j] }
    }
    // Σ_old^(−1/2) = C_old^(−1/2)/σ_old; W·ΔΣ·W column by column, then row by row (W is symmetric).
    let localMean = inverseSqrtTimes(deltaMean).map { $0 / old.sigma }
    var half = Matrix<Double>(rows: n, cols: n)
    for j in 0..<n {
      let column = inverseSqrtTimes((0..<n).map { deltaSigma[$0, j] })
      for i in 0..<n { half[i, j] = column[i] }
    }
    var localCovariance = [Double](repeating: 0, count: n * n)
    let scale = oldVariance * 2.0.squareRoot()
    for i in 0..<n {
      let row = inverseSqrtTimes((0..<n).map { half[i, $0] })
      for j in 0..<n { localCovariance[i * n + j] = row[j] / scale }
    }
    let etaMeanBefore = rates.etaMean
    rates.update(localMean: localMean, localCovariance: localCovariance)

    var adapted = Matrix<Double>(rows: n, cols: n)
    for j in 0..<n {
      for i in 0..<n { adapted[i, j] = oldVariance * old.covariance[i, j] + rates.etaSigma * deltaSigma[i, j] }
    }
    // A convex combination of two positive definite matrices: only rounding can break that.
    let (values, _) = try Matrix.syevd(adapted)
    guard values.allSatisfy({ $0 > 0 && $0.isFinite }) else {
      throw .numeric("CMA-ES: the learning-rate-adapted covariance is not positive definite")
    }
    // σ = det(Σ)^(1/2n), so that C = Σ/σ² has determinant 1, as the `cmaes` package splits Σ.
    let split = min(exp(values.map { log($0) }.reduce(0, +) / (2 * Double(n))), Self.sigmaMax)
    let splitVariance = split * split
    for j in 0..<n {
      for i in 0..<n { covariance[i, j] = adapted[i, j] / splitVariance }
    }
    mean = (0..<n).map { old.mean[$0] + rates.etaMean * deltaMean[$0] }
    // The step-size correction: η_m·σ, the scale of the mean's next step, is kept across η_m's change.
    sigma = split * etaMeanBefore / rates.etaMean
    learningRates = rates
  }
}

@inline(__always) private func square(_ x: Double) -> Double { x * x }
