/// Typed access to the members of a JSON object, with errors that name the key.
package struct JSONObjectReader {
  package let members: [(String, JSON)]
  package let context: String

  package init(_ members: [(String, JSON)], context: String) {
    self.members = members
    self.context = context
  }

  package subscript(key: String) -> JSON? { members.first { $0.0 == key }?.1 }

  package func allowOnly(_ keys: Set<String>) throws(HoneError) {
    if let bad = members.first(where: { !keys.contains($0.0) }) {
      throw .invalidArgument(
        "\(context): unknown key '\(bad.0)' (allowed: \(keys.sorted().joined(separator: ", ")))")
    }
  }

  package func string(_ key: String) throws(HoneError) -> String {
    guard let v = try optionalString(key) else { throw .invalidArgument("\(context): '\(key)' is required") }
    return v
  }

  package func optionalString(_ key: String) throws(HoneError) -> String? {
    guard let v = self[key], v != .null else { return nil }
    guard let s = v.stringValue else { throw wrongType(key, "a string", v) }
    return s
  }

  package func number(_ key: String) throws(HoneError) -> Double {
    guard let v = try optionalNumber(key) else { throw .invalidArgument("\(context): '\(key)' is required") }
    return v
  }

  package func optionalNumber(_ key: String) throws(HoneError) -> Double? {
    guard let v = self[key], v != .null else { return nil }
    guard let x = v.numberValue else { throw wrongType(key, "a number", v) }
    return x
  }

  package func int64(_ key: String) throws(HoneError) -> Int64 {
    guard let v = try optionalInt64(key) else { throw .invalidArgument("\(context): '\(key)' is required") }
    return v
  }

  /// An integer read exactly: an integer literal, or a number that is a whole number, in the Int64 range.
  package func optionalInt64(_ key: String) throws(HoneError) -> Int64? {
    guard let v = self[key], v != .null else { return nil }
    guard v.numberValue != nil else { throw wrongType(key, "an integer", v) }
    guard let i = v.integerValue.flatMap({ Int64(exactly: $0) }) else {
      throw .invalidArgument("\(context): '\(key)' must be an integer in the Int64 range, got \(v.text)")
    }
    return i
  }

  package func optionalBool(_ key: String) throws(HoneError) -> Bool? {
    guard let v = self[key], v != .null else { return nil }
    guard let b = v.boolValue else { throw wrongType(key, "a boolean", v) }
    return b
  }

  package func optionalObject(_ key: String) throws(HoneError) -> [(String, JSON)]? {
    guard let v = self[key], v != .null else { return nil }
    guard case .object(let m) = v else { throw wrongType(key, "an object", v) }
    return m
  }

  /// A seed: a non-negative integer below 2^64, or null for a random one.
  package func optionalSeed(_ key: String) throws(HoneError) -> UInt64? {
    guard let v = self[key], v != .null else { return nil }
    guard v.numberValue != nil else { throw wrongType(key, "an integer", v) }
    guard let s = v.integerValue.flatMap({ UInt64(exactly: $0) }) else {
      throw .invalidArgument("\(context): '\(key)' must be an integer in [0, 2^64 - 1], got \(v.text)")
    }
    return s
  }

  private func wrongType(_ key: String, _ expected: String, _ got: JSON) -> HoneError {
    .invalidArgument("\(context): '\(key)' must be \(expected), not \(got.typeName)")
  }
}
