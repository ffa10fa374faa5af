/// Whether an objective is minimized or maximized.
public enum StudyDirection: String, Sendable, CaseIterable {
  case minimize
  case maximize

  /// Parses `"minimize"` or `"maximize"`.
  public init(parsing text: String) throws(HoneError) {
    guard let d = StudyDirection(rawValue: text) else {
      throw .invalidArgument("direction must be \"minimize\" or \"maximize\", not \"\(text)\"")
    }
    self = d
  }

  /// True when `a` is strictly better than `b` in this direction.
  @inline(__always)
  public func isBetter(_ a: Double, than b: Double) -> Bool {
    self == .minimize ? a < b : a > b
  }
}
