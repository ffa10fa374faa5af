/// Gaussian-process Bayesian optimization: a MAP-fitted GP surrogate and a log-EI acquisition.
///
/// The first `nStartupTrials` points come from scrambled Sobol. After that, each
/// relative sample fits a GP (Matérn-5/2 ARD by default) to the COMPLETE trials
/// of the joint space, warm-started from the previous fit, and maximizes the
/// acquisition over the space. Parameters outside the joint space (dynamic
/// spaces) are sampled at random.
///
/// The study's other RUNNING trials are pending evaluations, and parallel workers
/// should spread out around them. Under log EI the sampler proposes jointly with
/// them: their values are fantasized, 128 draws from the joint posterior per ask,
/// and the acquisition is the expected improvement a new point adds to that batch
/// (`GPBatchLogExpectedImprovement`, q-batch log EI taken one point at a time).
/// Under log PI and UCB, and with several objectives, they join the model as
/// Kriging-believer fantasies (the posterior mean believed at them).
///
/// A sampler's first fit has nothing to warm-start from; on a loaded study of
/// more than 256 trials it chooses the hyperparameters on a random 256 of them
/// and refines them on all (see `GaussianProcess.fit`), so a worker joining a
/// large study pays about one refit on its first ask, not a hundred.
///
/// Pruned and failed trials are left out of the model: a pruned trial's value was
/// measured at a lower fidelity and would bias the surrogate, as in Optuna.
/// Infinite values are clipped to the finite range seen. With several objectives,
/// each has a GP and the acquisition is log EHVI (`optimizeMultiObjective`). Once a COMPLETE
/// trial carries constraint values (Optuna 5's rule), each constraint is modeled
/// too (see `constraintModels`).
public final class GPSampler: Sampler, @unchecked Sendable {
  /// The acquisition function to maximize.
  public enum Acquisition: Sendable, Equatable {
    case logEI
    case logPI
    /// Upper confidence bound μ + √β·σ.
    case ucb(beta: Double)
  }

  /// β of `.ucb` when the sampler's options give none.
  public static let defaultUCBBeta = 2.0

  public let seed: UInt64
  public let kernel: GPKernelShape
  public let acquisition: Acquisition
  public let nStartupTrials: Int
  public let deterministicObjective: Bool
  /// The family of the prior on the kernel's lengthscales.
  public let lengthscalePrior: GPPrior.LengthscaleFamily
  public let optimizer: GPAcquisitionOptimizer
  /// How each fit chooses the hyperparameters; internal so tests can shrink the cold-fit subset before the first ask.
  var fitOptions: GPFitOptions
  public var name: String { "gp" }

  private let startup: QMCSampler
  let lock = Lock()
  /// The last fitted model of a joint space and what it was fitted on.
  struct Fit {
    /// Conditioned on the trials in `included`; appends grow it between fits.
    var model: GaussianProcess
    var scaling: TargetScaling
    /// The points the hyperparameters were fitted on.
    var observations: Int
    var included: Set<Int>
  }

  /// The last fit for each joint space, to warm-start or stand in for the next fit.
  var warmStarts: [String: Fit] = [:]
  /// The hyperparameters of the last fit of each constraint, by joint space, to warm-start the next.
  var constraintWarmStarts: [String: [GPHyperparameters]] = [:]
  /// Points proposed to trials that have not suggested them yet: pending evaluations
  /// the storage cannot show yet.
  private var proposals: [Int: (SearchSpace, [String: ParamValue])] = [:]

  /// Creates the sampler.
  ///
  /// - Parameters:
  ///   - nCandidates: the Sobol candidates scored before local optimization (≥ 1).
  ///   - nRestarts: the local optimizations of the acquisition (≥ 1).
  /// - Throws: `.invalidArgument` on a negative or zero count.
  public init(
    seed: UInt64? = nil, kernel: GPKernelShape = .matern52, acquisition: Acquisition = .logEI,
    nStartupTrials: Int = 10, deterministicObjective: Bool = false, nCandidates: Int = 1024,
    nRestarts: Int = 10, lengthscalePrior: GPPrior.LengthscaleFamily = .logNormal
  ) throws(HoneError) {
    guard nStartupTrials >= 0 else { throw .invalidArgument("gp sampler: n_startup_trials must be >= 0") }
    guard nCandidates >= 1 else { throw .invalidArgument("gp sampler: n_candidates must be >= 1") }
    guard nRestarts >= 1 else { throw .invalidArgument("gp sampler: n_restarts must be >= 1") }
    if case .ucb(let beta) = acquisition, !(beta >= 0 && beta.isFinite) {
      throw .invalidArgument("gp sampler: the UCB beta must be finite and >= 0, got \(beta)")
    }
    let seed = seed ?? entropySeed()
    self.seed = seed
    self.kernel = kernel
    self.acquisition = acquisition
    self.nStartupTrials = nStartupTrials
    self.deterministicObjective = deterministicObjective
    self.lengthscalePrior = lengthscalePrior
    self.optimizer = GPAcquisitionOptimizer(rawSamples: nCandidates, starts: nRestarts)
    self.fitOptions = GPFitOptions(
      shape: kernel, deterministic: deterministicObjective, prior: GPPrior(lengthscaleFamily: lengthscalePrior))
    self.startup = QMCSampler(seed: seed)
  }

