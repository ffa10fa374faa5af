import SwiftParser
import SwiftSyntax

/// Finds the declarations of a Swift file that belong in the C header, on swift-syntax's tree.
///
/// Only top-level declarations are considered, in every clause of a top-level `#if`.
/// `@c` / `@_cdecl` public functions, `@c` public enums, public type aliases and
/// public structs named `hone_...` are read; every other declaration is skipped.
/// A file that does not parse is refused at its first syntax error.
struct SourceReader {
  /// The prefix that makes a public struct a C struct; other public structs are Swift-only.
  static let structPrefix = "hone_"

  /// The file name used in diagnostics.
  let file: String
  let converter: SourceLocationConverter
  let docs: DocTrivia
  /// Problems that do not stop generation.
  private(set) var warnings: [Diagnostic] = []
  private var declarations: [ParsedDeclaration] = []

  /// Reads `source`, returning its exported declarations and any warnings.
  static func read(_ source: String, file: String) throws -> (ParsedFile, [Diagnostic]) {
    let tree = Parser.parse(source: source)
    var reader = SourceReader(file: file, tree: tree)
    try reader.readItems(tree.statements)
    reader.addSections(before: tree.endOfFileToken)
    // What no declaration holds: text between the last one and the end, a `#if` condition.
    try reader.refuseSyntaxErrors(in: tree)
    return (ParsedFile(file: file, declarations: reader.declarations), reader.warnings)
  }

  private init(file: String, tree: SourceFileSyntax) {
    self.file = file
    converter = SourceLocationConverter(fileName: file, tree: tree)
    docs = DocTrivia(tree, converter: converter)
  }

  // MARK: - Locations and messages

  /// Where `node` starts, after its leading trivia.
  func position(of node: some SyntaxProtocol) -> SourcePosition {
    position(node.positionAfterSkippingLeadingTrivia)
  }

  /// The line and column of an offset into the file.
  func position(_ offset: AbsolutePosition) -> SourcePosition {
    let location = converter.location(for: offset)
    return SourcePosition(line: location.line, column: location.column)
  }

  /// An error at the start of `node`.
  func error(at node: some SyntaxProtocol, _ message: String) -> Diagnostic {
    Diagnostic(file: file, position: position(of: node), message: message)
  }

  /// The `///` lines directly above `node`.
  func doc(of node: some SyntaxProtocol) -> [DocLine] {
    node.firstToken(viewMode: .sourceAccurate).map { docs.docs(before: $0).attached } ?? []
  }

  private mutating func warn(at node: some SyntaxProtocol, _ message: String) {
    warnings.append(Diagnostic(file: file, position: position(of: node), severity: .warning, message: message))
  }

  // MARK: - Top level

  private mutating func readItems(_ items: CodeBlockItemListSyntax) throws {
    for item in items {
      if let first = item.firstToken(viewMode: .sourceAccurate) {
        addSections(before: first)
      }
      if case .decl(let declaration) = item.item {
        try readTopLevel(declaration)
      } else {
        try refuseSyntaxErrors(in: item)
      }
    }
  }

  /// Turns the `///` blocks detached above `token` into section comments.
  private mutating func addSections(before token: TokenSyntax) {
    for block in docs.docs(before: token).detached {
      declarations.append(.section(doc: block, position: block[0].position))
    }
  }

