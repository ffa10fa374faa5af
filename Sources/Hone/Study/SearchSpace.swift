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
    var common: [String: Distribution]?
    for t in trials {
      var own: [String: Distribution] = [:]
      for p in t.params { own[p.name] = p.distribution }
      if let c = common {
        common = c.filter { own[$0.key] == $0.value }
      } else {
        common = own
      }
      if common?.isEmpty == true { break }
    }
    return SearchSpace((common ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
  }
}
