/// The brute-force sampler's options in a sampler spec: `{"avoid_premature_stop": false}`.
extension BruteForceSampler {
  /// A sampler from the `options` of its spec; an unknown option is an error that names it.
  convenience init(options: JSONObjectReader, seed: UInt64?) throws(HoneError) {
    try options.allowOnly(["avoid_premature_stop"])
    self.init(
      seed: seed,
      avoidPrematureStop: try options.optionalBool("avoid_premature_stop") ?? BruteForceSampler(seed: 0).avoidPrematureStop)
  }

  /// The options of its spec, every default written out.
  var specOptions: [(String, JSON)] { [("avoid_premature_stop", .bool(avoidPrematureStop))] }
}
