extension NSGAIISampler {
  /// The option keys of the `"nsgaii"` sampler spec, Optuna's argument names;
  static let optionKeys: Set<String> = [
    "population_size", "mutation", "mutation_prob", "crossover", "crossover_prob", "swapping_prob",
  ]

  /// The sampler of an `"nsgaii"` spec's options; absent options take Optuna's defaults.
  ///
  /// `crossover` is null (uniform with `swapping_prob`), an operator's name
  /// (`uniform`, `blxalpha`, `sbx`, `spx`, `undx`, `vsbx`) with Optuna's defaults,
  /// or an object naming it in `type` with its parameters (`swapping_prob`; `alpha`;
  /// `eta`, `uniform_crossover_prob`, `use_child_gene_prob`; `epsilon`; `sigma_xi`,
  /// `sigma_eta`). `mutation` is null (resample at random), `"polynomial"` or
  /// `{"type": "polynomial", "eta": 20}`. The strategy hooks are Swift closures and
  /// have no option: the built-in strategies are the only ones a spec can choose.
  static func make(_ options: JSONObjectReader, seed: UInt64?) throws(HoneError) -> NSGAIISampler {
    try options.allowOnly(optionKeys)
    let s = try Settings(options, context: "nsgaii sampler options")
    return try NSGAIISampler(
      populationSize: s.populationSize, mutation: s.mutation, mutationProb: s.mutationProb, crossover: s.crossover,
      crossoverProb: s.crossoverProb, swappingProb: s.swappingProb, seed: seed)
  }

  /// The options both NSGA samplers share, read from a spec.
  struct Settings {
    var populationSize: Int
    var mutation: Mutation?
    var mutationProb: Double?
    var crossover: Crossover
    var crossoverProb: Double
    var swappingProb: Double

    init(_ options: JSONObjectReader, context: String) throws(HoneError) {
      let size = try options.optionalInt64("population_size") ?? 50
      guard let n = Int(exactly: size), n >= 2, n <= 1 << 20 else {
        throw .invalidArgument("\(context): 'population_size' must be between 2 and 2^20, got \(size)")
      }
      populationSize = n
      mutationProb = try options.optionalNumber("mutation_prob")
      crossoverProb = try options.optionalNumber("crossover_prob") ?? 0.9
      swappingProb = try options.optionalNumber("swapping_prob") ?? 0.5
      crossover = try Crossover.make(options["crossover"], swappingProb: swappingProb, context: context)
      mutation = try Mutation.make(options["mutation"], context: context)
    }
  }

  /// The options of this sampler's spec, every one written out; nil when a strategy hook is set.
  var specOptions: [(String, JSON)]? {
    guard elitePopulationSelection == nil, childGeneration == nil else { return nil }
    return [
      ("population_size", .int(populationSize)), ("mutation", mutation?.spec ?? .null),
      ("mutation_prob", mutationProb.map { .number($0) } ?? .null), ("crossover", crossover.spec),
      ("crossover_prob", .number(crossoverProb)), ("swapping_prob", .number(swappingProb)),
    ]
  }
}

extension NSGAIIISampler {
  /// The option keys of the `"nsgaiii"` sampler spec: NSGA-II's and the reference points.
  static let optionKeys = NSGAIISampler.optionKeys.union(["reference_points", "dividing_parameter"])

  /// The sampler of an `"nsgaiii"` spec's options: `NSGAIISampler.make`'s, with
  /// `reference_points` (null, or an array of points, each an array of numbers) and
  /// `dividing_parameter` (3).
  static func make(_ options: JSONObjectReader, seed: UInt64?) throws(HoneError) -> NSGAIIISampler {
    try options.allowOnly(optionKeys)
    let context = "nsgaiii sampler options"
    let s = try NSGAIISampler.Settings(options, context: context)
    let p = try options.optionalInt64("dividing_parameter") ?? 3
    guard let divisions = Int(exactly: p), divisions >= 1, divisions <= 1 << 20 else {
      throw .invalidArgument("\(context): 'dividing_parameter' must be between 1 and 2^20, got \(p)")
    }
    var points: [[Double]]?
    if let v = options["reference_points"], v != .null {
      guard case .array(let rows) = v else {
        throw .invalidArgument("\(context): 'reference_points' must be an array of points, not \(v.typeName)")
      }
      points = []
      for row in rows {
        let bad = HoneError.invalidArgument("\(context): each reference point must be an array of numbers")
        guard case .array(let items) = row else { throw bad }
        let point = items.compactMap(\.numberValue)
        guard point.count == items.count else { throw bad }
        points?.append(point)
      }
    }
    return try NSGAIIISampler(
      populationSize: s.populationSize, mutation: s.mutation, mutationProb: s.mutationProb, crossover: s.crossover,
      crossoverProb: s.crossoverProb, swappingProb: s.swappingProb, seed: seed,
      referencePoints: points, dividingParameter: divisions)
  }

