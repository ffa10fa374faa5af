/// A problem found in a source file, located by file and line.
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
  /// Whether generation stops.
  public var severity: Severity
  /// What is wrong, for a person.
  public var message: String

  /// Creates a diagnostic.
  public init(file: String, line: Int, severity: Severity = .error, message: String) {
    self.file = file
    self.line = line
    self.severity = severity
    self.message = message
  }

  /// The diagnostic as `file:line: severity: message`, the format editors understand.
  public var description: String {
    "\(file):\(line): \(severity.rawValue): \(message)"
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