  public func inferRelativeSearchSpace(
    _ history: StudyHistory, _ trial: FrozenTrial
  ) throws(HoneError) -> SearchSpace {
    let complete = try history.trials(in: [.complete])
    return SearchSpace.intersection(of: complete).multiValued
  }

  public func sampleRelative(
    _ history: StudyHistory, _ trial: FrozenTrial, _ space: SearchSpace
  ) throws(HoneError) -> [String: ParamValue] {
    if space.isEmpty { return [:] }
    let trials = try history.trials()
    if history.isMultiObjective {
      let pending = pendingPoints(trials, space: space, excluding: trial.number)
      let point: [String: ParamValue]
      if let proposed = try optimizeMultiObjective(
        space: space, trials: trials, pending: pending, directions: history.directions, trial: trial.number)
      {
        point = proposed
      } else {
        point = try startup.sampleRelative(history, trial, space)
      }
      lock.withLock { proposals[trial.number] = (space, point) }
      return point
    }
    // One dictionary per trial: `FrozenTrial.param` scans the trial's list, which
    // would make reading n trials O(n·d²).
    let observed = trials.compactMap { t -> Observation? in
      guard t.state == .complete, let value = t.value else { return nil }
      let params = Self.paramsByName(t)
      guard space.names.allSatisfy({ params[$0] != nil }) else { return nil }
      return Observation(
        number: t.number, value: value, params: params.mapValues(\.value), constraints: t.constraints)
    }
    let point: [String: ParamValue]
    if observed.count < max(nStartupTrials, 1) {
      point = try startup.sampleRelative(history, trial, space)
    } else {
      point = try optimize(
        space: space, observed: observed, pending: pendingPoints(trials, space: space, excluding: trial.number),
        maximize: history.directions[0] == .maximize, trial: trial.number)
    }
    lock.withLock { proposals[trial.number] = (space, point) }
    return point
  }

  public func sampleIndependent(
    _ history: StudyHistory, _ trial: FrozenTrial, name: String, distribution: Distribution
  ) throws(HoneError) -> ParamValue {
    RandomSampler.draw(distribution, seed: seed, trial: trial.number, name: name)
  }

  public func afterTrial(
    _ history: StudyHistory, _ trial: FrozenTrial, state: TrialState, values: [Double]?
  ) {
    lock.withLock { proposals[trial.number] = nil }
  }

  /// The unit-space points of the other RUNNING trials: their suggested values where
  /// they have them, else what this sampler proposed to them.
  private func pendingPoints(
    _ trials: [FrozenTrial], space: SearchSpace, excluding current: Int
  ) -> [[String: ParamValue]] {
    let proposed = lock.withLock { proposals }
    var pending: [[String: ParamValue]] = []
    for t in trials where t.state == .running && t.number != current {
      var point = proposed[t.number].flatMap { $0.0 == space ? $0.1 : nil } ?? [:]
      let params = Self.paramsByName(t)
      for (name, distribution) in zip(space.names, space.distributions) {
        if let p = params[name], p.distribution == distribution { point[name] = p.value }
      }
      if point.count == space.count { pending.append(point) }
    }
    return pending
  }

  /// A COMPLETE single-objective trial that has every parameter of the joint space.
  struct Observation {
    var number: Int
    /// The objective value, possibly NaN or infinite.
    var value: Double
    /// The internal value of each parameter by name.
    var params: [String: ParamValue]
    /// The constraint values, when the trial has them.
    var constraints: [Double]?
  }

  /// The trial's parameters by name; the first of a repeated name wins, as in `FrozenTrial.param`.
  static func paramsByName(_ t: FrozenTrial) -> [String: Param] {
    Dictionary(t.params.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
  }
}
