/// Turns the parsed declarations of all files into header items with C types.
///
/// Types are looked up across all files, so a function may use a handle declared
/// in a file that sorts after its own. Every C name is checked to be a valid,
/// unique identifier that is not a C or C++ keyword.
struct Resolver {
  private var mapper = TypeMapper()
  private var identifiers: [String: (file: String, position: SourcePosition)] = [:]
  private var warnings: [Diagnostic] = []

  /// Resolves `files`, in the order given, into header items and warnings.
  static func resolve(_ files: [ParsedFile]) throws -> (items: [ResolvedItem], warnings: [Diagnostic]) {
    var resolver = Resolver()
    try resolver.declareTypes(in: files)
    var items: [ResolvedItem] = []
    for file in files {
      for declaration in file.declarations {
        if let item = try resolver.resolve(declaration, in: file.file) {
          items.append(item)
        }
      }
    }
    return (items, resolver.warnings)
  }

  // MARK: - Types

  private mutating func declareTypes(in files: [ParsedFile]) throws {
    for file in files {
      for declaration in file.declarations {
        switch declaration {
        case .typeAlias(let name, let target, _, let position):
          try declareType(
            swiftName: name, cName: name, symbol: Self.classify(target), file: file.file, position: position)
        case .enumeration(let name, let swiftName, _, _, _, let position):
          try declareType(swiftName: swiftName, cName: name, symbol: .enumeration, file: file.file, position: position)
        case .structure(let name, _, _, let position):
          try declareType(swiftName: name, cName: name, symbol: .structure, file: file.file, position: position)
        case .pointerAlias(let name, let constPointee, let position):
          try checkUndeclared(name, file: file.file, position: position)
          mapper.pointerAliases[name] = (constPointee, file.file, position)
        case .section, .function:
          break
        }
      }
    }
  }

  private mutating func declareType(
    swiftName: String, cName: String, symbol: TypeMapper.Symbol, file: String, position: SourcePosition
  ) throws {
    try checkUndeclared(swiftName, file: file, position: position)
    mapper.declared[swiftName] = TypeMapper.Declared(cName: cName, symbol: symbol, file: file, position: position)
  }

  /// Fails when a type named `swiftName` is declared already.
  private func checkUndeclared(_ swiftName: String, file: String, position: SourcePosition) throws {
    guard
      let earlier = mapper.declared[swiftName].map({ ($0.file, $0.position) })
        ?? mapper.pointerAliases[swiftName].map({ ($0.file, $0.position) })
    else { return }
    throw Diagnostic(
      file: file, position: position,
      message: "type '\(swiftName)' is declared again (first at \(earlier.0):\(earlier.1))")
  }

  /// What a public type alias declares, judged by its target.
  private static func classify(_ target: SwiftType) -> TypeMapper.Symbol {
    var unwrapped = target
    while case .optional(let wrapped) = unwrapped {
      unwrapped = wrapped
    }
    switch unwrapped {
    case .named("OpaquePointer", let arguments) where arguments.isEmpty,
      .named("Swift.OpaquePointer", let arguments) where arguments.isEmpty:
      return .handle
    case .function:
      return .callback
    default:
      return .alias(target: target)
    }
  }

  // MARK: - Declarations

  /// The header item of `declaration`; nil for a pointer alias, which C spells out at each use.
  private mutating func resolve(_ declaration: ParsedDeclaration, in file: String) throws -> ResolvedItem? {
    switch declaration {
    case .pointerAlias:
      return nil

    case .section(let doc, _):
      return ResolvedItem(item: .section(doc: doc), declaredType: nil, uses: [])

    case .typeAlias(let name, let target, let doc, let position):
      try claim(name, what: "type", file: file, position: position)
      var uses: [String] = []
      let item: HeaderItem
      switch Self.classify(target) {
      case .handle:
        item = .handle(name: name, doc: doc)
      case .callback:
        item = try callback(name: name, target: target, doc: doc, file: file, position: position, uses: &uses)
      case .alias, .enumeration, .structure:
        let mapped = try mapper.map(target, file: file, position: position, uses: &uses)
        guard !mapped.type.isVoid else {
          throw Diagnostic(
            file: file, position: position, message: "type alias '\(name)' of Void cannot be exported to C")
        }
        item = .alias(name: name, type: mapped.type, doc: doc)
      }
      return ResolvedItem(item: item, declaredType: name, uses: uses)

    case .enumeration(let name, _, let rawType, let cases, let doc, let position):
      try claim(name, what: "enum", file: file, position: position)
      guard ["Int32", "CInt", "UInt32", "CUnsignedInt"].contains(rawType) else {
        throw Diagnostic(
          file: file, position: position,
          message:
            "raw type of @c enum '\(name)' is '\(rawType)'; it must be Int32 (or UInt32) to match the size of a C enum")
      }
      var cEnumCases: [CEnumCase] = []
      for enumCase in cases {
        try claim(enumCase.name, what: "enum case", file: file, position: enumCase.position)
        guard enumCase.value >= Int64(Int32.min) && enumCase.value <= Int64(Int32.max) else {
          throw Diagnostic(
            file: file, position: enumCase.position,
            message: "raw value \(enumCase.value) of case '\(enumCase.name)' does not fit in a C enum (int)")
        }
        cEnumCases.append(CEnumCase(name: enumCase.name, value: enumCase.valueSpelling, doc: enumCase.doc))
      }
      guard !cEnumCases.isEmpty else {
        throw Diagnostic(
          file: file, position: position, message: "@c enum '\(name)' has no cases; C enums cannot be empty")
      }
      return ResolvedItem(item: .enumeration(name: name, cases: cEnumCases, doc: doc), declaredType: name, uses: [])

    case .structure(let name, let fields, let doc, let position):
      try claim(name, what: "struct", file: file, position: position)
      var uses: [String] = []
      let cFields = try resolveFields(fields, of: name, file: file, position: position, uses: &uses)
      return ResolvedItem(item: .structure(name: name, fields: cFields, doc: doc), declaredType: name, uses: uses)

    case .function(let name, let parameters, let result, let doc, let position):
      try claim(name, what: "function", file: file, position: position)
      var uses: [String] = []
      let resultType =
        try result.map {
          try passable(
            mapper.map($0, file: file, position: position, uses: &uses), file: file, position: position,
            what: "the result of '\(name)'")
        } ?? .void
      let cParameters = try resolveParameters(parameters, of: name, file: file, uses: &uses)
      checkDocumentedParameters(doc, of: name, parameters: cParameters, file: file)
      return ResolvedItem(
        item: .function(name: name, result: resultType, parameters: cParameters, doc: doc),
        declaredType: nil, uses: uses)
    }
  }

