/// A C type, rich enough for the C ABI of Hone: names and pointers with const pointees.
indirect enum CType: Equatable, Sendable {
  /// `void`.
  case void
  /// A scalar, enum or typedef name such as `int32_t` or `hone_status`.
  case named(String)
  /// A pointer; `constPointee` makes it `const T *`.
  case pointer(to: CType, constPointee: Bool)

  /// The type as a C abstract declarator: `const char *const *`, `hone_study **`, `double`.
  var spelling: String {
    spelling(const: false)
  }

  private func spelling(const isConst: Bool) -> String {
    switch self {
    case .void:
      return isConst ? "const void" : "void"
    case .named(let name):
      return isConst ? "const \(name)" : name
    case .pointer(let pointee, let constPointee):
      let inner = pointee.spelling(const: constPointee)
      let pointer = inner.hasSuffix("*") ? inner + "*" : inner + " *"
      return isConst ? pointer + "const" : pointer
    }
  }

  /// A declaration of `name` with this type, the `*` against the name: `const char *name`.
  func declaration(of name: String?) -> String {
    let type = spelling
    guard let name else { return type }
    return type.hasSuffix("*") ? type + name : type + " " + name
  }

  /// Whether the type is `void` itself (not a pointer to it).
  var isVoid: Bool {
    self == .void
  }
}

/// A parameter of a C function or function-pointer type.
struct CParameter: Equatable, Sendable {
  /// The name, or nil when the Swift declaration had none.
  var name: String?
  /// The type.
  var type: CType

  /// The parameter as it appears in a prototype.
  var declaration: String {
    type.declaration(of: name)
  }
}

/// The parameter list of a C prototype: `(void)` when there are none.
func parameterList(_ parameters: [CParameter]) -> String {
  parameters.isEmpty ? "(void)" : "(" + parameters.map(\.declaration).joined(separator: ", ") + ")"
}
