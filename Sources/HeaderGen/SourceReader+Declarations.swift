import SwiftSyntax

/// Readers for the kinds of exported declaration: functions, enums, type aliases and structs.
extension SourceReader {
  // MARK: - Functions

  /// Reads an `@c` public function; its C name is `cName` when the attribute gives one.
  func readFunction(_ function: FunctionDeclSyntax, cName: String?) throws -> ParsedDeclaration {
    let swiftName = name(function.name)
    let name = cName ?? swiftName
    if let generics = function.genericParameterClause {
      throw error(at: generics, "generic function '\(swiftName)' cannot be exported to C")
    }
    var parameters: [ParsedParameter] = []
    for parameter in function.signature.parameterClause.parameters {
      parameters.append(try readParameter(parameter, of: name))
    }
    if let effects = function.signature.effectSpecifiers {
      for specifier in [effects.asyncSpecifier, effects.throwsClause?.throwsSpecifier].compactMap({ $0 }) {
        throw error(at: specifier, "'\(name)' is '\(specifier.text)', which a C function cannot be")
      }
    }
    let result = try function.signature.returnClause.map { try swiftType($0.type) }
    if let whereClause = function.genericWhereClause {
      throw error(at: whereClause, "generic function '\(name)' cannot be exported to C")
    }
    guard function.body != nil else {
      throw error(at: function.signature, "expected '{' to open the body of '\(name)'")
    }
    return .function(
      name: name, parameters: parameters, result: result, doc: doc(of: function), position: position(of: function.name))
  }

  private func readParameter(_ parameter: FunctionParameterSyntax, of function: String) throws -> ParsedParameter {
    let internalName = name(parameter.secondName ?? parameter.firstName)
    if let attributed = parameter.type.as(AttributedTypeSyntax.self),
      attributed.specifiers.contains(where: { $0.trimmedDescription == "inout" })
    {
      throw error(
        at: parameter.type,
        "inout parameter '\(internalName)' of '\(function)' cannot be exported to C; use UnsafeMutablePointer")
    }
    if let ellipsis = parameter.ellipsis {
      throw error(at: ellipsis, "variadic parameter '\(internalName)' of '\(function)' cannot be exported to C")
    }
    return ParsedParameter(
      name: internalName == "_" ? nil : internalName, type: try swiftType(parameter.type),
      position: position(of: parameter))
  }

  // MARK: - Enums

  /// Reads an `@c` public enum; its C name is `cName` when the attribute gives one.
  func readEnum(_ enumeration: EnumDeclSyntax, cName: String?) throws -> ParsedDeclaration {
    let swiftName = name(enumeration.name)
    let name = cName ?? swiftName
    if let generics = enumeration.genericParameterClause {
      throw error(at: generics, "generic enum '\(swiftName)' cannot be exported to C")
    }
    guard let rawTypeSyntax = enumeration.inheritanceClause?.inheritedTypes.first?.type else {
      throw error(
        at: enumeration.name, "@c enum '\(name)' needs an integer raw type, as in 'enum \(swiftName): Int32'")
    }
    guard case .named(let rawType, let arguments) = try swiftType(rawTypeSyntax), arguments.isEmpty else {
      throw error(at: rawTypeSyntax, "raw type of enum '\(name)' must be an integer type such as Int32")
    }
    if let whereClause = enumeration.genericWhereClause {
      throw error(at: whereClause, "generic enum '\(swiftName)' cannot be exported to C")
    }
    let cases = try readCases(enumeration.memberBlock.members, of: name)
    return .enumeration(
      name: name, swiftName: swiftName, rawType: rawType, cases: cases, doc: doc(of: enumeration),
      position: position(of: enumeration.name))
  }

  /// The cases among `members`, in every clause of an `#if`; other members are skipped.
  private func readCases(_ members: MemberBlockItemListSyntax, of name: String) throws -> [ParsedEnumCase] {
    var cases: [ParsedEnumCase] = []
    for member in members {
      if let caseDeclaration = member.decl.as(EnumCaseDeclSyntax.self) {
        // The doc belongs to the first case of a `case A = 0, B = 1` list.
        var doc = doc(of: caseDeclaration)
        for element in caseDeclaration.elements {
          cases.append(try readCase(element, of: name, doc: doc))
          doc = []
        }
      } else if let ifConfig = member.decl.as(IfConfigDeclSyntax.self) {
        for clause in ifConfig.clauses {
          if case .decls(let clauseMembers) = clause.elements {
            cases += try readCases(clauseMembers, of: name)
          }
        }
      }
    }
    return cases
  }

  private func readCase(_ element: EnumCaseElementSyntax, of name: String, doc: [DocLine]) throws -> ParsedEnumCase {
    let caseName = self.name(element.name)
    if let associated = element.parameterClause {
      throw error(
        at: associated, "case '\(caseName)' of enum '\(name)' has associated values, which C cannot represent")
    }
    guard let rawValue = element.rawValue?.value else {
      throw error(
        at: element, "case '\(caseName)' of enum '\(name)' needs an explicit raw value, as in '\(caseName) = 0'")
    }
    let (value, spelling) = try integerLiteral(rawValue, of: caseName)
    return ParsedEnumCase(
      name: caseName, value: value, valueSpelling: spelling, doc: doc, position: position(of: element))
  }