  private mutating func readTopLevel(_ declaration: DeclSyntax) throws {
    if let ifConfig = declaration.as(IfConfigDeclSyntax.self) {
      try readClauses(of: ifConfig)
      return
    }
    let attributes = try exportAttributes(of: declaration)
    let modifiers = declaration.asProtocol(WithModifiersSyntax.self)?.modifiers.map(\.name.text) ?? []
    let isPublic = modifiers.contains("public") || modifiers.contains("open")
    let exportedToC = attributes.c || attributes.cName != nil
    try refuseSyntaxErrors(in: declaration)

    if let function = declaration.as(FunctionDeclSyntax.self), exportedToC {
      guard isPublic else {
        warn(at: declaration, "@c function '\(name(function.name))' is not public; it is left out of the header")
        return
      }
      declarations.append(try readFunction(function, cName: attributes.cName))
    } else if let enumeration = declaration.as(EnumDeclSyntax.self), exportedToC {
      guard !attributes.cdecl else {
        throw error(at: declaration, "@_cdecl cannot be applied to enum '\(name(enumeration.name))'; use @c")
      }
      guard isPublic else {
        warn(at: declaration, "@c enum '\(name(enumeration.name))' is not public; it is left out of the header")
        return
      }
      declarations.append(try readEnum(enumeration, cName: attributes.cName))
    } else if let alias = declaration.as(TypeAliasDeclSyntax.self), isPublic, !exportedToC {
      declarations.append(try readTypeAlias(alias))
    } else if let structure = declaration.as(StructDeclSyntax.self), !exportedToC,
      name(structure.name).hasPrefix(Self.structPrefix)
    {
      guard isPublic else {
        warn(at: declaration, "struct '\(name(structure.name))' is not public; it is left out of the header")
        return
      }
      declarations.append(try readStruct(structure))
    } else if declaration.is(ImportDeclSyntax.self) {
      let doc = doc(of: declaration)
      if !doc.isEmpty {
        declarations.append(.section(doc: doc, position: doc[0].position))
      }
    } else if exportedToC {
      let introducer = Self.introducer(of: declaration)
      throw error(
        at: declaration,
        "@c / @_cdecl is only supported on public functions and enums, not '\(introducer)'"
          + (introducer == "struct" ? "; a C struct is a plain 'public struct \(Self.structPrefix)name'" : ""))
    }
  }

  /// Reads the declarations of every clause of a top-level `#if`, the sections before each `#` too.
  private mutating func readClauses(of ifConfig: IfConfigDeclSyntax) throws {
    for (index, clause) in ifConfig.clauses.enumerated() {
      if index > 0 {
        addSections(before: clause.poundKeyword)
      }
      if case .statements(let items) = clause.elements {
        try readItems(items)
      }
    }
    addSections(before: ifConfig.poundEndif)
  }

  // MARK: - Attributes

  /// What the attributes in front of a declaration say about its C export.
  struct Attributes {
    /// `@c` was written.
    var c = false
    /// `@_cdecl` was written.
    var cdecl = false
    /// The C name from `@c(name)` or `@_cdecl("name")`.
    var cName: String?
  }

  /// The `@c`, `@c(name)` and `@_cdecl("name")` attributes of `declaration`.
  private func exportAttributes(of declaration: DeclSyntax) throws -> Attributes {
    var result = Attributes()
    for element in declaration.asProtocol(WithAttributesSyntax.self)?.attributes ?? [] {
      guard case .attribute(let attribute) = element else { continue }
      let arguments = attribute.arguments.map { Array($0.tokens(viewMode: .all)) } ?? []
      switch attribute.attributeName.trimmedDescription {
      case "c":
        result.c = true
        guard !arguments.isEmpty else { continue }
        guard arguments.count == 1, case .identifier = arguments[0].tokenKind, arguments[0].presence == .present
        else {
          throw error(at: attribute, "expected @c(c_name) with a single identifier")
        }
        result.cName = name(arguments[0])
      case "_cdecl":
        guard arguments.count == 3, case .stringSegment(let text) = arguments[1].tokenKind,
          arguments.allSatisfy({ $0.presence == .present })
        else {
          throw error(at: attribute, "expected @_cdecl(\"c_name\") with a string literal")
        }
        result.cdecl = true
        result.cName = text
      default:
        break
      }
    }
    return result
  }

  // MARK: - Names

  /// An identifier without the backticks it may be written in.
  func name(_ token: TokenSyntax) -> String {
    token.identifier?.name ?? token.text
  }

  /// The keyword that introduces `declaration` after its attributes and modifiers: `func`, `struct`.
  static func introducer(of declaration: some SyntaxProtocol) -> String {
    let first = declaration.tokens(viewMode: .sourceAccurate).first { token in
      var node = token.parent
      while let current = node, current.id != declaration.id {
        if current.is(AttributeListSyntax.self) || current.is(DeclModifierListSyntax.self) {
          return false
        }
        node = current.parent
      }
      return true
    }
    return first?.text ?? ""
  }
}
