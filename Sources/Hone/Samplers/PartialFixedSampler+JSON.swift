/// The partial-fixed sampler's options in a sampler spec:
/// `{"fixed_params": {"x": 1}, "base_sampler": {...a sampler spec...}}`, both required.
extension PartialFixedSampler {
  /// A sampler from the `options` of its spec; the seed belongs to the base sampler.
  convenience init(options: JSONObjectReader, seed: UInt64?) throws(HoneError) {
    try options.allowOnly(["fixed_params", "base_sampler"])
    guard seed == nil else {
      throw .invalidArgument("partial_fixed sampler: 'seed' belongs to its base_sampler")
    }
    guard let fixedParams = try options.optionalObject("fixed_params") else {
      throw .invalidArgument("\(options.context): 'fixed_params' is required")
    }
    guard let baseJSON = options["base_sampler"], baseJSON != .null else {
      throw .invalidArgument("\(options.context): 'base_sampler' is required")
    }
    guard case .object = baseJSON else {
      throw .invalidArgument("\(options.context): 'base_sampler' must be an object, not \(baseJSON.typeName)")
    }
    let baseSeed = baseJSON["seed"]?.integerValue.flatMap { UInt64(exactly: $0) }
    try self.init(fixedParams: fixedParams, base: try makeSampler(baseJSON), baseSpecSeed: baseSeed)
  }

  /// The options of its spec, the base sampler's written out; nil when the base has no spec.
  var specOptions: [(String, JSON)]? {
    samplerSpec(base, seed: baseSpecSeed).map { [("fixed_params", .object(fixedParams)), ("base_sampler", $0)] }
  }
}
