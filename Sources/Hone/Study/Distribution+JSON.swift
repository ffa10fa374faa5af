/// The JSON form of distributions, shared by study options, trial exports and storage.
///
/// `{"type": "float", "low": 0.001, "high": 1, "log": true}`,
/// `{"type": "int", "low": 1, "high": 8, "step": 1}`,
/// `{"type": "categorical", "choices": ["adam", "sgd"]}`.
extension Distribution {
  public var json: JSON {
    switch self {
    case .float(let low, let high, let step, let log):
      return .object([
        ("type", .string("float")), ("low", .number(low)), ("high", .number(high)),
        ("step", step.map(JSON.number) ?? .null), ("log", .bool(log)),
      ])
    case .int(let low, let high, let step, let log):
      return .object([
        ("type", .string("int")), ("low", .int(low)), ("high", .int(high)),
        ("step", .int(step)), ("log", .bool(log)),
      ])
    case .categorical(let choices):
      return .object([("type", .string("categorical")), ("choices", .array(choices))])
    }
  }

  /// Parses the JSON form; `context` names the parameter in error messages.
  public init(json: JSON, context: String) throws(HoneError) {
    guard case .object(let members) = json else {
      throw .invalidArgument("\(context): a distribution must be an object, not \(json.typeName)")
    }
    let reader = JSONObjectReader(members, context: context)
    let type = try reader.string("type")
    switch type {
    case "float":
      try reader.allowOnly(["type", "low", "high", "step", "log"])
      self = try .makeFloat(
        low: try reader.number("low"), high: try reader.number("high"),
        step: try reader.optionalNumber("step"), log: try reader.optionalBool("log") ?? false)
    case "int":
      try reader.allowOnly(["type", "low", "high", "step", "log"])
      self = try .makeInt(
        low: try reader.int64("low"), high: try reader.int64("high"),
        step: try reader.optionalInt64("step") ?? 1, log: try reader.optionalBool("log") ?? false)
    case "categorical":
      try reader.allowOnly(["type", "choices"])
      guard case .array(let choices)? = reader["choices"] else {
        throw .invalidArgument("\(context): 'choices' must be an array")
      }
      self = try .makeCategorical(choices)
    default:
      throw .invalidArgument("\(context): unknown distribution type '\(type)' (float, int or categorical)")
    }
  }
}
