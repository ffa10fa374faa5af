/// A Swift source file given to the generator: a path for messages and its text.
public struct SourceText: Equatable, Sendable {
  /// The path, used in diagnostics and to order the files.
  public var path: String
  /// The contents.
  public var text: String

  /// Creates a source file.
  public init(path: String, text: String) {
    self.path = path
    self.text = text
  }
}

/// The generated header, its Python counterpart and the warnings found on the way.
public struct GeneratedHeader: Equatable, Sendable {
  /// The header text.
  public var text: String
  /// The text of `_abi.py`, the ctypes declarations of the same items.
  public var pythonABI: String
  /// Problems that did not stop generation.
  public var warnings: [Diagnostic]
}

/// Generates `hone.h` and `_abi.py` from the Swift sources of the C ABI target.
public enum HeaderGenerator {
  /// Generates the header and the Python declarations.
  ///
  /// - Parameters:
  ///   - sources: The Swift files of the C ABI target; they are processed in byte order of path.
  ///   - version: The Swift file holding `static let major`, `minor` and `patch`.
  ///   - sourcesLabel: How the banner names the sources, such as `Sources/HoneC`.
  /// - Returns: The header text and any warnings.
  /// - Throws: A `Diagnostic` at `file:line:column` for the first declaration that cannot be exported.
  public static func generate(sources: [SourceText], version: SourceText, sourcesLabel: String) throws
    -> GeneratedHeader
  {
    let ordered = sources.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    var files: [ParsedFile] = []
    var warnings: [Diagnostic] = []
    for source in ordered {
      let (file, fileWarnings) = try SourceReader.read(source.text, file: source.path)
      files.append(file)
      warnings += fileWarnings
    }
    let (items, resolveWarnings) = try Resolver.resolve(files)
    warnings += resolveWarnings
    let emitter = HeaderEmitter(
      sourcesLabel: sourcesLabel, versionLabel: version.path,
      version: try VersionFile.parse(version.text, file: version.path))
    let python = PythonABIEmitter(sourcesLabel: sourcesLabel)
    return GeneratedHeader(text: emitter.emit(items), pythonABI: python.emit(items), warnings: warnings)
  }
}
