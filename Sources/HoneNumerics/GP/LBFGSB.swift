/// Minimizes a smooth function over a box l ≤ x ≤ u with L-BFGS-B.
///
/// Each iteration follows Byrd, Lu, Nocedal & Zhu 1995 ("A limited memory
/// algorithm for bound constrained optimization"), with the projection step
/// of Morales & Nocedal 2011: it finds the generalized Cauchy point of the
/// limited-memory quadratic model along the projected steepest-descent path,
/// minimizes the model over the variables still free there, and searches along
/// the resulting direction with the Moré–Thuente line search. Bounds may be
/// infinite; a variable with equal bounds is held fixed.
///
/// The minimizer talks by reverse communication: `point` is where the
/// objective must be evaluated next, and `tell(value:gradient:)` hands back the
/// value and gradient there, until `termination` is set. Callers can therefore
/// run many minimizations in lockstep and evaluate all their points in one
/// batch; `minimize` is the plain loop for a single closure. A non-finite
/// value or gradient during a line search makes it back off, so an objective
/// may return +∞ where it is undefined.
public struct LBFGSB: Sendable {
  /// Stopping rules and the memory size.
  public struct Options: Sendable, Equatable {
    /// The number of correction pairs kept (scipy's `maxcor`).
    public var memory: Int
    /// The most iterations, each ending in an accepted step.
    public var maxIterations: Int
    /// The most objective evaluations, line-search trials included.
    public var maxEvaluations: Int
    /// Stop when max |P(x − g) − x| ≤ this, P the projection onto the box (scipy's `pgtol`).
    public var gradientTolerance: Double
    /// Stop when (f_old − f)/max(|f_old|, |f|, 1) ≤ this (scipy's `factr`·ε).
    public var relativeReduction: Double

    /// Creates options; the defaults are scipy's except for the iteration limits.
    public init(
      memory: Int = 10, maxIterations: Int = 1000, maxEvaluations: Int = 2000,
      gradientTolerance: Double = 1e-5, relativeReduction: Double = 1e7 * .ulpOfOne
    ) {
      self.memory = memory
      self.maxIterations = maxIterations
      self.maxEvaluations = maxEvaluations
      self.gradientTolerance = gradientTolerance
      self.relativeReduction = relativeReduction
    }
  }

  /// Why the minimization stopped.
  public enum Termination: Sendable, Equatable {
    /// The projected gradient is within `gradientTolerance`.
    case projectedGradient
    /// The last step reduced the objective by no more than `relativeReduction`.
    case relativeReduction
    /// `maxIterations` iterations were taken.
    case iterationLimit
    /// `maxEvaluations` evaluations were spent.
    case evaluationLimit
    /// Even a steepest-descent step found no decrease.
    case lineSearchFailure
    /// The objective or its gradient was not finite at the start.
    case nonFiniteStart
  }

  /// The lower bounds, −∞ where there is none.
  public let lower: [Double]
  /// The upper bounds, +∞ where there is none.
  public let upper: [Double]
  /// The stopping rules in force.
  public let options: Options
  /// Where the objective must be evaluated next; meaningful while `termination` is nil.
  public private(set) var point: [Double]
  /// Why the minimization stopped, or nil while it runs.
  public private(set) var termination: Termination?
  /// The current iterate, the best accepted point.
  public private(set) var solution: [Double]
  /// The objective at `solution` (+∞ before the first evaluation).
  public private(set) var value = Double.infinity
  /// The gradient at `solution`.
  public private(set) var gradient: [Double]
  /// The iterations completed.
  public private(set) var iterations = 0
  /// The evaluations received.
  public private(set) var evaluations = 0

  /// The most evaluations one line search may take, as in L-BFGS-B.
  static let maxLineEvaluations = 20

  var memory: LimitedMemoryBFGS
  private let isConstrained: Bool
  private let isBoxed: Bool
  private var search: MoreThuente?
  private var direction: [Double] = []
  private var lineEvaluations = 0