  private mutating func callback(
    name: String, target: SwiftType, doc: [DocLine], file: String, position: SourcePosition, uses: inout [String]
  ) throws -> HeaderItem {
    var unwrapped = target
    while case .optional(let wrapped) = unwrapped {
      unwrapped = wrapped
    }
    guard case .function(let convention, let parameters, let result) = unwrapped, convention == "c" else {
      throw Diagnostic(
        file: file, position: position,
        message: "function type alias '\(name)' must be '@convention(c)' to be exported to C")
    }
    let resultType = try passable(
      mapper.map(result, file: file, position: position, uses: &uses), file: file, position: position,
      what: "the result of '\(name)'")
    let syntax = parameters.map { ParsedParameter(name: $0.name, type: $0.type, position: position) }
    let cParameters = try resolveParameters(syntax, of: name, file: file, uses: &uses)
    return .callback(name: name, result: resultType, parameters: cParameters, doc: doc)
  }

  private func resolveParameters(
    _ parameters: [ParsedParameter], of function: String, file: String, uses: inout [String]
  ) throws -> [CParameter] {
    var seen: Set<String> = []
    var result: [CParameter] = []
    for parameter in parameters {
      let label = parameter.name.map { "'\($0)'" } ?? "#\(result.count + 1)"
      func fail(_ message: String) -> Diagnostic {
        Diagnostic(file: file, position: parameter.position, message: message)
      }
      let mapped: TypeMapper.Mapped
      do {
        mapped = try mapper.map(parameter.type, file: file, position: parameter.position, uses: &uses)
      } catch let diagnostic as Diagnostic {
        throw fail("parameter \(label) of '\(function)': \(diagnostic.message)")
      }
      guard !mapped.type.isVoid else {
        throw fail("parameter \(label) of '\(function)' has type Void, which C parameters cannot have")
      }
      _ = try passable(mapped, file: file, position: parameter.position, what: "parameter \(label) of '\(function)'")
      if let name = parameter.name {
        guard CNames.isIdentifier(name) else {
          throw fail("parameter name '\(name)' of '\(function)' is not a valid C identifier")
        }
        guard !CNames.keywords.contains(name) else {
          throw fail("parameter name '\(name)' of '\(function)' is a C or C++ keyword; rename it")
        }
        guard mapper.declared.values.allSatisfy({ $0.cName != name }) else {
          throw fail("parameter name '\(name)' of '\(function)' hides the type of the same name; rename it")
        }
        guard seen.insert(name).inserted else {
          throw fail("parameter name '\(name)' of '\(function)' is used twice")
        }
      }
      result.append(CParameter(name: parameter.name, type: mapped.type))
    }
    return result
  }

