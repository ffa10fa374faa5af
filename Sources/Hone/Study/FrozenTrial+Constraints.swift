/// A trial's constraint values, kept as Optuna keeps them: a system attribute.
extension FrozenTrial {
  /// The system attribute that holds the constraint values, Optuna's key.
  public static let constraintsKey = "constraints"

  /// The constraint values set on the trial, each satisfied when ≤ 0; nil when none were set.
  ///
  /// Storage decoding rejects a stored attribute that is neither an array of
  /// numbers nor null (what Optuna stores when the constraints function raised),
  /// so nil here means the trial has none.
  public var constraints: [Double]? {
    guard case .array(let items)? = systemAttr(Self.constraintsKey) else { return nil }
    var values: [Double] = []
    values.reserveCapacity(items.count)
    for item in items {
      guard let x = item.numberValue else { return nil }
      values.append(x)
    }
    return values
  }

  /// Whether every constraint is satisfied; a trial without constraints counts as
  /// feasible, as in Optuna's best-trial rule.
  public var isFeasible: Bool { constraints?.allSatisfy { $0 <= 0 } ?? true }

  /// The total violation, the sum of the positive constraint values (0 when feasible or unset).
  public var constraintViolation: Double {
    constraints?.reduce(0) { $0 + max($1, 0) } ?? 0
  }
}