  /// The options of this sampler's spec, every one written out; nil when a strategy hook is set.
  var specOptions: [(String, JSON)]? {
    guard var options = core.specOptions else { return nil }
    options.append(("reference_points", referencePoints.map { .array($0.map { .array($0.map { .number($0) }) }) } ?? .null))
    options.append(("dividing_parameter", .int(dividingParameter)))
    return options
  }
}

extension NSGAIISampler {
  /// An operator's type and parameters from its spec: a name alone, or an object with `type` and parameters.
  static func operatorSpec(
    _ json: JSON, _ what: String, context: String
  ) throws(HoneError) -> (type: String, members: [(String, JSON)]) {
    switch json {
    case .string(let s): return (s, [])
    case .object(let m): return (try JSONObjectReader(m, context: "\(context): \(what)").string("type"), m)
    default: throw .invalidArgument("\(context): '\(what)' must be a name or an object, not \(json.typeName)")
    }
  }
}

extension NSGAIISampler.Crossover {
  /// The operator of a spec's `crossover`: null, a name, or an object with `type` and parameters.
  static func make(_ json: JSON?, swappingProb: Double, context: String) throws(HoneError) -> Self {
    guard let json, json != .null else { return .uniform(swappingProb: swappingProb) }
    let names = "uniform, blxalpha, sbx, spx, undx, vsbx"
    let (type, members) = try NSGAIISampler.operatorSpec(json, "crossover", context: context)
    let r = JSONObjectReader(members, context: "\(context): \(type) crossover")
    func number(_ key: String, _ fallback: Double) throws(HoneError) -> Double { try r.optionalNumber(key) ?? fallback }
    switch type {
    case "uniform":
      try r.allowOnly(["type", "swapping_prob"])
      return .uniform(swappingProb: try number("swapping_prob", swappingProb))
    case "blxalpha":
      try r.allowOnly(["type", "alpha"])
      return .blxAlpha(alpha: try number("alpha", 0.5))
    case "sbx", "vsbx":
      try r.allowOnly(["type", "eta", "uniform_crossover_prob", "use_child_gene_prob"])
      let (eta, u, g) = (
        try r.optionalNumber("eta"), try number("uniform_crossover_prob", 0.5), try number("use_child_gene_prob", 0.5)
      )
      return type == "sbx"
        ? .sbx(eta: eta, uniformCrossoverProb: u, useChildGeneProb: g)
        : .vsbx(eta: eta, uniformCrossoverProb: u, useChildGeneProb: g)
    case "spx":
      try r.allowOnly(["type", "epsilon"])
      return .spx(epsilon: try r.optionalNumber("epsilon"))
    case "undx":
      try r.allowOnly(["type", "sigma_xi", "sigma_eta"])
      return .undx(sigmaXi: try number("sigma_xi", 0.5), sigmaEta: try r.optionalNumber("sigma_eta"))
    default:
      throw .invalidArgument("\(context): unknown crossover '\(type)' (\(names))")
    }
  }

  /// The operator as a spec writes it: an object with its type and every parameter.
  var spec: JSON {
    let optional = { (x: Double?) -> JSON in x.map { .number($0) } ?? .null }
    var members: [(String, JSON)] = [("type", .string(optionName))]
    switch self {
    case .uniform(let p): members.append(("swapping_prob", .number(p)))
    case .blxAlpha(let a): members.append(("alpha", .number(a)))
    case .sbx(let eta, let u, let g), .vsbx(let eta, let u, let g):
      members += [("eta", optional(eta)), ("uniform_crossover_prob", .number(u)), ("use_child_gene_prob", .number(g))]
    case .spx(let e): members.append(("epsilon", optional(e)))
    case .undx(let xi, let eta): members += [("sigma_xi", .number(xi)), ("sigma_eta", optional(eta))]
    }
    return .object(members)
  }
}

extension NSGAIISampler.Mutation {
  /// The mutation of a spec's `mutation`: null for none, `"polynomial"`, or an object with `type` and `eta`.
  static func make(_ json: JSON?, context: String) throws(HoneError) -> Self? {
    guard let json, json != .null else { return nil }
    let (type, members) = try NSGAIISampler.operatorSpec(json, "mutation", context: context)
    guard type == "polynomial" else { throw .invalidArgument("\(context): unknown mutation '\(type)' (polynomial)") }
    let r = JSONObjectReader(members, context: "\(context): polynomial mutation")
    try r.allowOnly(["type", "eta"])
    return .polynomial(eta: try r.optionalNumber("eta") ?? 20)
  }

  /// The mutation as a spec writes it.
  var spec: JSON {
    switch self {
    case .polynomial(let eta): return .object([("type", .string("polynomial")), ("eta", .number(eta))])
    }
  }
}
