import SwiftParser
import SwiftSyntax

/// Reads the library version from the `public static let major = 0` lines of `Version.swift`.
enum VersionFile {
  /// Parses the `major`, `minor` and `patch` constants of `source`.
  ///
  /// - Throws: A `Diagnostic` naming the file when a constant is missing, repeated,
  ///   not a plain integer literal, or (for minor and patch) 1000 or more.
  static func parse(_ source: String, file: String) throws -> LibraryVersion {
    let tree = Parser.parse(source: source)
    let converter = SourceLocationConverter(fileName: file, tree: tree)
    var values: [String: Int] = [:]
    for token in tree.tokens(viewMode: .sourceAccurate) where token.tokenKind == .keyword(.let) {
      guard let variable = token.parent?.as(VariableDeclSyntax.self) else { continue }
      let location = converter.location(for: token.positionAfterSkippingLeadingTrivia)
      let position = SourcePosition(line: location.line, column: location.column)
      for binding in variable.bindings {
        guard let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text,
          ["major", "minor", "patch"].contains(name), let initial = binding.initializer?.value
        else {
          continue
        }
        guard let literal = initial.as(IntegerLiteralExprSyntax.self),
          let value = Int(literal.literal.text.filter { $0 != "_" })
        else {
          throw Diagnostic(file: file, position: position, message: "'\(name)' must be set to an integer literal")
        }
        guard values[name] == nil else {
          throw Diagnostic(file: file, position: position, message: "'\(name)' is defined twice")
        }
        guard name == "major" || value < 1000 else {
          throw Diagnostic(
            file: file, position: position,
            message: "'\(name)' is \(value); it must be below 1000 for HONE_VERSION_NUMBER")
        }
        values[name] = value
      }
    }
    guard let major = values["major"], let minor = values["minor"], let patch = values["patch"] else {
      let missing = ["major", "minor", "patch"].filter { values[$0] == nil }.joined(separator: ", ")
      throw Diagnostic(file: file, line: 1, message: "no 'static let' for \(missing) found")
    }
    return LibraryVersion(major: major, minor: minor, patch: patch)
  }
}
