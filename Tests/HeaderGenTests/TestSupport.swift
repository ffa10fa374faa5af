import XCTest

@testable import HeaderGen

internal import HonePlatform

/// The version file the fixtures are generated with.
let fixtureVersion = SourceText(
  path: "Sources/Hone/Version.swift",
  text: """
    /// The version of the Hone library.
    public enum HoneVersion {
      public static let major = 0
      public static let minor = 1
      public static let patch = 0
    }
    """)

/// Generates the header for fixture files given as `(path, text)` pairs.
func generateHeader(_ files: [(String, String)], version: SourceText = fixtureVersion) throws -> GeneratedHeader {
  try HeaderGenerator.generate(
    sources: files.map { SourceText(path: $0.0, text: $0.1) }, version: version, sourcesLabel: "Sources/HoneC")
}

/// The declarations part of the header for one fixture file: what follows the version macros
/// and precedes the closing `extern "C"` block, without surrounding blank lines.
func declarations(_ source: String, file: String = "Sources/HoneC/Fixture.swift") throws -> String {
  declarationsPart(of: try generateHeader([(file, source)]).text)
}

/// The declarations part of a complete header text.
func declarationsPart(of header: String) -> String {
  guard let macros = header.firstRange(of: "#define HONE_VERSION_NUMBER "),
    let end = header.firstRange(of: "\n\n#ifdef __cplusplus\n}")
  else {
    return header
  }
  let afterMacros = header[macros.upperBound...].drop { $0 != "\n" }
  return String(header[afterMacros.startIndex..<end.lowerBound]).trimmingNewlines()
}

/// The diagnostic that generating the header for `files` throws, failing the test when none is thrown.
func generationError(
  _ files: [(String, String)], file: StaticString = #filePath, line: UInt = #line
) -> Diagnostic? {
  do {
    let header = try generateHeader(files)
    XCTFail("expected an error, got a header:\n\(declarationsPart(of: header.text))", file: file, line: line)
  } catch let diagnostic as Diagnostic {
    return diagnostic
  } catch {
    XCTFail("expected a Diagnostic, got \(error)", file: file, line: line)
  }
  return nil
}

/// The diagnostic for a single fixture file named `Sources/HoneC/Bad.swift`.
func generationError(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
  generationError([("Sources/HoneC/Bad.swift", source)], file: file, line: line)
}

extension String {
  /// The string without leading and trailing newlines.
  func trimmingNewlines() -> String {
    var result = Substring(self)
    while result.first == "\n" { result = result.dropFirst() }
    while result.last == "\n" { result = result.dropLast() }
    return String(result)
  }
}

/// A scratch directory under `$TMPDIR` (or `/tmp`) that removes itself and its files.
final class ScratchDirectory {
  /// The directory's path.
  let path: String
  private var files: [String] = []

  /// Creates a fresh directory.
  init() throws {
    let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    var template = Array("\(base)/hone-headergen-test-XXXXXX".utf8CString)
    guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
      throw HeaderGenFailure("mkdtemp failed")
    }
    path = String(cString: made)
  }

  /// Writes `text` to `name` inside the directory and returns the file's path.
  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    let file = "\(path)/\(name)"
    try FileSystem.write(text, to: file)
    if !files.contains(file) { files.append(file) }
    return file
  }

  /// Creates a subdirectory and returns its path.
  func makeDirectory(_ name: String) -> String {
    let directory = "\(path)/\(name)"
    mkdir(directory, 0o755)
    files.append(directory)
    return directory
  }

  /// Registers a file that something else creates, so that it is removed too.
  func track(_ name: String) -> String {
    let file = "\(path)/\(name)"
    files.append(file)
    return file
  }

  deinit {
    for file in files.reversed() {
      if FileSystem.isDirectory(file) {
        rmdir(file)
      } else {
        unlink(file)
      }
    }
    rmdir(path)
  }
}

/// The outcome of running a program.
struct ProcessResult {
  /// The exit status, or -1 when it did not exit normally.
  var status: Int32
  /// What it wrote to standard output and standard error.
  var output: String
}

/// Finds an executable on `PATH`, or at one of `extraPaths`.
func findExecutable(_ name: String, extraPaths: [String] = []) -> String? {
  let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
  let candidates = path.split(separator: ":").map { "\($0)/\(name)" } + extraPaths
  return candidates.first { access($0, X_OK) == 0 && !FileSystem.isDirectory($0) }
}

/// Runs `arguments[0]` with `arguments`, capturing its output in a file of `scratch`.
func runProcess(_ arguments: [String], in scratch: ScratchDirectory) throws -> ProcessResult {
  let outputPath = scratch.track("process-output.txt")
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  posix_spawn_file_actions_adddup2(&actions, 1, 2)

  let environment: [String] = ["PATH", "HOME", "TMPDIR"].compactMap { (name: String) -> String? in
    guard let value = getenv(name) else { return nil }
    return "\(name)=\(String(cString: value))"
  }
  let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
  let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
  defer {
    for pointer in argv + envp { free(pointer) }
  }
  var pid = pid_t()
  let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
  guard spawned == 0 else {
    throw HeaderGenFailure("cannot run \(arguments[0]): \(String(cString: strerror(spawned)))")
  }
  var status: Int32 = 0
  while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
  let exited = status & 0x7F == 0
  return ProcessResult(
    status: exited ? (status >> 8) & 0xFF : -1, output: (try? FileSystem.read(outputPath)) ?? "")
}
