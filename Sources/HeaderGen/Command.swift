internal import HonePlatform

/// The command-line options of `hone-headergen`.
public struct CommandOptions: Equatable, Sendable {
  /// The directory of Swift sources of the C ABI target.
  public var sources: String
  /// The Swift file that declares the version.
  public var versionFile: String
  /// The header to write or check.
  public var output: String
  /// The Python module of ctypes declarations to write or check, if any.
  public var pythonOutput: String? = nil
  /// Compare instead of writing.
  public var check: Bool

  /// The usage line.
  public static let usage =
    "usage: hone-headergen --sources DIR --version-file FILE --output FILE [--python-output FILE] [--check]"

  /// Parses the arguments that follow the program name.
  ///
  /// Options take their value as the next argument or after `=`.
  public static func parse(_ arguments: [String]) throws -> CommandOptions {
    var values: [String: String] = [:]
    var check = false
    var remaining = arguments[...]
    while let argument = remaining.popFirst() {
      if argument == "--check" {
        check = true
        continue
      }
      var name = argument
      var value: String?
      if let equals = argument.firstIndex(of: "=") {
        name = String(argument[..<equals])
        value = String(argument[argument.index(after: equals)...])
      }
      guard ["--sources", "--version-file", "--output", "--python-output"].contains(name) else {
        throw HeaderGenFailure("unknown argument '\(argument)'\n\(usage)")
      }
      guard let given = value ?? remaining.popFirst(), !given.isEmpty else {
        throw HeaderGenFailure("\(name) needs a value\n\(usage)")
      }
      values[name] = given
    }
    guard let sources = values["--sources"], let versionFile = values["--version-file"],
      let output = values["--output"]
    else {
      throw HeaderGenFailure("--sources, --version-file and --output are required\n\(usage)")
    }
    return CommandOptions(
      sources: sources, versionFile: versionFile, output: output, pythonOutput: values["--python-output"],
      check: check)
  }

  /// The sources directory as the banner names it: no `./` in front, no `/` at the end.
  public var sourcesLabel: String {
    var label = Substring(sources)
    while label.hasPrefix("./") { label = label.dropFirst(2) }
    while label.count > 1 && label.hasSuffix("/") { label = label.dropLast() }
    return String(label)
  }
}

/// The `hone-headergen` command: generate, write or check the header and the Python declarations.
public enum Command {
  /// Exit status: the header was written, or is up to date.
  public static let success: Int32 = 0
  /// Exit status: the header is out of date (`--check`), or a declaration cannot be exported.
  public static let failure: Int32 = 1
  /// Exit status: the command line is wrong.
  public static let usageError: Int32 = 2

  /// Runs the command with the arguments that follow the program name and returns the exit status.
  ///
  /// - Parameters:
  ///   - arguments: The command-line arguments without the program name.
  ///   - output: Receives what goes to standard output.
  ///   - errors: Receives what goes to standard error.
  public static func run(
    _ arguments: [String], output: (String) -> Void = Console.standardOutput,
    errors: (String) -> Void = Console.standardError
  ) -> Int32 {
    if arguments.contains("--help") || arguments.contains("-h") {
      output(CommandOptions.usage + "\n")
      return success
    }
    let options: CommandOptions
    do {
      options = try CommandOptions.parse(arguments)
    } catch {
      errors("hone-headergen: \(error)\n")
      return usageError
    }
    do {
      let sources = try FileSystem.swiftFiles(in: options.sources).map {
        SourceText(path: $0, text: try FileSystem.read($0))
      }
      let version = SourceText(path: options.versionFile, text: try FileSystem.read(options.versionFile))
      let header = try HeaderGenerator.generate(sources: sources, version: version, sourcesLabel: options.sourcesLabel)
      for warning in header.warnings {
        errors("\(warning)\n")
      }
      var files = [(path: options.output, text: header.text)]
      if let pythonOutput = options.pythonOutput {
        files.append((path: pythonOutput, text: header.pythonABI))
      }
      var status = success
      for file in files {
        let existing = FileSystem.exists(file.path) ? try FileSystem.read(file.path) : nil
        if options.check {
          if check(existing: existing, generated: file.text, path: file.path, errors: errors) != success {
            status = failure
          }
        } else if existing == file.text {
          output("\(file.path) is up to date\n")
        } else {
          try FileSystem.write(file.text, to: file.path)
          output("wrote \(file.path)\n")
        }
      }
      return status
    } catch let diagnostic as Diagnostic {
      errors("\(diagnostic)\n")
      return failure
    } catch {
      errors("hone-headergen: \(error)\n")
      return failure
    }
  }

  /// Compares a generated file on disk with the generated text and reports how they differ.
  private static func check(existing: String?, generated: String, path: String, errors: (String) -> Void)
    -> Int32
  {
    guard let existing else {
      errors("\(path) does not exist; run `make header` to generate it\n")
      return failure
    }
    guard existing != generated else { return success }
    errors("\(path) is out of date; run `make header` to regenerate it\n")
    errors(LineDiff.unified(old: existing, new: generated, oldLabel: path, newLabel: "\(path) (generated)"))
    return failure
  }
}

/// Writing to the standard streams through their file descriptors.
public enum Console {
  /// Writes `text` to standard output.
  public static func standardOutput(_ text: String) {
    write(text, to: 1)
  }

  /// Writes `text` to standard error.
  public static func standardError(_ text: String) {
    write(text, to: 2)
  }

  private static func write(_ text: String, to descriptor: Int32) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
      guard written > 0 else { return }
      bytes = bytes.dropFirst(written)
    }
  }
}

/// The C library's `write`, under a name that `Console.write` does not shadow.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
  write(descriptor, buffer, count)
}
