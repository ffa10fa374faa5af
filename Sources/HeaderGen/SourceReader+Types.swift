import SwiftSyntax

/// Swift type syntax as the type mapper sees it: names, generic arguments, optionals and function types.
extension SourceReader {
  /// The type `type` as written, or an error for a kind of type C has no counterpart for.
  func swiftType(_ type: TypeSyntax) throws -> SwiftType {
    if let identifier = type.as(IdentifierTypeSyntax.self) {
      return .named(name(identifier.name), arguments: try genericArguments(identifier.genericArgumentClause))
    }
    if let member = type.as(MemberTypeSyntax.self) {
      guard case .named(let base, let baseArguments) = try swiftType(member.baseType), baseArguments.isEmpty else {
        throw error(at: type, "type '\(type.trimmedDescription)' cannot be exported to C")
      }
      return .named(base + "." + name(member.name), arguments: try genericArguments(member.genericArgumentClause))
    }
    if let optional = type.as(OptionalTypeSyntax.self) {
      return .optional(try swiftType(optional.wrappedType))
    }
    if let optional = type.as(ImplicitlyUnwrappedOptionalTypeSyntax.self) {
      return .optional(try swiftType(optional.wrappedType))
    }
    if let tuple = type.as(TupleTypeSyntax.self) {
      if tuple.elements.count == 1, let only = tuple.elements.first, only.firstName == nil {
        return try swiftType(only.type)
      }
      return .tuple(try tuple.elements.map { try swiftType($0.type) })
    }
    if let function = type.as(FunctionTypeSyntax.self) {
      return try functionType(function, convention: nil)
    }
    if let attributed = type.as(AttributedTypeSyntax.self) {
      return try attributedType(attributed)
    }
    if let someOrAny = type.as(SomeOrAnyTypeSyntax.self) {
      throw error(at: type, "'\(someOrAny.someOrAnySpecifier.text)' types cannot be exported to C")
    }
    if type.is(ArrayTypeSyntax.self) || type.is(DictionaryTypeSyntax.self) || type.is(InlineArrayTypeSyntax.self) {
      throw error(at: type, "array and dictionary types cannot be exported to C; use a pointer and a count")
    }
    throw error(at: type, "type '\(type.trimmedDescription)' cannot be exported to C")
  }

  private func genericArguments(_ clause: GenericArgumentClauseSyntax?) throws -> [SwiftType] {
    try (clause?.arguments ?? []).map { argument in
      guard case .type(let type) = argument.argument else {
        throw error(at: argument, "value generic argument '\(argument.trimmedDescription)' cannot be exported to C")
      }
      return try swiftType(type)
    }
  }

  /// `@convention(c) (...) -> R` and other attributed function types; specifiers such as `inout` are refused.
  private func attributedType(_ attributed: AttributedTypeSyntax) throws -> SwiftType {
    if let specifier = attributed.specifiers.first {
      let keyword = specifier.trimmedDescription.prefix { $0 != "(" }
      throw error(at: specifier, "'\(keyword)' types cannot be exported to C")
    }
    var convention: String?
    for element in attributed.attributes {
      guard case .attribute(let attribute) = element, attribute.attributeName.trimmedDescription == "convention"
      else { continue }
      convention =
        attribute.arguments?.tokens(viewMode: .sourceAccurate).first { token in
          if case .identifier = token.tokenKind { return true }
          return false
        }?.text
    }
    guard let function = attributed.baseType.as(FunctionTypeSyntax.self) else {
      throw error(at: attributed.baseType, "expected a function type after its attributes")
    }
    return try functionType(function, convention: convention)
  }

  private func functionType(_ function: FunctionTypeSyntax, convention: String?) throws -> SwiftType {
    if let effects = function.effectSpecifiers {
      for specifier in [effects.asyncSpecifier, effects.throwsClause?.throwsSpecifier].compactMap({ $0 }) {
        throw error(at: specifier, "'\(specifier.text)' function types cannot be exported to C")
      }
    }
    let parameters = try function.parameters.map { element in
      let parameterName = (element.secondName ?? element.firstName).map(name)
      return FunctionTypeParameter(
        name: parameterName == "_" ? nil : parameterName, type: try swiftType(element.type))
    }
    return .function(convention: convention, parameters: parameters, result: try swiftType(function.returnClause.type))
  }
}
