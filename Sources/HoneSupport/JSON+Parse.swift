/// Parsing of JSON text (RFC 8259, plus the `NaN`/`Infinity` tokens Python writes).
extension JSON {
  /// Parses a complete JSON document.
  ///
  /// - Throws: `HoneError.invalidArgument` naming the byte offset of the first error.
  public static func parse(_ text: String) throws(HoneError) -> JSON {
    var parser = Parser(Array(text.utf8))
    let value = try parser.parseValue(depth: 0)
    parser.skipWhitespace()
    guard parser.index == parser.bytes.count else {
      throw parser.fail("unexpected trailing characters")
    }
    return value
  }

  /// Parses an options document, where nil, empty or all-white-space text means
  /// "all defaults" and gives nil: the one rule for every options argument
  /// (study options, enqueue options, MLP configs).
  public static func parseOptions(_ text: String?) throws(HoneError) -> JSON? {
    guard let text, !text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
      return nil
    }
    return try parse(text)
  }
}

private struct Parser {
  let bytes: [UInt8]
  var index = 0
  static let maxDepth = 256

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  func fail(_ what: String) -> HoneError {
    .invalidArgument("invalid JSON at byte \(index): \(what)")
  }

  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  mutating func consume(_ literal: StaticString) -> Bool {
    let n = literal.utf8CodeUnitCount
    guard index + n <= bytes.count else { return false }
    let matches = literal.withUTF8Buffer { lit in
      (0..<n).allSatisfy { bytes[index + $0] == lit[$0] }
    }
    if matches { index += n }
    return matches
  }

  mutating func parseValue(depth: Int) throws(HoneError) -> JSON {
    guard depth < Parser.maxDepth else { throw fail("nesting deeper than \(Parser.maxDepth)") }
    skipWhitespace()
    guard index < bytes.count else { throw fail("unexpected end of input") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject(depth: depth)
    case UInt8(ascii: "["): return try parseArray(depth: depth)
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"):
      if consume("true") { return .bool(true) }
    case UInt8(ascii: "f"):
      if consume("false") { return .bool(false) }
    case UInt8(ascii: "n"):
      if consume("null") { return .null }
    case UInt8(ascii: "N"):
      if consume("NaN") { return .number(.nan) }
    case UInt8(ascii: "I"):
      if consume("Infinity") { return .number(.infinity) }
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return try parseNumber()
    default:
      break
    }
    throw fail("unexpected character '\(Character(Unicode.Scalar(bytes[index])))'")
  }

  mutating func parseObject(depth: Int) throws(HoneError) -> JSON {
    index += 1
    var members: [(String, JSON)] = []
    // A set, not a scan of the members: objects of 10^5 keys (search spaces) parse in linear time.
    var keys = Set<String>()
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw fail("expected a string key")
      }
      let key = try parseString()
      guard keys.insert(key).inserted else { throw fail("duplicate key '\(key)'") }
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
      index += 1
      members.append((key, try parseValue(depth: depth + 1)))
      skipWhitespace()
      guard index < bytes.count else { throw fail("unterminated object") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      } else {
        throw fail("expected ',' or '}'")
      }
    }
  }

  mutating func parseArray(depth: Int) throws(HoneError) -> JSON {
    index += 1
    var elements: [JSON] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(elements)
    }
    while true {
      elements.append(try parseValue(depth: depth + 1))
      skipWhitespace()
      guard index < bytes.count else { throw fail("unterminated array") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(elements)
      } else {
        throw fail("expected ',' or ']'")
      }
    }
  }

  mutating func parseHex4() throws(HoneError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw fail("truncated \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let c = bytes[index]
      let digit: UInt32
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
      default: throw fail("bad hex digit in \\u escape")
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }

  mutating func parseString() throws(HoneError) -> String {
    index += 1
    var out: [UInt8] = []
    while true {
      guard index < bytes.count else { throw fail("unterminated string") }
      let c = bytes[index]
      index += 1
      switch c {
      case UInt8(ascii: "\""):
        // The input came from a Swift String, so it is valid UTF-8 already.
        return String(decoding: out, as: UTF8.self)
      case UInt8(ascii: "\\"):
        guard index < bytes.count else { throw fail("unterminated escape") }
        let e = bytes[index]
        index += 1
        switch e {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
          var scalar = try parseHex4()
          if (0xD800..<0xDC00).contains(scalar) {
            guard consume("\\u") else { throw fail("unpaired surrogate") }
            let low = try parseHex4()
            guard (0xDC00..<0xE000).contains(low) else { throw fail("unpaired surrogate") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let u = Unicode.Scalar(scalar) else { throw fail("invalid \\u escape") }
          out.append(contentsOf: Array(String(Character(u)).utf8))
        default:
          throw fail("invalid escape")
        }
      case 0..<0x20:
        throw fail("control character in string")
      default:
        out.append(c)
      }
    }
  }

  /// A number: an exact `integer` for a literal without fraction or exponent in
  /// [-2^63, 2^64 - 1], else a `number`.
  mutating func parseNumber() throws(HoneError) -> JSON {
    let start = index
    if bytes[index] == UInt8(ascii: "-") {
      index += 1
      if consume("Infinity") { return .number(-.infinity) }
    }
    func digits(_ p: inout Parser) -> Int {
      let s = p.index
      while p.index < p.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(p.bytes[p.index]) {
        p.index += 1
      }
      return p.index - s
    }
    guard digits(&self) > 0 else { throw fail("expected digits") }
    var integral = true
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      integral = false
      guard digits(&self) > 0 else { throw fail("expected digits after '.'") }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      integral = false
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
        index += 1
      }
      guard digits(&self) > 0 else { throw fail("expected exponent digits") }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    if integral, let i = Int128(text), i >= Int128(Int64.min), i <= Int128(UInt64.max) {
      return .integer(i)
    }
    guard let value = Double(text) else { throw fail("invalid number '\(text)'") }
    return .number(value)
  }
}
