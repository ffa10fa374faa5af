import XCTest

@testable import HeaderGen

/// Swift doc markup turned into C doc text.
final class DocCommentTests: XCTestCase {
  private func render(_ lines: [String]) -> [String] {
    DocComment.render(lines.enumerated().map { DocLine(text: $0.element, line: $0.offset + 1, column: 1) })
  }

  func testParametersListAndReturns() {
    XCTAssertEqual(
      render([
        "Summary.",
        "- Parameters:",
        "  - a: First,",
        "    continued.",
        "  - b: Second.",
        "- Returns: Something.",
        "- Throws: Never in C.",
      ]),
      [
        "Summary.",
        "",
        "@param a First,",
        "  continued.",
        "@param b Second.",
        "@return Something.",
        "- Throws: Never in C.",
      ])
  }

  func testCalloutsAreCaseInsensitive() {
    XCTAssertEqual(
      render(["- parameter x: X.", "- returns: R.", "- warning: W.", "- SeeAlso: `hone_f`."]),
      ["@param x X.", "@return R.", "@warning W.", "@see `hone_f`."])
  }

  func testOrdinaryListsAndCodeBlocksAreKept() {
    XCTAssertEqual(
      render([
        "Modes:",
        "- fast: skips checks.",
        "",
        "```",
        "- Returns: not a callout inside code",
        "hone_study_ask(&id, study);",
        "```",
      ]),
      [
        "Modes:",
        "- fast: skips checks.",
        "",
        "```",
        "- Returns: not a callout inside code",
        "hone_study_ask(&id, study);",
        "```",
      ])
  }

  func testBlankLinesAreTidied() {
    XCTAssertEqual(render(["", "One.", "", "", "Two.", ""]), ["One.", "", "Two."])
  }

  func testDocumentedParametersAreCheckedAgainstTheSignature() throws {
    let source = """
      /// Does it.
      /// - Parameter x: Exists.
      /// - Parameter y: Does not exist.
      @c public func hone_f(_ x: Int32) {}
      """
    let header = try generateHeader([("Sources/HoneC/F.swift", source)])
    XCTAssertEqual(
      header.warnings.map(\.description),
      ["Sources/HoneC/F.swift:3:1: warning: doc comment of 'hone_f' describes parameter 'y', which it does not have"])
  }
}
