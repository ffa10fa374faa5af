/// Writes `_abi.py`, the ctypes declarations of the C API, from the same resolved items as `hone.h`.
///
/// The module holds, in the order of the header: a ctypes type for every
/// handle, enum, alias and callback, and a `Structure` subclass for every struct; a constant for every enumerator and a
/// `<enum>_values` dictionary per enum; and `FUNCTIONS`, the `(restype,
/// argtypes)` of every exported function, in the order of the header.
///
/// Handles are `c_void_p`, the pointer itself, so that `hone_study *` is
/// `hone_study`. A `char **` out-parameter is `POINTER(c_void_p)`: ctypes would
/// turn a `c_char_p` into a copy and lose the pointer that `hone_free` needs.
struct PythonABIEmitter {
  /// Where the declarations come from, as the banner names it (`Sources/HoneC`).
  var sourcesLabel: String

  /// The ctypes names of the C scalar types the type mapper produces.
  static let scalars: [String: String] = [
    "int8_t": "c_int8", "int16_t": "c_int16", "int32_t": "c_int32", "int64_t": "c_int64",
    "uint8_t": "c_uint8", "uint16_t": "c_uint16", "uint32_t": "c_uint32", "uint64_t": "c_uint64",
    "ptrdiff_t": "c_ssize_t", "size_t": "c_size_t", "double": "c_double", "float": "c_float",
    "bool": "c_bool", "char": "c_char", "signed char": "c_byte", "unsigned char": "c_ubyte",
    "short": "c_short", "unsigned short": "c_ushort", "int": "c_int", "unsigned int": "c_uint",
    "long": "c_long", "unsigned long": "c_ulong", "long long": "c_longlong",
    "unsigned long long": "c_ulonglong",
  ]

  /// The complete module text, ending in a newline.
  func emit(_ items: [ResolvedItem]) -> String {
    // A Structure's fields and an alias's target must exist before the class or alias does.
    let items = ResolvedItem.inDependencyOrder(items)
    var handles: Set<String> = []
    for resolved in items {
      if case .handle(let name, _) = resolved.item { handles.insert(name) }
    }
    var types: [String] = []
    var constants: [String] = []
    var functions: [String] = []
    for resolved in items {
      switch resolved.item {
      case .section:
        break
      case .handle(let name, _):
        types.append("\(name) = c_void_p")
      case .enumeration(let name, let cases, _):
        // A C enum is passed as an int.
        types.append("\(name) = c_int")
        let values = cases.map { "\($0.name) = \($0.value)" }
        let entries = cases.map { "    \"\($0.name)\": \($0.value)," }
        constants.append((values + ["\(name)_values = {"] + entries + ["}"]).joined(separator: "\n"))
      case .alias(let name, let type, _):
        types.append("\(name) = \(ctype(type, handles: handles))")
      case .structure(let name, let fields, _):
        let entries = fields.map { "        (\"\($0.name)\", \(ctype($0.type, handles: handles)))," }
        types.append((["class \(name)(Structure):", "    _fields_ = ["] + entries + ["    ]"]).joined(separator: "\n"))
      case .callback(let name, let result, let parameters, _):
        let arguments = ([result] + parameters.map(\.type)).map { ctype($0, handles: handles) }
        types.append("\(name) = CFUNCTYPE(\(arguments.joined(separator: ", ")))")
      case .function(let name, let result, let parameters, _):
        let arguments = parameters.map { ctype($0.type, handles: handles) }
        functions.append(
          "    \"\(name)\": (\(ctype(result, handles: handles)), [\(arguments.joined(separator: ", "))]),")
      }
    }
    let functionTable = (["FUNCTIONS = {"] + functions + ["}"]).joined(separator: "\n")
    let body = [
      typeDefinitions(types), constants.joined(separator: "\n\n"),
      "# name: (restype, argtypes), in the order of the header.\n" + functionTable,
    ]
    return ([banner(), imports(for: body)] + body).filter { !$0.isEmpty }.joined(separator: "\n\n\n") + "\n"
  }

  /// The type definitions: one-line assignments one under the other, a class apart from its neighbours.
  private func typeDefinitions(_ types: [String]) -> String {
    var text = ""
    for (index, definition) in types.enumerated() {
      if index > 0 {
        text += definition.contains("\n") || types[index - 1].contains("\n") ? "\n\n\n" : "\n"
      }
      text += definition
    }
    return text
  }

  /// The ctypes expression for `type`.
  func ctype(_ type: CType, handles: Set<String>) -> String {
    switch type {
    case .void:
      return "None"
    case .named(let name):
      return Self.scalars[name] ?? name
    case .pointer(let pointee, _):
      switch pointee {
      case .void:
        return "c_void_p"
      case .named("char"):
        return "c_char_p"
      case .named(let name) where handles.contains(name):
        return name
      case .pointer(.named("char"), false):
        return "POINTER(c_void_p)"
      default:
        return "POINTER(\(ctype(pointee, handles: handles)))"
      }
    }
  }

  private func banner() -> String {
    """
    # _abi.py: the ctypes declarations of the C API of Hone.
    #
    # Generated by hone-headergen from the Swift sources in \(sourcesLabel),
    # the same declarations as include/hone.h. Do not edit this file by hand:
    # change the Swift declarations, then run `make header` to regenerate it.
    """
  }

  /// `from ctypes import ...` of the ctypes names that `body` uses, sorted.
  private func imports(for body: [String]) -> String {
    var words: Set<Substring> = []
    for text in body {
      words.formUnion(text.split { !($0.isLetter || $0.isNumber || $0 == "_") })
    }
    let available = Set(Self.scalars.values).union(["CFUNCTYPE", "POINTER", "Structure", "c_char_p", "c_void_p"])
    let names = available.filter { words.contains(Substring($0)) }.sorted()
    return "from ctypes import (\n" + names.map { "    \($0),\n" }.joined() + ")"
  }
}
