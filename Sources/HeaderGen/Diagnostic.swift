/// A place in a source file: a 1-based line and a 1-based column counted in UTF-8 bytes.
struct SourcePosition: Equatable, Sendable, CustomStringConvertible {
  /// The line.
  var line: Int
  /// The column.
  var column: Int

  /// `line:column`.
  var description: String { "\(line):\(column)" }
}

/// A problem found in a source file, located by file, line and (where known) column.
///
/// Errors stop generation; warnings are reported and generation goes on.
public struct Diagnostic: Error, Equatable, Sendable, CustomStringConvertible {
  /// How serious a diagnostic is.
  public enum Severity: String, Sendable {
    case error
    case warning
  }

  /// The file the problem is in, as it was named to the generator.
  public var file: String
  /// The 1-based line of the problem.
  public var line: Int
  /// The 1-based column of the problem in UTF-8 bytes, when it is known.
  public var column: Int?
  /// Whether generation stops.
  public var severity: Severity
  /// What is wrong, for a person.
  public var message: String

  /// Creates a diagnostic.
  public init(file: String, line: Int, column: Int? = nil, severity: Severity = .error, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.severity = severity
    self.message = message
  }

  /// Creates a diagnostic at a line and column.
  init(file: String, position: SourcePosition, severity: Severity = .error, message: String) {
    self.init(file: file, line: position.line, column: position.column, severity: severity, message: message)
  }

  /// The diagnostic as `file:line:column: severity: message` (no column when it is not known),
  /// the format compilers write and editors understand.
  public var description: String {
    "\(file):\(line):" + (column.map { "\($0):" } ?? "") + " \(severity.rawValue): \(message)"
  }
}

/// An error that is not tied to a line of a source file (a missing file, a bad argument).
public struct HeaderGenFailure: Error, Equatable, Sendable, CustomStringConvertible {
  /// What went wrong, for a person.
  public var message: String

  /// Creates a failure with a message.
  public init(_ message: String) {
    self.message = message
  }

  /// The message itself.
  public var description: String { message }
}