  /// Prepares a minimization from `start`, projected into the box.
  ///
  /// Throws `invalidArgument` when the lengths differ, the start is not finite,
  /// a bound is NaN, a lower bound exceeds its upper bound or is +∞ (or an
  /// upper bound −∞), or an option is out of range.
  public init(start: [Double], lower: [Double], upper: [Double], options: Options = Options()) throws(HoneError) {
    let n = start.count
    guard lower.count == n, upper.count == n else {
      throw .invalidArgument("LBFGSB: start has \(n) entries, lower \(lower.count), upper \(upper.count)")
    }
    guard start.allSatisfy(\.isFinite) else {
      throw .invalidArgument("LBFGSB: the start must be finite")
    }
    for i in 0..<n where !(lower[i] <= upper[i] && lower[i] < .infinity && upper[i] > -.infinity) {
      throw .invalidArgument("LBFGSB: the bounds [\(lower[i]), \(upper[i])] of variable \(i) are empty")
    }
    guard options.memory >= 1, options.maxIterations >= 0, options.maxEvaluations >= 1,
      options.gradientTolerance >= 0, options.relativeReduction >= 0
    else {
      throw .invalidArgument("LBFGSB: invalid options \(options)")
    }
    self.lower = lower
    self.upper = upper
    self.options = options
    point = (0..<n).map { min(max(start[$0], lower[$0]), upper[$0]) }
    solution = point
    gradient = [Double](repeating: 0, count: n)
    memory = LimitedMemoryBFGS(capacity: options.memory, dimension: n)
    isConstrained = (0..<n).contains { lower[$0] > -.infinity || upper[$0] < .infinity }
    isBoxed = (0..<n).allSatisfy { lower[$0] > -.infinity && upper[$0] < .infinity }
  }

  /// Minimizes `objective`, which returns f(x) and writes ∇f(x) into its second argument, from `start`.
  ///
  /// Returns the finished minimizer: `solution`, `value`, `termination` and
  /// the counters. Throws what `init` or `objective` throws.
  public static func minimize(
    start: [Double], lower: [Double], upper: [Double], options: Options = Options(),
    _ objective: (_ x: [Double], _ gradient: inout [Double]) throws(HoneError) -> Double
  ) throws(HoneError) -> LBFGSB {
    var solver = try LBFGSB(start: start, lower: lower, upper: upper, options: options)
    var g = [Double](repeating: 0, count: start.count)
    while solver.termination == nil {
      let f = try objective(solver.point, &g)
      try solver.tell(value: f, gradient: g)
    }
    return solver
  }

  /// Takes the objective's value and gradient at `point` and moves on.
  ///
  /// Throws `invalidArgument` when the gradient has the wrong length and
  /// `state` when the minimization has already terminated.
  public mutating func tell(value f: Double, gradient g: [Double]) throws(HoneError) {
    guard termination == nil else {
      throw .state("LBFGSB.tell: the minimization has already terminated (\(String(describing: termination)))")
    }
    guard g.count == point.count else {
      throw .invalidArgument("LBFGSB.tell: the gradient has \(g.count) entries, expected \(point.count)")
    }
    evaluations += 1
    let isFinite = f.isFinite && g.allSatisfy(\.isFinite)
    guard var line = search else {
      guard isFinite else {
        termination = .nonFiniteStart
        return
      }
      (solution, value, gradient) = (point, f, g)
      if projectedGradientNorm() <= options.gradientTolerance {
        termination = .projectedGradient
      } else if options.maxIterations == 0 {
        termination = .iterationLimit
      } else if evaluations >= options.maxEvaluations {
        termination = .evaluationLimit
      } else {
        startIteration()
      }
      return
    }

    lineEvaluations += 1
    let outOfBudget = evaluations >= options.maxEvaluations
    if !isFinite {
      if outOfBudget {
        termination = .evaluationLimit
        return
      }
      if lineEvaluations >= Self.maxLineEvaluations { return abandonSearch() }
      line.retreat()
      search = line
      point = trial(line.step)
      return
    }
    switch line.next(value: f, slope: Self.dot(g, direction)) {
    case .evaluate(let step) where !outOfBudget && lineEvaluations < Self.maxLineEvaluations:
      search = line
      point = trial(step)
    case .evaluate:
      if f < value {
        accept(value: f, gradient: g)
      } else if outOfBudget {
        termination = .evaluationLimit
      } else {
        abandonSearch()
      }
    case .finished where f < value:
      accept(value: f, gradient: g)
    case .finished:
      // The search ended without a decrease: as in L-BFGS-B this counts as no
      // relative reduction, but the better previous iterate is kept.
      search = nil
      termination = .relativeReduction
    }
  }

