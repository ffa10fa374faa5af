import SwiftSyntax

/// Syntax errors: swift-syntax parses every file to the end, inventing the tokens it
/// misses and setting aside the text it cannot place; the generator refuses both.
extension SourceReader {
  /// Fails at the first token in `node` that the parser invented or could not place.
  func refuseSyntaxErrors(in node: some SyntaxProtocol) throws {
    guard node.hasError else { return }
    for token in node.tokens(viewMode: .all) {
      if token.presence == .missing {
        throw missing(token)
      }
      if let unexpected = Self.enclosing(token, UnexpectedNodesSyntax.self) {
        let text = unexpected.trimmedDescription.prefix { $0 != "\n" }
        throw error(at: unexpected, "unexpected '\(text)'" + Self.context(of: token).map { " in \($0)" }.orEmpty)
      }
      if let diagnostic = token.tokenDiagnostic, diagnostic.severity == .error {
        throw error(at: token, "invalid token '\(token.text)'" + Self.context(of: token).map { " in \($0)" }.orEmpty)
      }
    }
  }

  /// The error for a token the parser had to invent: at the end of the token before it,
  /// or, for the `}` of a body, where the parser gave up looking for it.
  private func missing(_ token: TokenSyntax) -> Diagnostic {
    let context = Self.context(of: token)
    if token.tokenKind == .rightBrace, let context,
      token.parent?.is(MemberBlockSyntax.self) == true || token.parent?.is(CodeBlockSyntax.self) == true
    {
      return error(at: token.nextToken(viewMode: .sourceAccurate) ?? token, "unterminated body of \(context)")
    }
    let position = token.previousToken(viewMode: .sourceAccurate)?.endPositionBeforeTrailingTrivia ?? token.position
    let expected: String
    if Self.enclosing(token, MissingTypeSyntax.self) != nil {
      expected = "a type"
    } else if Self.enclosing(token, MissingExprSyntax.self) != nil {
      expected = "an expression"
    } else if token.text.isEmpty {
      expected = "a name"
    } else {
      expected = "'\(token.text)'"
    }
    return Diagnostic(
      file: file, position: self.position(position),
      message: "expected \(expected)" + context.map { " in \($0)" }.orEmpty)
  }

  /// The innermost declaration around `token` that has a name, as messages name it: `enum 'hone_e'`.
  private static func context(of token: TokenSyntax) -> String? {
    var node = token.parent
    while let current = node {
      if let function = current.as(FunctionDeclSyntax.self) {
        return "'\(function.name.text)'"
      } else if let enumeration = current.as(EnumDeclSyntax.self) {
        return "enum '\(enumeration.name.text)'"
      } else if let structure = current.as(StructDeclSyntax.self) {
        return "struct '\(structure.name.text)'"
      } else if let alias = current.as(TypeAliasDeclSyntax.self) {
        return "type alias '\(alias.name.text)'"
      }
      node = current.parent
    }
    return nil
  }

  /// The nearest ancestor of `token` of the given type.
  private static func enclosing<Node: SyntaxProtocol>(_ token: TokenSyntax, _ type: Node.Type) -> Node? {
    var node = token.parent
    while let current = node {
      if let match = current.as(type) {
        return match
      }
      node = current.parent
    }
    return nil
  }
}

extension String? {
  /// The string, or the empty string for nil.
  fileprivate var orEmpty: String { self ?? "" }
}
