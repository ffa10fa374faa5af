import Testing

@testable import Hone

/// One suite that every sampler must pass, as Optuna's sampler tests do.
///
/// Each case builds its sampler through `makeSampler` from the same JSON that C
/// and Python hosts send, so the suite also covers the options parsing. Every
/// test runs once per sampler, reported by the sampler's name.
@Suite struct SamplerSuiteTests {
  /// A sampler under test: its name in reports and its JSON spec.
  struct Spec: Sendable, CustomTestStringConvertible {
    var name: String
    var json: String
    /// Whether the sampler searches finite spaces only: its floats are then suggested with a step.
    var finite = false
    var testDescription: String { name }
  }

  /// Every sampler, with the parameters the suite suggests in its grid.
  static let specs: [Spec] = [
    Spec(name: "random", json: #"{"type": "random", "seed": 7}"#),
    Spec(name: "tpe", json: #"{"type": "tpe", "seed": 7, "options": {"n_startup_trials": 4}}"#),
    Spec(
      name: "tpe-independent",
      json: #"{"type": "tpe", "seed": 7, "options": {"n_startup_trials": 4, "multivariate": false}}"#),
    Spec(
      name: "tpe-group-no-liar",
      json: #"{"type": "tpe", "seed": 7, "options": {"n_startup_trials": 4, "group": true, "constant_liar": false}}"#),
    Spec(name: "qmc", json: #"{"type": "qmc", "seed": 7}"#),
    Spec(name: "qmc-unscrambled", json: #"{"type": "qmc", "seed": 7, "options": {"scramble": false}}"#),
    Spec(name: "gp", json: #"{"type": "gp", "seed": 7, "options": {"n_startup_trials": 4, "n_candidates": 256}}"#),
    Spec(
      name: "gp-rbf-ucb",
      json: #"{"type": "gp", "seed": 7, "options": {"n_startup_trials": 3, "kernel": "rbf", "acquisition": "ucb"}}"#),
    Spec(
      name: "gp-optuna-prior",
      json: #"{"type": "gp", "seed": 7, "options": {"n_startup_trials": 3, "lengthscale_prior": "optuna"}}"#),
    Spec(name: "cmaes", json: #"{"type": "cmaes", "seed": 7, "options": {"popsize": 4}}"#),
    Spec(name: "nsgaii", json: #"{"type": "nsgaii", "seed": 7, "options": {"population_size": 4}}"#),
    Spec(
      name: "nsgaii-sbx-polynomial",
      json: #"{"type": "nsgaii", "seed": 7, "options": {"population_size": 4, "crossover": "sbx", "mutation": "polynomial"}}"#),
    Spec(
      name: "nsgaii-undx",
      json: #"{"type": "nsgaii", "seed": 7, "options": {"population_size": 3, "crossover": "undx", "crossover_prob": 1}}"#),
    Spec(name: "nsgaiii", json: #"{"type": "nsgaiii", "seed": 7, "options": {"population_size": 4}}"#),
    Spec(
      name: "grid",
      json: #"""
        {"type": "grid", "seed": 7, "options": {"search_space": {
          "x": [-3, 0.5, 2], "lr": [0.001, 0.1], "n": [1, 3, 5], "k": [2, 4], "opt": ["adam", "sgd"],
          "q": [0.25, 0.75], "m": [1, 9]}}}
        """#),
    Spec(name: "brute_force", json: #"{"type": "brute_force", "seed": 7}"#, finite: true),
    Spec(
      name: "brute_force-avoid-premature-stop",
      json: #"{"type": "brute_force", "seed": 7, "options": {"avoid_premature_stop": true}}"#, finite: true),
    Spec(
      name: "partial_fixed-random",
      json: #"""
        {"type": "partial_fixed", "options": {"fixed_params": {"n": 3, "opt": "sgd"},
         "base_sampler": {"type": "random", "seed": 7}}}
        """#),
    Spec(
      name: "partial_fixed-qmc",
      json: #"""
        {"type": "partial_fixed", "options": {"fixed_params": {"k": 4, "q": 0.5},
         "base_sampler": {"type": "qmc", "seed": 7}}}
        """#),
  ]

  func makeStudy(_ spec: Spec, searchSpace: String? = nil) throws -> Study {
    var options = #"{"sampler": \#(spec.json)"#
    if let searchSpace { options += #", "search_space": \#(searchSpace)"# }
    return try Study(optionsJSON: options + "}")
  }

  /// Suggests one parameter of every kind and checks each lies in its domain.
  func suggestAll(_ study: Study, _ trial: Int, finite: Bool = false) throws -> [Double] {
    let x = try study.suggestFloat(trial: trial, "x", -3, 2, step: finite ? 0.5 : nil)
    let lr =
      finite
      ? try study.suggestFloat(trial: trial, "lr", 1e-3, 1e-1, step: 1e-3)
      : try study.suggestFloat(trial: trial, "lr", 1e-3, 1e-1, log: true)
    let n = try study.suggestInt(trial: trial, "n", 1, 5, step: 2)
    let k = try study.suggestInt(trial: trial, "k", 2, 4)
    let opt = try study.suggestCategorical(trial: trial, "opt", [.string("adam"), .string("sgd")])
    let q = try study.suggestFloat(trial: trial, "q", 0, 1, step: 0.25)
    let m = try study.suggestInt(trial: trial, "m", 1, 9, log: true)
    #expect((-3...2).contains(x))
    #expect((1e-3...1e-1).contains(lr))
    #expect([1, 3, 5].contains(n))
    #expect((2...4).contains(k))
    #expect([0, 1].contains(opt))
    #expect((q / 0.25).rounded() == q / 0.25)
    #expect((0...1).contains(q))
    #expect((1...9).contains(m))
    return [x, lr, Double(n), Double(k), Double(opt), q, Double(m)]
  }

  @Test(arguments: specs)
  func everySamplerRespectsDomains(_ spec: Spec) throws {
    let study = try makeStudy(spec)
    for i in 0..<24 {
      let t = try study.ask()
      let v = try suggestAll(study, t, finite: spec.finite)
      try study.tell(trial: t, values: [v[0] * v[0] + Double(i)])
    }
    #expect(try study.trials.filter { $0.state == .complete }.count == 24)
  }

  @Test(arguments: specs)
  func everySamplerIsReproducibleWithASeed(_ spec: Spec) throws {
    var runs: [[[Double]]] = []
    for _ in 0..<2 {
      let study = try makeStudy(spec)
      var run: [[Double]] = []
      for _ in 0..<12 {
        let t = try study.ask()
        let v = try suggestAll(study, t, finite: spec.finite)
        run.append(v)
        try study.tell(trial: t, values: [v[0]])
      }
      runs.append(run)
    }
    #expect(runs[0] == runs[1])
  }

  @Test(arguments: specs)
  func everySamplerSameValueForSameNameAndErrorForOtherKind(_ spec: Spec) throws {
    let study = try makeStudy(spec)
    let t = try study.ask()
    let step = spec.finite ? 0.5 : nil
    let a = try study.suggestFloat(trial: t, "x", -3, 2, step: step)
    #expect(try study.suggestFloat(trial: t, "x", -3, 2, step: step) == a)
    // Optuna's rule: other bounds of the same kind return the first value; another kind is an error.
    #expect(try study.suggestFloat(trial: t, "x", -3, 3, step: step) == a)
    let error = #expect(throws: HoneError.self) { try study.suggestCategorical(trial: t, "x", [.string("a"), .string("b")]) }
    guard case .invalidArgument(let m)? = error else {
      Issue.record("\(String(describing: error))")
      return
    }
    #expect(m.contains("'x'"), "\(m)")
  }

  @Test(arguments: specs)
  func everySamplerHandlesDefineAndRun(_ spec: Spec) throws {
    let space = #"""
      {"x": {"type": "float", "low": -3, "high": 2, "step": \#(spec.finite ? "0.5" : "null")}, "n": {"type": "int", "low": 1, "high": 5, "step": 2},
       "opt": {"type": "categorical", "choices": ["adam", "sgd"]}}
      """#
    let study = try makeStudy(spec, searchSpace: space)
    for _ in 0..<6 {
      let t = try study.ask()
      let fixed = try study.trial(t)
      #expect(fixed.params.map(\.name).sorted() == ["n", "opt", "x"])
      let x = try study.suggestFloat(trial: t, "x", -3, 2, step: spec.finite ? 0.5 : nil)
      #expect(x == fixed.param("x")?.value.double)
      try study.tell(trial: t, values: [1])
    }
  }

  @Test(arguments: specs)
  func everySamplerServesParallelAsksWithDistinctPoints(_ spec: Spec) throws {
    let study = try makeStudy(spec)
    // One told trial gives QMC its joint space; the rest are pending together.
    let first = try study.ask()
    _ = try suggestAll(study, first, finite: spec.finite)
    try study.tell(trial: first, values: [0])
    var points = Set<[Double]>()
    for _ in 0..<8 {
      points.insert(try suggestAll(study, try study.ask(), finite: spec.finite))
    }
    #expect(points.count == 8, "\(spec.name) gave duplicate points to pending trials")
  }

  @Test(arguments: specs.filter { $0.name != "grid" })
  func everySamplerSkipsSamplingForSingleValueDistributions(_ spec: Spec) throws {
    let study = try makeStudy(spec)
    let t = try study.ask()
    #expect(try study.suggestFloat(trial: t, "fixed", 1.5, 1.5) == 1.5)
    #expect(try study.suggestInt(trial: t, "one", 3, 3) == 3)
  }
}