  /// Moves to `point` after a successful line search, updates the memory and checks the stopping rules.
  private mutating func accept(value f: Double, gradient g: [Double]) {
    search = nil
    let n = point.count
    let step = (0..<n).map { point[$0] - solution[$0] }
    let change = (0..<n).map { g[$0] - gradient[$0] }
    // L-BFGS-B skips pairs whose curvature sᵀy is not safely positive; B stays positive definite.
    if Self.dot(step, change) > .ulpOfOne * -Self.dot(gradient, step) {
      memory.append(step: step, change: change)
    }
    let previous = value
    (solution, value, gradient) = (point, f, g)
    iterations += 1
    if projectedGradientNorm() <= options.gradientTolerance {
      termination = .projectedGradient
    } else if previous - f <= options.relativeReduction * max(abs(previous), abs(f), 1) {
      termination = .relativeReduction
    } else if iterations >= options.maxIterations {
      termination = .iterationLimit
    } else if evaluations >= options.maxEvaluations {
      termination = .evaluationLimit
    } else {
      startIteration()
    }
  }

  /// Gives up a line search that ran out of evaluations: retries along steepest descent once, as L-BFGS-B does.
  private mutating func abandonSearch() {
    search = nil
    if evaluations >= options.maxEvaluations {
      termination = .evaluationLimit
    } else if memory.count > 0 {
      memory.reset()
      startIteration()
    } else {
      termination = .lineSearchFailure
    }
  }

  /// Computes the search direction from `solution` and starts its line search.
  private mutating func startIteration() {
    let n = solution.count
    let target = quasiNewtonTarget()
    direction = (0..<n).map { target[$0] - solution[$0] }
    let slope = Self.dot(gradient, direction)
    guard slope < 0, direction.allSatisfy(\.isFinite) else {
      // Only a stale memory can make the model's minimizer uphill; the projected
      // steepest-descent target is downhill unless x is stationary.
      if memory.count > 0 {
        memory.reset()
        return startIteration()
      }
      termination = direction.allSatisfy { $0 == 0 } ? .projectedGradient : .lineSearchFailure
      return
    }
    var stepMax = Double.greatestFiniteMagnitude
    if isConstrained {
      stepMax = iterations == 0 ? 1 : max(1, feasibleStepLimit())
    }
    let norm = Self.dot(direction, direction).squareRoot()
    let step = iterations == 0 && !isBoxed ? min(1 / norm, stepMax) : 1
    search = MoreThuente(value: value, slope: slope, step: step, stepMax: stepMax)
    lineEvaluations = 0
    point = trial(step)
  }

  /// The largest step along `direction` from `solution` that stays in the box.
  private func feasibleStepLimit() -> Double {
    var limit = Double.greatestFiniteMagnitude
    for i in solution.indices {
      let d = direction[i]
      if d < 0 && lower[i] > -.infinity {
        let gap = lower[i] - solution[i]
        limit = min(limit, gap >= 0 ? 0 : gap / d)
      } else if d > 0 && upper[i] < .infinity {
        let gap = upper[i] - solution[i]
        limit = min(limit, gap <= 0 ? 0 : gap / d)
      }
    }
    return limit
  }

  /// solution + step·direction, clamped into the box against rounding.
  private func trial(_ step: Double) -> [Double] {
    solution.indices.map { min(max(solution[$0] + step * direction[$0], lower[$0]), upper[$0]) }
  }

  /// max |P(x − g) − x|, the size of the projected gradient at `solution`.
  func projectedGradientNorm() -> Double {
    var norm = 0.0
    for i in solution.indices {
      let projected = min(max(solution[i] - gradient[i], lower[i]), upper[i])
      norm = max(norm, abs(projected - solution[i]))
    }
    return norm
  }
}
