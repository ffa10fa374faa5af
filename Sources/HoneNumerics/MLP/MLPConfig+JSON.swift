/// Parsing of the MLP configuration from one JSON object.
///
/// Example: `{"task": "multiclass", "hidden_layers": [128, 64], "optimizer": "adamw",
/// "schedule": {"type": "cosine", "period": 10}, "dropout": 0.1}`. Absent or null
/// keys keep their defaults; an unknown key or a bad value throws naming it.
extension MLPConfig {
  static let jsonKeys: Set<String> = [
    "task", "loss", "hidden_layers", "activation", "init", "optimizer", "learning_rate", "batch_size",
    "epochs", "weight_decay", "l1", "l2", "dropout", "momentum", "beta1", "beta2", "epsilon", "schedule",
    "warmup_epochs", "early_stopping_patience", "min_delta", "validation_fraction", "standardize", "seed",
    "threads", "metric", "gradient_clip", "hypergradient_lr", "huber_delta", "time_budget",
  ]

  /// Parses JSON text; see `init(json:)`.
  public init(jsonText: String) throws(HoneError) {
    try self.init(json: try JSON.parse(jsonText))
  }

  /// Reads the configuration from a JSON object and validates it.
  public init(json: JSON) throws(HoneError) {
    guard case .object(let members) = json else {
      throw .invalidArgument("mlp config: must be an object, not \(json.typeName)")
    }
    let r = JSONObjectReader(members, context: "mlp config")
    try r.allowOnly(Self.jsonKeys)
    self.init()
    if let v = try r.optionalString("task") { task = try Self.named(v, "task") }
    if let v = try r.optionalString("loss") { loss = try Self.named(v, "loss") }
    if let v = r["hidden_layers"], v != .null { hiddenLayers = try Self.intArray(v, "hidden_layers") }
    switch r["activation"] {
    case nil, .null?: break
    case .string(let v)?: activation = try Self.named(v, "activation")
    case .array(let items)?:
      var names: [MLPActivation] = []
      for item in items {
        guard let v = item.stringValue else {
          throw .invalidArgument("mlp config: 'activation' must be a name or an array of names")
        }
        names.append(try Self.named(v, "activation"))
      }
      layerActivations = names
    case let other?:
      throw .invalidArgument("mlp config: 'activation' must be a name or an array of names, not \(other.typeName)")
    }
    if let v = try r.optionalString("init") { initialization = try Self.named(v, "init") }
    if let v = try r.optionalString("optimizer") { optimizer = try Self.named(v, "optimizer") }
    if let v = try r.optionalNumber("learning_rate") { learningRate = v }
    if let v = try r.optionalInt64("batch_size") { batchSize = Int(clamping: v) }
    if let v = try r.optionalInt64("epochs") { epochs = Int(clamping: v) }
    if let v = try r.optionalNumber("weight_decay") { weightDecay = v }
    if let v = try r.optionalNumber("l1") { l1 = v }
    if let v = try r.optionalNumber("l2") { l2 = v }
    if let v = r["dropout"], v != .null { dropout = try Self.numberOrArray(v, "dropout") }
    if let v = try r.optionalNumber("momentum") { momentum = v }
    if let v = try r.optionalNumber("beta1") { beta1 = v }
    if let v = try r.optionalNumber("beta2") { beta2 = v }
    if let v = try r.optionalNumber("epsilon") { epsilon = v }
    if let v = r["schedule"], v != .null { schedule = try Self.schedule(v) }
    if let v = try r.optionalInt64("warmup_epochs") { warmupEpochs = Int(clamping: v) }
    if let v = try r.optionalInt64("early_stopping_patience") { earlyStoppingPatience = Int(clamping: v) }
    if let v = try r.optionalNumber("min_delta") { minDelta = v }
    if let v = try r.optionalNumber("validation_fraction") { validationFraction = v }
    if let v = try r.optionalBool("standardize") { standardize = v }
    if let v = try r.optionalSeed("seed") { seed = v }
    if let v = try r.optionalInt64("threads") { threads = Int(clamping: v) }
    if let v = try r.optionalString("metric") { metric = try Self.named(v, "metric") }
    if let v = try r.optionalNumber("gradient_clip") { gradientClip = v }
    if let v = try r.optionalNumber("hypergradient_lr") { hypergradientLR = v }
    if let v = try r.optionalNumber("huber_delta") { huberDelta = v }
    if let v = try r.optionalNumber("time_budget") { timeBudget = v }
    try validate()
  }

