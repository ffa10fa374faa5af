/// A Swift type as written, before it is mapped to C.
indirect enum SwiftType: Equatable {
  /// A possibly qualified name with generic arguments: `Int32`, `UnsafePointer<CChar>`.
  case named(String, arguments: [SwiftType])
  /// `T?` or `T!`.
  case optional(SwiftType)
  /// A parenthesized list: `()` or `(T)` (a one-element list is just `T`).
  case tuple([SwiftType])
  /// A function type: `@convention(c) (T, U) -> R`; `convention` is nil when none was written.
  case function(convention: String?, parameters: [FunctionTypeParameter], result: SwiftType)

  /// The type as Swift spells it, for messages.
  var spelling: String {
    switch self {
    case .named(let name, let arguments):
      arguments.isEmpty ? name : "\(name)<\(arguments.map(\.spelling).joined(separator: ", "))>"
    case .optional(let wrapped):
      "\(wrapped.spelling)?"
    case .tuple(let elements):
      "(\(elements.map(\.spelling).joined(separator: ", ")))"
    case .function(let convention, let parameters, let result):
      (convention.map { "@convention(\($0)) " } ?? "")
        + "(\(parameters.map(\.type.spelling).joined(separator: ", "))) -> \(result.spelling)"
    }
  }
}

/// One parameter of a function type, with the name it may carry as `_ name: T`.
struct FunctionTypeParameter: Equatable {
  /// The parameter's name, or nil when none was written.
  var name: String?
  /// The parameter's type.
  var type: SwiftType
}

/// A parameter of an exported function.
struct ParsedParameter: Equatable {
  /// The internal name, which becomes the C parameter name; nil for `_`.
  var name: String?
  /// The declared type.
  var type: SwiftType
  /// Where the parameter starts.
  var position: SourcePosition
}

/// One case of an exported enum.
struct ParsedEnumCase: Equatable {
  /// The case name, copied verbatim into C.
  var name: String
  /// The explicit raw value.
  var value: Int64
  /// The raw value as it will be written in C (decimal, or hexadecimal when written so).
  var valueSpelling: String
  /// The `///` lines above the case.
  var doc: [DocLine]
  /// Where the case name is.
  var position: SourcePosition
}

/// One stored field of an exported struct.
struct ParsedField: Equatable {
  /// The field name, copied verbatim into C.
  var name: String
  /// The declared type.
  var type: SwiftType
  /// The `///` lines above the field.
  var doc: [DocLine]
  /// Where the field name is.
  var position: SourcePosition
}

/// A declaration of a source file that belongs in the header, or a section comment.
enum ParsedDeclaration: Equatable {
  /// A detached `///` block, emitted as a section comment.
  case section(doc: [DocLine], position: SourcePosition)
  /// `public typealias name = <type>`: an opaque handle, a scalar alias or a callback type.
  case typeAlias(name: String, target: SwiftType, doc: [DocLine], position: SourcePosition)
  /// `public typealias name<Pointee> = UnsafeRawPointer` (or `UnsafeMutableRawPointer`):
  /// the spelling of `const Pointee *` (or `Pointee *`) for a struct `@c` cannot point at.
  case pointerAlias(name: String, constPointee: Bool, position: SourcePosition)
  /// `@c public enum name: RawType { case ... }`.
  case enumeration(
    name: String, swiftName: String, rawType: String, cases: [ParsedEnumCase], doc: [DocLine], position: SourcePosition)
  /// `public struct hone_name { public var field: Type ... }`: a C struct of stored fields.
  case structure(name: String, fields: [ParsedField], doc: [DocLine], position: SourcePosition)
  /// `@c public func`, `@c(name) public func` or `@_cdecl("name") public func`.
  case function(
    name: String, parameters: [ParsedParameter], result: SwiftType?, doc: [DocLine], position: SourcePosition)
}

/// The declarations of one source file, in source order.
struct ParsedFile: Equatable {
  /// The file name used in diagnostics.
  var file: String
  /// The declarations and section comments.
  var declarations: [ParsedDeclaration]
}
