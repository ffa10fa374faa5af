/// A trial's constraint values, kept as Optuna keeps them: in system attributes.
///
/// Optuna has two forms, and reads both: the list a sampler's `constraints_func`
/// returns, under `"constraints"`, and single named values that
/// `Trial.set_constraint(key, value)` stores under `"constraints:<key>"`. The list's
/// entries are named by their index, and a named value replaces an entry of the same name.
extension FrozenTrial {
  /// The system attribute that holds the list of constraint values, Optuna's key.
  public static let constraintsKey = "constraints"
  /// The prefix of the system attributes that hold single named constraint values.
  public static let constraintKeyPrefix = "constraints:"

  /// The constraint values set on the trial, by name in the order first set, each
  /// satisfied when ≤ 0; empty when none were set.
  ///
  /// Storage decoding rejects a stored attribute that is not a number (named) or a
  /// list of numbers, other than null (what Optuna stores when the constraints function
  /// raised), so an entry of another type here is a trial built in memory, and is skipped.
  public var namedConstraints: [(name: String, value: Double)] {
    var out: [(name: String, value: Double)] = []
    func set(_ name: String, _ value: Double) {
      if let i = out.firstIndex(where: { $0.name == name }) { out[i].value = value } else { out.append((name, value)) }
    }
    if case .array(let items)? = systemAttr(Self.constraintsKey) {
      for (i, item) in items.enumerated() { if let x = item.numberValue { set(String(i), x) } }
    }
    for (key, value) in systemAttrs where key.hasPrefix(Self.constraintKeyPrefix) {
      if let x = value.numberValue { set(String(key.dropFirst(Self.constraintKeyPrefix.count)), x) }
    }
    return out
  }

  /// The constraint values alone, in `namedConstraints`' order; nil when none were set
  /// (an empty list that was set is empty, not nil).
  public var constraints: [Double]? {
    let named = namedConstraints
    if named.isEmpty, case .array? = systemAttr(Self.constraintsKey) { return [] }
    return named.isEmpty ? nil : named.map(\.value)
  }

  /// Whether every constraint is satisfied; a trial without constraints counts as
  /// feasible, as in Optuna's best-trial rule.
  public var isFeasible: Bool { constraints?.allSatisfy { $0 <= 0 } ?? true }

  /// The total violation, the sum of the positive constraint values (0 when feasible or unset).
  public var constraintViolation: Double {
    constraints?.reduce(0) { $0 + max($1, 0) } ?? 0
  }
}
