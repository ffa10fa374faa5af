/// Maps Swift types to C types, knowing the handles, enums and aliases the sources declare.
struct TypeMapper {
  /// What a declared Swift type name stands for.
  enum Symbol: Equatable {
    /// `typealias name = OpaquePointer`: a pointer to an incomplete struct.
    case handle
    /// A `@c` enum, passed by value.
    case enumeration
    /// A `public struct hone_name` of stored fields, passed by pointer.
    case structure
    /// A `@convention(c)` function type alias, itself a pointer.
    case callback
    /// A type alias of another mappable type.
    case alias(target: SwiftType)
  }

  /// A declared type: its C name, what it is, and where it was declared.
  struct Declared: Equatable {
    /// The name C code uses.
    var cName: String
    /// What the name stands for.
    var symbol: Symbol
    /// The declaring file.
    var file: String
    /// Where the declared name is.
    var position: SourcePosition
  }

  /// A mapped type and whether C can pass a null for it (whether it is a pointer).
  struct Mapped: Equatable {
    /// The C type.
    var type: CType
    /// Whether the type is a pointer, so that a Swift optional of it is allowed.
    var isPointer: Bool
    /// The struct the type is, by value (directly or through an alias), if it is one.
    var structByValue: String? = nil
  }

  /// Swift scalar types and their C spellings.
  static let scalars: [String: CType] = [
    "Int8": .named("int8_t"), "Int16": .named("int16_t"), "Int32": .named("int32_t"),
    "Int64": .named("int64_t"), "UInt8": .named("uint8_t"), "UInt16": .named("uint16_t"),
    "UInt32": .named("uint32_t"), "UInt64": .named("uint64_t"), "Int": .named("ptrdiff_t"),
    "UInt": .named("size_t"), "Double": .named("double"), "Float": .named("float"),
    "Bool": .named("bool"), "CChar": .named("char"), "CBool": .named("bool"),
    "CSignedChar": .named("signed char"), "CUnsignedChar": .named("unsigned char"),
    "CShort": .named("short"), "CUnsignedShort": .named("unsigned short"), "CInt": .named("int"),
    "CUnsignedInt": .named("unsigned int"), "CLong": .named("long"),
    "CUnsignedLong": .named("unsigned long"), "CLongLong": .named("long long"),
    "CUnsignedLongLong": .named("unsigned long long"), "CFloat": .named("float"),
    "CDouble": .named("double"), "Void": .void,
  ]

  /// Declared types by Swift name.
  var declared: [String: Declared] = [:]

  /// Generic aliases of raw pointers by Swift name, and whether their pointee is const:
  /// `name<T>` is `const T *`, or `T *`. They are spellings, not C declarations.
  var pointerAliases: [String: (constPointee: Bool, file: String, position: SourcePosition)] = [:]

  /// Maps `syntax`; names of declared types it refers to are appended to `uses`.
  ///
  /// - Throws: A `Diagnostic` at `file:line:column` for a type C cannot express or an unknown name.
  func map(_ syntax: SwiftType, file: String, position: SourcePosition, uses: inout [String]) throws -> Mapped {
    var visiting: Set<String> = []
    return try map(syntax, file: file, position: position, uses: &uses, visiting: &visiting)
  }

  private func map(
    _ syntax: SwiftType, file: String, position: SourcePosition, uses: inout [String], visiting: inout Set<String>
  ) throws -> Mapped {
    func fail(_ message: String) -> Diagnostic {
      Diagnostic(file: file, position: position, message: message)
    }
    switch syntax {
    case .optional(let wrapped):
      let mapped = try map(wrapped, file: file, position: position, uses: &uses, visiting: &visiting)
      guard mapped.isPointer else {
        throw fail("'\(syntax.spelling)' cannot be exported to C: only pointer types can be optional")
      }
      return mapped
    case .tuple(let elements):
      guard elements.isEmpty else {
        throw fail("tuple type '\(syntax.spelling)' cannot be exported to C")
      }
      return Mapped(type: .void, isPointer: false)
    case .function:
      throw fail("function type '\(syntax.spelling)' must be named by a public typealias to be exported to C")
    case .named(let qualifiedName, let arguments):
      let name = qualifiedName.hasPrefix("Swift.") ? String(qualifiedName.dropFirst(6)) : qualifiedName
      func noArguments() throws {
        guard arguments.isEmpty else {
          throw fail("type '\(syntax.spelling)' takes no generic arguments")
        }
      }
      if let scalar = Self.scalars[name] {
        try noArguments()
        return Mapped(type: scalar, isPointer: false)
      }
      switch name {
      case "UnsafePointer", "UnsafeMutablePointer":
        guard arguments.count == 1 else {
          throw fail("'\(name)' needs exactly one generic argument, as in '\(name)<CChar>'")
        }
        let pointee = try map(arguments[0], file: file, position: position, uses: &uses, visiting: &visiting)
        return Mapped(type: .pointer(to: pointee.type, constPointee: name == "UnsafePointer"), isPointer: true)
      case "UnsafeRawPointer":
        try noArguments()
        return Mapped(type: .pointer(to: .void, constPointee: true), isPointer: true)
      case "UnsafeMutableRawPointer", "OpaquePointer":
        try noArguments()
        return Mapped(type: .pointer(to: .void, constPointee: false), isPointer: true)
      default:
        break
      }
      if let alias = pointerAliases[name] {
        // The alias is not in C, so it is no use of a declaration; its pointee is.
        guard arguments.count == 1 else {
          throw fail("'\(name)' needs exactly one generic argument, the type it points at, as in '\(name)<hone_array>'")
        }
        let pointee = try map(arguments[0], file: file, position: position, uses: &uses, visiting: &visiting)
        return Mapped(type: .pointer(to: pointee.type, constPointee: alias.constPointee), isPointer: true)
      }
      guard let declaration = declared[name] else {
        throw fail(
          "unknown type '\(syntax.spelling)': it is neither a C-compatible Swift type nor a public typealias, @c enum or hone_ struct of the sources"
        )
      }
      try noArguments()
      if !uses.contains(declaration.cName) {
        uses.append(declaration.cName)
      }
      switch declaration.symbol {
      case .handle:
        return Mapped(type: .pointer(to: .named(declaration.cName), constPointee: false), isPointer: true)
      case .enumeration:
        return Mapped(type: .named(declaration.cName), isPointer: false)
      case .structure:
        return Mapped(type: .named(declaration.cName), isPointer: false, structByValue: declaration.cName)
      case .callback:
        return Mapped(type: .named(declaration.cName), isPointer: true)
      case .alias(let target):
        guard visiting.insert(name).inserted else {
          throw fail("type alias '\(name)' refers to itself")
        }
        defer { visiting.remove(name) }
        var ignored: [String] = []
        let underlying = try map(
          target, file: declaration.file, position: declaration.position, uses: &ignored, visiting: &visiting)
        return Mapped(
          type: .named(declaration.cName), isPointer: underlying.isPointer, structByValue: underlying.structByValue)
      }
    }
  }
}