  static func named<T: RawRepresentable & CaseIterable>(_ value: String, _ key: String) throws(HoneError) -> T
  where T.RawValue == String {
    guard let t = T(rawValue: value) else {
      let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
      throw .invalidArgument("mlp config: '\(key)' has unknown value '\(value)' (allowed: \(allowed))")
    }
    return t
  }

  static func intArray(_ v: JSON, _ key: String) throws(HoneError) -> [Int] {
    guard case .array(let items) = v else {
      throw .invalidArgument("mlp config: '\(key)' must be an array of integers")
    }
    var out: [Int] = []
    for item in items {
      guard let x = item.numberValue, x == x.rounded(), let i = Int(exactly: x) else {
        throw .invalidArgument("mlp config: '\(key)' must hold integers, got \(item.text)")
      }
      out.append(i)
    }
    return out
  }

  static func numberOrArray(_ v: JSON, _ key: String) throws(HoneError) -> [Double] {
    if let x = v.numberValue { return [x] }
    guard case .array(let items) = v, !items.isEmpty else {
      throw .invalidArgument("mlp config: '\(key)' must be a number or a non-empty array of numbers")
    }
    var out: [Double] = []
    for item in items {
      guard let x = item.numberValue else {
        throw .invalidArgument("mlp config: '\(key)' must hold numbers, got \(item.text)")
      }
      out.append(x)
    }
    return out
  }

  /// A schedule from a name (`"cosine"`, defaults) or an object `{"type": …, parameters…}`.
  static func schedule(_ v: JSON) throws(HoneError) -> MLPSchedule {
    let members: [(String, JSON)]
    switch v {
    case .string(let s): members = [("type", .string(s))]
    case .object(let m): members = m
    default: throw .invalidArgument("mlp config: 'schedule' must be a string or an object, not \(v.typeName)")
    }
    let r = JSONObjectReader(members, context: "mlp config: schedule")
    let type = try r.string("type")
    switch type {
    case "constant":
      try r.allowOnly(["type"])
      return .constant
    case "step":
      try r.allowOnly(["type", "step_epochs", "gamma"])
      return .step(
        stepEpochs: Int(clamping: try r.optionalInt64("step_epochs") ?? 10), gamma: try r.optionalNumber("gamma") ?? 0.1
      )
    case "exponential":
      try r.allowOnly(["type", "gamma"])
      return .exponential(gamma: try r.optionalNumber("gamma") ?? 0.95)
    case "cosine":
      try r.allowOnly(["type", "period", "period_multiplier", "min_factor"])
      return .cosine(
        period: try r.optionalNumber("period") ?? 10, periodMultiplier: try r.optionalNumber("period_multiplier") ?? 1,
        minFactor: try r.optionalNumber("min_factor") ?? 0)
    case "triangular", "triangular2":
      try r.allowOnly(["type", "half_period", "max_factor"])
      return .cyclic(
        halfPeriod: try r.optionalNumber("half_period") ?? 4, maxFactor: try r.optionalNumber("max_factor") ?? 10,
        halving: type == "triangular2")
    case "one_cycle":
      try r.allowOnly(["type", "max_factor", "pct_start", "div_factor", "final_div_factor"])
      return .oneCycle(
        maxFactor: try r.optionalNumber("max_factor") ?? 1, pctStart: try r.optionalNumber("pct_start") ?? 0.3,
        divFactor: try r.optionalNumber("div_factor") ?? 25,
        finalDivFactor: try r.optionalNumber("final_div_factor") ?? 1e4)
    default:
      throw .invalidArgument(
        "mlp config: 'schedule' has unknown type '\(type)' "
          + "(constant, step, exponential, cosine, triangular, triangular2, one_cycle)")
    }
  }
}
