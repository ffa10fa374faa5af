import XCTest

@testable import Hone

/// One row of a pruner's decision table: a running trial's curve and the decision
/// worked out by hand, with how it was worked out.
struct PruneRow {
  let curve: [Int: Double]
  let prune: Bool
  let why: String

  init(_ curve: [Int: Double], _ prune: Bool, _ why: String) {
    self.curve = curve
    self.prune = prune
    self.why = why
  }
}

/// A trial with intermediate values `curve`, for crafted histories.
func curveTrial(_ number: Int, _ state: TrialState, _ curve: [Int: Double]) -> FrozenTrial {
  let values: [Double]? = state == .complete ? [curve.max { $0.key < $1.key }?.value ?? 0] : nil
  return FrozenTrial(
    number: number, state: state, values: values,
    intermediateValues: Dictionary(uniqueKeysWithValues: curve.map { (Int64($0.key), $0.value) }))
}

/// Checks every row of `rows` against `pruner` over a fixed history of `trials`.
func assertDecisions(
  _ pruner: any Pruner, _ trials: [FrozenTrial], _ rows: [PruneRow], direction: StudyDirection = .minimize,
  _ label: String = "", file: StaticString = #filePath, line: UInt = #line
) throws {
  let history = StudyHistory(directions: [direction], trials: trials)
  for row in rows {
    let decision = try pruner.prune(history, curveTrial(1000, .running, row.curve))
    XCTAssertEqual(decision, row.prune, "\(label) \(row.curve.sorted { $0.key < $1.key }): \(row.why)", file: file, line: line)
  }
}
