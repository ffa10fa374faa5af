/// The parser for Swift type syntax: names, generic arguments, optionals and function types.
extension Parser {
  /// Parses a type at the cursor.
  mutating func parseType() throws -> TypeSyntax {
    var type: TypeSyntax
    if current.isPunctuation("@") {
      type = try parseAttributedFunctionType()
    } else if current.isPunctuation("(") {
      type = try parseParenthesizedType(convention: nil)
    } else if current.kind == .identifier && !current.backticked
      && ["some", "any", "inout", "sending", "borrowing", "consuming", "isolated"].contains(current.text)
    {
      throw error("'\(current.text)' types cannot be exported to C")
    } else if current.kind == .identifier {
      type = try parseNamedType()
    } else if current.isPunctuation("[") {
      throw error("array and dictionary types cannot be exported to C; use a pointer and a count")
    } else {
      throw error("expected a type, found \(describe(current))")
    }
    while current.isPunctuation("?") || current.isPunctuation("!") {
      type = .optional(type)
      advance()
    }
    return type
  }

  /// Parses `Name`, `Module.Name` or `Name<Arguments>`.
  private mutating func parseNamedType() throws -> TypeSyntax {
    var name = current.text
    advance()
    while current.isPunctuation(".") && peek(1).kind == .identifier {
      advance()
      name += "." + current.text
      advance()
    }
    var arguments: [TypeSyntax] = []
    if current.isPunctuation("<") {
      advance()
      arguments.append(try parseType())
      while current.isPunctuation(",") {
        advance()
        arguments.append(try parseType())
      }
      try expect(">", "to close the generic arguments of '\(name)'")
    }
    return .named(name, arguments: arguments)
  }

  /// Parses `@convention(c) (...) -> R` and other attributed function types.
  private mutating func parseAttributedFunctionType() throws -> TypeSyntax {
    var convention: String?
    while current.isPunctuation("@") {
      advance()
      guard current.kind == .identifier else {
        throw error("expected a type attribute after '@', found \(describe(current))")
      }
      let attribute = current.text
      advance()
      if attribute == "convention" {
        try expect("(", "after @convention")
        guard current.kind == .identifier else {
          throw error("expected a calling convention, found \(describe(current))")
        }
        convention = current.text
        advance()
        try expect(")", "after the calling convention")
      }
    }
    guard current.isPunctuation("(") else {
      throw error("expected a function type after its attributes, found \(describe(current))")
    }
    let type = try parseParenthesizedType(convention: convention)
    guard case .function = type else {
      throw error("expected a function type after its attributes")
    }
    return type
  }

  /// Parses `(...)`: a parenthesized type, a tuple, or a function type when `->` follows.
  private mutating func parseParenthesizedType(convention: String?) throws -> TypeSyntax {
    advance()
    var elements: [FunctionTypeParameter] = []
    while !current.isPunctuation(")") {
      var name: String?
      if current.kind == .identifier && peek(1).isPunctuation(":") {
        name = current.text
        advance()
        advance()
      } else if current.kind == .identifier && peek(1).kind == .identifier && peek(2).isPunctuation(":") {
        name = peek(1).text
        advance()
        advance()
        advance()
      }
      elements.append(FunctionTypeParameter(name: name == "_" ? nil : name, type: try parseType()))
      if current.isPunctuation(",") {
        advance()
      } else if !current.isPunctuation(")") {
        throw error("expected ',' or ')' in a parenthesized type, found \(describe(current))")
      }
    }
    advance()
    if current.kind == .identifier, ["async", "throws", "rethrows"].contains(current.text) {
      throw error("'\(current.text)' function types cannot be exported to C")
    }
    if current.isPunctuation("->") {
      advance()
      let result = try parseType()
      return .function(convention: convention, parameters: elements, result: result)
    }
    if convention != nil {
      throw error("expected '->' in a @convention function type, found \(describe(current))")
    }
    if elements.count == 1 && elements[0].name == nil {
      return elements[0].type
    }
    return .tuple(elements.map(\.type))
  }
}