  /// An optionally negative integer literal (decimal, `0x`, `0o` or `0b`, with `_` separators)
  /// and its C spelling: hexadecimal stays hexadecimal, everything else becomes decimal.
  private func integerLiteral(_ expression: ExprSyntax, of caseName: String) throws -> (Int64, String) {
    var negative = false
    var literalExpression = expression
    if let prefix = expression.as(PrefixOperatorExprSyntax.self), prefix.operator.text == "-" {
      negative = true
      literalExpression = prefix.expression
    }
    guard let literal = literalExpression.as(IntegerLiteralExprSyntax.self) else {
      throw error(
        at: expression,
        "raw value of case '\(caseName)' must be an integer literal, found '\(expression.trimmedDescription)'")
    }
    let digits = literal.literal.text.filter { $0 != "_" }
    var radix = 10
    var body = Substring(digits)
    for (prefix, base) in [("0x", 16), ("0o", 8), ("0b", 2)] where digits.hasPrefix(prefix) {
      radix = base
      body = digits.dropFirst(2)
    }
    guard !body.isEmpty, let magnitude = Int64(body, radix: radix) else {
      throw error(
        at: literal, "raw value '\(literal.literal.text)' of case '\(caseName)' is not an integer that fits in 64 bits")
    }
    let value = negative ? -magnitude : magnitude
    let sign = negative ? "-" : ""
    return (value, radix == 16 ? "\(sign)0x\(body)" : String(value))
  }

  // MARK: - Type aliases

  /// Reads a public type alias: a handle, a scalar alias, a callback type or a pointer alias.
  func readTypeAlias(_ alias: TypeAliasDeclSyntax) throws -> ParsedDeclaration {
    let name = name(alias.name)
    if let generics = alias.genericParameterClause {
      return try readPointerAlias(alias, name: name, generics: generics)
    }
    return .typeAlias(
      name: name, target: try swiftType(alias.initializer.value), doc: doc(of: alias),
      position: position(of: alias.name))
  }

  /// Reads `typealias name<Pointee> = UnsafeRawPointer`, the one generic alias C has a meaning for.
  ///
  /// `@c` refuses a pointer to a Swift struct, so a function takes the raw pointer
  /// under this alias and the header gets the typed pointer.
  private func readPointerAlias(
    _ alias: TypeAliasDeclSyntax, name: String, generics: GenericParameterClauseSyntax
  ) throws -> ParsedDeclaration {
    let refused = error(
      at: generics,
      "generic type alias '\(name)' cannot be exported to C; the only generic alias is one pointee"
        + " parameter over a raw pointer, as in 'typealias \(name)<Pointee> = UnsafeRawPointer'")
    guard generics.parameters.count == 1, alias.genericWhereClause == nil else { throw refused }
    switch try swiftType(alias.initializer.value) {
    case .named("UnsafeRawPointer", let arguments) where arguments.isEmpty,
      .named("Swift.UnsafeRawPointer", let arguments) where arguments.isEmpty:
      return .pointerAlias(name: name, constPointee: true, position: position(of: alias.name))
    case .named("UnsafeMutableRawPointer", let arguments) where arguments.isEmpty,
      .named("Swift.UnsafeMutableRawPointer", let arguments) where arguments.isEmpty:
      return .pointerAlias(name: name, constPointee: false, position: position(of: alias.name))
    default:
      throw refused
    }
  }

  // MARK: - Structs

  /// Reads a public struct named `hone_...`, whose members must all be public stored `var` fields.
  func readStruct(_ structure: StructDeclSyntax) throws -> ParsedDeclaration {
    let name = name(structure.name)
    if let generics = structure.genericParameterClause {
      throw error(at: generics, "generic struct '\(name)' cannot be exported to C")
    }
    if let whereClause = structure.genericWhereClause {
      throw error(at: whereClause, "generic struct '\(name)' cannot be exported to C")
    }
    var fields: [ParsedField] = []
    for member in structure.memberBlock.members {
      fields.append(try readField(member.decl, of: name))
    }
    return .structure(name: name, fields: fields, doc: doc(of: structure), position: position(of: structure.name))
  }

  /// Reads one member of struct `structName`, refusing anything but a public stored `var` with a type.
  private func readField(_ member: DeclSyntax, of structName: String) throws -> ParsedField {
    if member.is(IfConfigDeclSyntax.self) {
      throw error(
        at: member, "struct '\(structName)' has a compiler directive; a C struct's fields cannot be conditional")
    }
    guard let variable = member.as(VariableDeclSyntax.self),
      !variable.modifiers.contains(where: { ["static", "class"].contains($0.name.text) })
    else {
      let what = member.is(VariableDeclSyntax.self) ? "a static member" : "'\(Self.introducer(of: member))'"
      throw error(
        at: member, "struct '\(structName)' declares \(what); a C struct holds public stored 'var' fields only")
    }
    guard let binding = variable.bindings.first, let pattern = binding.pattern.as(IdentifierPatternSyntax.self)
    else {
      throw error(at: variable.bindings, "expected a field name in struct '\(structName)'")
    }
    let name = name(pattern.identifier)
    func fail(_ message: String) -> Diagnostic {
      error(at: pattern, "field '\(name)' of struct '\(structName)' \(message)")
    }
    let modifiers = variable.modifiers.map(\.name.text)
    guard modifiers.contains("public") || modifiers.contains("open") else {
      throw fail("is not public; every field of a C struct is visible to C")
    }
    guard variable.bindingSpecifier.tokenKind == .keyword(.var) else {
      throw fail("is a 'let'; C code can write every field, so declare it 'public var'")
    }
    guard variable.attributes.isEmpty else {
      throw fail("has an attribute; a property wrapper or macro would change what is stored")
    }
    guard variable.bindings.count == 1 else {
      throw fail("shares its 'var' with another field; declare one field per 'var'")
    }
    guard let type = binding.typeAnnotation?.type else {
      throw fail("needs an explicit type, as in '\(name): Int32'")
    }
    guard binding.accessorBlock == nil else {
      throw fail("is a computed property or has observers; a C struct holds stored fields only")
    }
    return ParsedField(name: name, type: try swiftType(type), doc: doc(of: variable), position: position(of: pattern))
  }
}
