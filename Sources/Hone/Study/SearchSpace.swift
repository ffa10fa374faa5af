/// An ordered set of named distributions: the joint space a relative sampler models.
public struct SearchSpace: Equatable, Sendable {
  public private(set) var names: [String] = []
  public private(set) var distributions: [Distribution] = []
  /// The position of each name, so that lookups and building a space of n parameters cost O(1) and O(n).
  private var positions: [String: Int] = [:]

  public init() {}

  /// A space from `(name, distribution)` pairs; later duplicates replace earlier ones.
  public init(_ pairs: [(String, Distribution)]) {
    names.reserveCapacity(pairs.count)
    distributions.reserveCapacity(pairs.count)
    positions.reserveCapacity(pairs.count)
    for (n, d) in pairs { self[n] = d }
  }

  public var isEmpty: Bool { names.isEmpty }

  /// The space without its single-valued distributions, which no sampler draws.
  public var multiValued: SearchSpace {
    if !distributions.contains(where: \.isSingle) { return self }
    return SearchSpace(zip(names, distributions).filter { !$0.1.isSingle })
  }
  public var count: Int { names.count }

  public static func == (lhs: SearchSpace, rhs: SearchSpace) -> Bool {
    lhs.names == rhs.names && lhs.distributions == rhs.distributions
  }

  public subscript(name: String) -> Distribution? {
    get { positions[name].map { distributions[$0] } }
    set {
      if let i = positions[name] {
        if let newValue { distributions[i] = newValue } else {
          names.remove(at: i)
          distributions.remove(at: i)
          positions[name] = nil
          for j in i..<names.count { positions[names[j]] = j }
        }
      } else if let newValue {
        positions[name] = names.count
        names.append(name)
        distributions.append(newValue)
      }
    }
  }

  /// The parameters common to every given trial with the same distribution, sorted by name.
  ///
  /// This is Optuna's intersection search space: what a joint model can be fitted on
  /// when the space is defined by run.
  public static func intersection(of trials: some Sequence<FrozenTrial>) -> SearchSpace {
    var common: [(String, Distribution)]?
    for t in trials {
      common = narrowing(common, by: t.params)
      if common?.isEmpty == true { break }
    }
    return SearchSpace(common ?? [])
  }

  /// The intersection search space one trial further: `common` (sorted by name; nil
  /// before the first trial) less what `params` lacks or has under another
  /// distribution. Samplers that read each finished trial once keep `common` between asks.
  public static func narrowing(_ common: [(String, Distribution)]?, by params: [Param]) -> [(String, Distribution)] {
    guard var c = common else {
      // A name suggested twice keeps its first distribution.
      let sorted = params.enumerated().sorted { ($0.1.name, $0.0) < ($1.1.name, $1.0) }
      var first: [(String, Distribution)] = []
      for (_, p) in sorted where first.last?.0 != p.name { first.append((p.name, p.distribution)) }
      return first
    }
    // Names compared as strings, not hashed: a trial has a handful of parameters.
    c.removeAll { name, d in !params.contains { $0.name == name && $0.distribution == d } }
    return c
  }
}
