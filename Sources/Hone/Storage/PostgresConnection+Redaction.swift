internal import CLibPQ

extension PostgresConnection {
  /// `url` with its password replaced by `***`, for messages and logs.
  ///
  /// Covers the userinfo of a `postgresql://user:password@host` URI, a
  /// `password=` query parameter and a `password=` keyword of a key/value
  /// connection string. The userinfo is taken to end at the last `@` before the
  /// query, or at the last `@` at all when the query starts before any `@`, so a
  /// password holding an unencoded `/`, `?` or `@` is still hidden whole; at
  /// worst more than the password is hidden.
  public static func redactedURL(_ url: String) -> String {
    var text = url
    for span in passwordSpans(in: text).reversed() {
      text.replaceSubrange(span, with: "***")
    }
    return text
  }

  /// The ranges of `url` that hold a password, in order.
  static func passwordSpans(in url: String) -> [Range<String.Index>] {
    var spans: [Range<String.Index>] = []
    if let scheme = url.firstRange(of: "://") {
      let rest = url[scheme.upperBound...]
      let query = rest.firstIndex(of: "?") ?? rest.endIndex
      if let at = rest[..<query].lastIndex(of: "@") ?? rest.lastIndex(of: "@"),
        let colon = rest[..<at].firstIndex(of: ":")
      {
        spans.append(rest.index(after: colon)..<at)
      }
    }
    // `password=` as a query parameter (ends at `&`) or a keyword (ends at a
    // space, or at the closing quote when quoted).
    var from = spans.last?.upperBound ?? url.startIndex
    while let key = url[from...].firstRange(of: "password=") {
      from = key.upperBound
      if key.lowerBound > url.startIndex {
        let before = url[url.index(before: key.lowerBound)]
        guard before == "?" || before == "&" || before == " " || before == "\t" || before == "\n"
        else { continue }
      }
      var end = key.upperBound
      if end < url.endIndex, url[end] == "'" {
        end = url.index(after: end)
        while end < url.endIndex, url[end] != "'" {
          if url[end] == "\\" { end = url.index(after: end) }
          if end < url.endIndex { end = url.index(after: end) }
        }
        if end < url.endIndex { end = url.index(after: end) }
      } else {
        while end < url.endIndex, !"& \t\n".contains(url[end]) { end = url.index(after: end) }
      }
      if end > key.upperBound { spans.append(key.upperBound..<end) }
      from = end
    }
    return spans
  }

  /// The password texts of `url`, once libpq is seen to read the same password.
  ///
  /// libpq ends the userinfo at the first `@` or `/`, where `redactedURL(_:)`
  /// looks further; if they disagree, pieces of the password could reach a
  /// message as host or port names that scrubbing would not recognize.
  static func checkedSecrets(_ url: String, shown: String) throws(HoneError) -> [String] {
    let secrets = passwordTexts(in: url).filter { !$0.isEmpty }
    var error: UnsafeMutablePointer<CChar>?
    guard let options = PQconninfoParse(url, &error) else {
      PQfreemem(error)
      // libpq's message may quote the URL, so take it from the redacted URL.
      var redactedError: UnsafeMutablePointer<CChar>?
      let redactedOptions = PQconninfoParse(shown, &redactedError)
      defer {
        PQconninfoFree(redactedOptions)
        PQfreemem(redactedError)
      }
      let why = redactedOptions == nil ? libpqText(redactedError) : "the password is not valid percent-encoding"
      throw .invalidArgument("'\(shown)' is not a valid PostgreSQL URL: \(scrub(why, secrets: secrets))")
    }
    defer { PQconninfoFree(options) }
    var password: String?
    var option = options
    while let keyword = option.pointee.keyword {
      if String(cString: keyword) == "password", let value = option.pointee.val, value.pointee != 0 {
        password = String(cString: value)
      }
      option += 1
    }
    guard password.map(secrets.contains) ?? secrets.isEmpty else {
      throw .invalidArgument(
        "'\(shown)' is ambiguous: libpq would read another password from it; percent-encode "
          + "'@' as %40, '/' as %2F, '?' as %3F and '#' as %23 in the password and the query")
    }
    return secrets
  }

  /// The passwords of `url` as written and percent-decoded, to scrub from messages.
  static func passwordTexts(in url: String) -> [String] {
    passwordSpans(in: url).flatMap { span -> [String] in
      let raw = String(url[span])
      return [raw, percentDecoded(raw) ?? raw]
    }
  }

  /// `text` with `%XX` escapes decoded, or nil if an escape is malformed or the
  /// bytes are not UTF-8.
  static func percentDecoded(_ text: String) -> String? {
    var bytes: [UInt8] = []
    var utf8 = text.utf8.makeIterator()
    while let b = utf8.next() {
      guard b == UInt8(ascii: "%") else { bytes.append(b); continue }
      guard let hi = utf8.next(), let lo = utf8.next(),
        let v = UInt8(String(decoding: [hi, lo], as: UTF8.self), radix: 16)
      else { return nil }
      bytes.append(v)
    }
    return String(validating: bytes, as: UTF8.self)
  }

  /// `message` with every password of the connection replaced by `***`.
  func scrubbed(_ message: String) -> String {
    PostgresConnection.scrub(message, secrets: secrets)
  }

  static func scrub(_ message: String, secrets: [String]) -> String {
    // Longest first, so that a secret that contains another is replaced whole.
    secrets.filter { !$0.isEmpty }.sorted { $0.count > $1.count }.reduce(message) {
      $0.replacing($1, with: "***")
    }
  }
}
