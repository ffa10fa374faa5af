import XCTest

@testable import Hone

/// CSV and JSON exports of a study's trials.
final class StudyExportTests: XCTestCase {
  /// Splits RFC 4180 text into rows of fields, honouring quotes.
  private func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text)[...]
    while let c = chars.popFirst() {
      if quoted {
        if c == "\"" {
          if chars.first == "\"" {
            field.append("\"")
            chars.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        row.append(field)
        field = ""
      } else if c == "\r\n" || c == "\n" {
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      } else {
        field.append(c)
      }
    }
    return rows
  }

  func testCSVHasOptunasColumnsQuotingAndEmptyCells() throws {
    let study = try Study(direction: .minimize, sampler: RandomSampler(seed: 3))
    let a = try study.ask()
    let x = try study.suggestFloat(trial: a, "x", 0, 1)
    try study.setUserAttr(trial: a, key: "note", value: .string("a, \"quoted\"\nnote"))
    try study.tell(trial: a, values: [2.5])
    let b = try study.ask()
    let choice = try study.suggestCategorical(trial: b, "opt", [.string("adam"), .string("sgd")])
    try study.tell(trial: b, values: [.nan])
    let c = try study.ask()
    _ = c

    let rows = parseCSV(try study.export(.csv))
    XCTAssertEqual(
      rows[0],
      [
        "number", "value", "datetime_start", "datetime_complete", "duration", "params_x", "params_opt",
        "user_attrs_note", "state",
      ])
    XCTAssertEqual(rows.count, 4)
    XCTAssertEqual(rows[1][0], "0")
    XCTAssertEqual(rows[1][1], "2.5")
    XCTAssertEqual(Double(rows[1][5]), x)
    XCTAssertEqual(rows[1][6], "")
    XCTAssertEqual(rows[1][7], "a, \"quoted\"\nnote")
    XCTAssertEqual(rows[1][8], "COMPLETE")
    XCTAssertGreaterThanOrEqual(Double(rows[1][4]) ?? -1, 0)
    // A NaN fails the trial, which then has no value.
    XCTAssertEqual(rows[2][1], "")
    XCTAssertEqual(rows[2][6], ["adam", "sgd"][choice])
    XCTAssertEqual(rows[2][8], "FAIL")
    // A running trial has a start but no completion or duration.
    XCTAssertFalse(rows[3][2].isEmpty)
    XCTAssertEqual(rows[3][3], "")
    XCTAssertEqual(rows[3][4], "")
    XCTAssertEqual(rows[3][8], "RUNNING")
  }

  func testMultiObjectiveColumnsAndJSONMatchesTheTrials() throws {
    let study = try Study(directions: [.minimize, .maximize], sampler: RandomSampler(seed: 1))
    let t = try study.ask()
    _ = try study.suggestInt(trial: t, "n", 1, 9)
    try study.tell(trial: t, values: [1, -.infinity])
    let rows = parseCSV(try study.export(.csv))
    XCTAssertEqual(Array(rows[0].prefix(3)), ["number", "values_0", "values_1"])
    XCTAssertEqual(Array(rows[1].prefix(3)), ["0", "1", "-inf"])
    XCTAssertEqual(try study.export(.json), JSON.array(try study.trials.map(\.json)).text)
  }
}
