/// Study-level attributes and metric names, kept by the storage so every handle sees them.
extension Study {
  /// The system attribute that holds the metric names, as in Optuna.
  public static let metricNamesKey = "study:metric_names"

  /// Sets a user attribute of the study; a key set again keeps its place.
  ///
  /// - Throws: `.invalidArgument` for an empty key, as for a trial's attributes.
  public func setUserAttr(_ key: String, _ value: JSON) throws(HoneError) {
    guard !key.isEmpty else { throw .invalidArgument("the attribute key must not be empty") }
    try storage.setStudyUserAttr(study: studyID, key: key, value: value)
  }

  /// Sets a system attribute of the study; a key set again keeps its place.
  public func setSystemAttr(_ key: String, _ value: JSON) throws(HoneError) {
    guard !key.isEmpty else { throw .invalidArgument("the attribute key must not be empty") }
    try storage.setStudySystemAttr(study: studyID, key: key, value: value)
  }

  /// The study's user attributes, in the order their keys were first set.
  public func userAttrs() throws(HoneError) -> [(String, JSON)] {
    try storage.studyUserAttrs(study: studyID)
  }

  /// The study's system attributes, in the order their keys were first set.
  public func systemAttrs() throws(HoneError) -> [(String, JSON)] {
    try storage.studySystemAttrs(study: studyID)
  }

  /// Names the objectives, one name per direction, for exports and plots.
  ///
  /// - Throws: `.invalidArgument` when the count differs from the number of directions.
  public func setMetricNames(_ names: [String]) throws(HoneError) {
    guard names.count == directions.count else {
      throw .invalidArgument(
        "the study has \(directions.count) objective(s) but \(names.count) metric name(s) were given; "
          + "the counts must match")
    }
    try setSystemAttr(Self.metricNamesKey, .array(names.map(JSON.string)))
  }

  /// The metric names, or nil when none were set.
  ///
  /// A stored value that is not a list of strings is returned as nil: it was not
  /// written by `setMetricNames`, and metric names only label output.
  public func metricNames() throws(HoneError) -> [String]? {
    guard let value = try systemAttrs().first(where: { $0.0 == Self.metricNamesKey })?.1 else { return nil }
    return Self.metricNames(value)
  }

  /// `value` as a list of strings, or nil.
  static func metricNames(_ value: JSON) -> [String]? {
    guard case .array(let items) = value else { return nil }
    var names: [String] = []
    for item in items {
      guard case .string(let s) = item else { return nil }
      names.append(s)
    }
    return names
  }
}
