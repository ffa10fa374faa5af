import XCTest

@testable import Hone

/// Training tied to a trial: reports every epoch, refuses finished trials.
final class StudyMLPTests: XCTestCase {
  func testTrainingReportsEachEpochToTheTrial() throws {
    let study = try Study(direction: .minimize, sampler: RandomSampler(seed: 1))
    let t = try study.ask()
    var config = MLPConfig()
    config.epochs = 7
    let x: [Float] = (0..<40).map { Float($0) / 40 }
    let data = try MLPDataset(features: x, rows: 40, targets: x.map { 2 * $0 + 1 })
    let result = try study.trainMLP(trial: t, data: data, validation: nil, config: config)
    let reported = try study.trial(t).intermediateValues
    XCTAssertEqual(reported.keys.sorted(), Array(1...Int64(result.history.count)))
    XCTAssertEqual(result.history.count, 7)
    XCTAssertEqual(reported[7], result.history.last?.monitored)

    try study.tell(trial: t, values: [0])
    XCTAssertThrowsError(try study.trainMLP(trial: t, data: data, validation: nil, config: config)) {
      guard case .state = $0 as? HoneError else { return XCTFail("\($0)") }
    }
  }
}