  /// The fields of struct `name` in C terms, each a valid, unique, mappable non-struct field.
  private func resolveFields(
    _ fields: [ParsedField], of name: String, file: String, position: SourcePosition, uses: inout [String]
  ) throws -> [CField] {
    guard !fields.isEmpty else {
      throw Diagnostic(
        file: file, position: position, message: "struct '\(name)' has no fields; C structs cannot be empty")
    }
    var seen: Set<String> = []
    var result: [CField] = []
    for field in fields {
      func fail(_ message: String) -> Diagnostic {
        Diagnostic(file: file, position: field.position, message: message)
      }
      let mapped: TypeMapper.Mapped
      var fieldUses: [String] = []
      do {
        mapped = try mapper.map(field.type, file: file, position: field.position, uses: &fieldUses)
      } catch let diagnostic as Diagnostic {
        throw fail("field '\(field.name)' of struct '\(name)': \(diagnostic.message)")
      }
      guard !mapped.type.isVoid else {
        throw fail("field '\(field.name)' of struct '\(name)' has type Void, which C fields cannot have")
      }
      _ = try passable(mapped, file: file, position: field.position, what: "field '\(field.name)' of struct '\(name)'")
      // A pointer to a struct that is not complete yet (itself, or one that points
      // back) would need a tag forward declaration in C and a late _fields_ in ctypes.
      if let pointee = fieldUses.first(where: { mapper.declared[$0]?.symbol == .structure }) {
        throw fail(
          "field '\(field.name)' of struct '\(name)' points at the struct '\(pointee)'; struct fields cannot refer to structs"
        )
      }
      uses += fieldUses.filter { !uses.contains($0) }
      guard CNames.isIdentifier(field.name) else {
        throw fail("field name '\(field.name)' of struct '\(name)' is not a valid C identifier")
      }
      guard !CNames.keywords.contains(field.name) else {
        throw fail("field name '\(field.name)' of struct '\(name)' is a C or C++ keyword; rename it")
      }
      guard seen.insert(field.name).inserted else {
        throw fail("field name '\(field.name)' of struct '\(name)' is used twice")
      }
      result.append(CField(name: field.name, type: mapped.type, doc: field.doc))
    }
    return result
  }

  /// The C type of `mapped`, refused when it is a struct by value.
  ///
  /// A Swift struct is not a C type to `@c`, and Swift lays a struct field out in the
  /// field's size, not its stride (C's `sizeof`), so a struct inside a struct can sit
  /// at a different offset than C puts it: only a pointer to one crosses the boundary.
  private func passable(_ mapped: TypeMapper.Mapped, file: String, position: SourcePosition, what: String) throws
    -> CType
  {
    if let structure = mapped.structByValue {
      throw Diagnostic(
        file: file, position: position,
        message: "\(what) is the struct '\(structure)' by value; pass 'UnsafePointer<\(structure)>?' instead")
    }
    return mapped.type
  }

  /// Reserves a C identifier, failing if it is invalid or already taken.
  private mutating func claim(_ name: String, what: String, file: String, position: SourcePosition) throws {
    guard CNames.isIdentifier(name) else {
      throw Diagnostic(file: file, position: position, message: "\(what) name '\(name)' is not a valid C identifier")
    }
    guard !CNames.keywords.contains(name) else {
      throw Diagnostic(file: file, position: position, message: "\(what) name '\(name)' is a C or C++ keyword")
    }
    if let earlier = identifiers[name] {
      throw Diagnostic(
        file: file, position: position,
        message: "C name '\(name)' is declared again (first at \(earlier.file):\(earlier.position))")
    }
    identifiers[name] = (file, position)
  }

  /// Warns about `- Parameter x:` lines that name no parameter of the function.
  private mutating func checkDocumentedParameters(
    _ doc: [DocLine], of function: String, parameters: [CParameter], file: String
  ) {
    let names = Set(parameters.compactMap(\.name))
    for documented in DocComment.documentedParameters(doc) where !names.contains(documented.name) {
      warnings.append(
        Diagnostic(
          file: file, position: documented.position, severity: .warning,
          message: "doc comment of '\(function)' describes parameter '\(documented.name)', which it does not have"))
    }
  }
}

/// Rules for C identifiers.
enum CNames {
  /// Whether `name` is an ASCII C identifier.
  static func isIdentifier(_ name: String) -> Bool {
    let isDigit: (UInt8) -> Bool = { (0x30...0x39).contains($0) }
    guard let first = name.utf8.first, !isDigit(first) else { return false }
    return name.utf8.allSatisfy { byte in
      isDigit(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F
    }
  }

  /// C99/C11 and C++ keywords, and the macros of `<stdbool.h>`.
  static let keywords: Set<String> = [
    "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else",
    "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long", "register",
    "restrict", "return", "short", "signed", "sizeof", "static", "struct", "switch", "typedef",
    "union", "unsigned", "void", "volatile", "while", "_Bool", "_Complex", "_Imaginary",
    "_Alignas", "_Alignof", "_Atomic", "_Generic", "_Noreturn", "_Static_assert",
    "_Thread_local", "bool", "true", "false", "alignas", "alignof", "and", "and_eq", "asm",
    "bitand", "bitor", "catch", "char16_t", "char32_t", "char8_t", "class", "compl", "concept",
    "consteval", "constexpr", "constinit", "const_cast", "co_await", "co_return", "co_yield",
    "decltype", "delete", "dynamic_cast", "explicit", "export", "friend", "mutable",
    "namespace", "new", "noexcept", "not", "not_eq", "nullptr", "operator", "or", "or_eq",
    "private", "protected", "public", "reinterpret_cast", "requires", "static_assert",
    "static_cast", "template", "this", "thread_local", "throw", "try", "typeid", "typename",
    "using", "virtual", "wchar_t", "xor", "xor_eq",
  ]
}
