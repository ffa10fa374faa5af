/// Serialization of JSON values to compact text.
extension JSON {
  /// The compact JSON text of this value.
  ///
  /// Non-finite numbers are written as `NaN`, `Infinity` and `-Infinity`, the
  /// tokens Python's `json` module reads and writes.
  public var text: String {
    var out = ""
    write(to: &out)
    return out
  }

  /// Appends the compact JSON text of this value to `out`.
  public func write(to out: inout String) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let x): JSON.writeNumber(x, to: &out)
    case .integer(let i): out += String(i)
    case .string(let s): JSON.writeString(s, to: &out)
    case .array(let elements):
      out += "["
      for (i, e) in elements.enumerated() {
        if i > 0 { out += "," }
        e.write(to: &out)
      }
      out += "]"
    case .object(let members):
      out += "{"
      for (i, (k, v)) in members.enumerated() {
        if i > 0 { out += "," }
        JSON.writeString(k, to: &out)
        out += ":"
        v.write(to: &out)
      }
      out += "}"
    }
  }

  /// Writes a number in its shortest round-trip form; integral values lose the `.0`.
  static func writeNumber(_ x: Double, to out: inout String) {
    if x.isNaN {
      out += "NaN"
    } else if x.isInfinite {
      out += x < 0 ? "-Infinity" : "Infinity"
    } else if abs(x) < 1e15, let i = Int64(exactly: x) {
      out += String(i)
    } else {
      out += x.description
    }
  }

  static func writeString(_ s: String, to out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default:
        out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}
