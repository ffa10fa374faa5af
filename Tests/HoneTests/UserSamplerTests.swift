import Synchronization
import XCTest

// A plain import: the types below conform from outside the module, as a host's would.
import Hone

/// Always the lower end (the first choice); records the names it sampled and the
/// states it saw finish, and can read or change the study from inside a call.
private final class LowSampler: Sampler, @unchecked Sendable {
  var name: String { "low" }
  let log = Mutex<[String]>([])
  /// The study, for the re-entrancy checks.
  var study: Study?
  var readInside: Int?
  var mutationError: HoneError?

  func sampleIndependent(
    _ history: StudyHistory, _ trial: FrozenTrial, name: String, distribution: Distribution
  ) throws(HoneError) -> ParamValue {
    log.withLock { $0.append(name) }
    if let study {
      readInside = try study.read { s throws(HoneError) in try s.trialCount() }
      do throws(HoneError) {
        _ = try study.enqueueTrial([("x", .number(0.5))])
      } catch {
        mutationError = error
      }
    }
    return distribution.fromUnit(0)
  }

  func afterTrial(_ history: StudyHistory, _ trial: FrozenTrial, state: TrialState, values: [Double]?) {
    log.withLock { $0.append("after \(trial.number) \(state.name) \(values ?? [])") }
  }
}

/// A relative sampler over one fixed float.
private final class FixedPointSampler: Sampler {
  var name: String { "fixed" }

  func inferRelativeSearchSpace(_ history: StudyHistory, _ trial: FrozenTrial) throws(HoneError) -> SearchSpace {
    SearchSpace([("x", try .makeFloat(low: 0, high: 1))])
  }

  func sampleRelative(
    _ history: StudyHistory, _ trial: FrozenTrial, _ space: SearchSpace
  ) throws(HoneError) -> [String: ParamValue] {
    ["x": .float(0.75)]
  }

  func sampleIndependent(
    _ history: StudyHistory, _ trial: FrozenTrial, name: String, distribution: Distribution
  ) throws(HoneError) -> ParamValue {
    distribution.fromUnit(1)
  }
}

/// Prunes at step 3 and only there.
private final class StepThreePruner: Pruner {
  var name: String { "step3" }

  func prune(_ history: StudyHistory, _ trial: FrozenTrial) throws(HoneError) -> Bool {
    trial.intermediateValues.keys.max() == 3
  }
}

/// Samplers and pruners defined outside the module work as the library's own.
final class UserSamplerTests: XCTestCase {
  func testIndependentSamplerAndAfterTrial() throws {
    let sampler = LowSampler()
    let study = try Study(direction: .minimize, sampler: sampler)
    let t = try study.ask()
    XCTAssertEqual(try study.suggestFloat(trial: t, "x", -2, 3), -2)
    XCTAssertEqual(try study.suggestInt(trial: t, "n", 4, 9), 4)
    try study.tell(trial: t, values: [1.5])
    XCTAssertEqual(sampler.log.withLock { $0 }, ["x", "n", "after 0 COMPLETE [1.5]"])
  }

  func testRelativeSampler() throws {
    let study = try Study(direction: .minimize, sampler: FixedPointSampler())
    let t = try study.ask()
    XCTAssertEqual(try study.suggestFloat(trial: t, "x", 0, 1), 0.75)
    XCTAssertEqual(try study.suggestFloat(trial: t, "y", 0, 2), 2, "outside the relative space: independent")
  }

  /// Reading the study inside a sampler call runs at once; changing it is `.state`, and nothing deadlocks.
  func testReentrantReadsAndRefusedMutations() throws {
    let sampler = LowSampler()
    let study = try Study(direction: .minimize, sampler: sampler)
    sampler.study = study
    let t = try study.ask()
    XCTAssertEqual(try study.suggestFloat(trial: t, "x", 0, 1), 0)
    XCTAssertEqual(sampler.readInside, 1)
    guard case .state(let message)? = sampler.mutationError else {
      return XCTFail("expected a state error, got \(String(describing: sampler.mutationError))")
    }
    XCTAssertTrue(message.contains("callback"), message)
    XCTAssertEqual(try study.trialCount(), 1, "the refused enqueue queued nothing")
    // Outside a call, the same mutation works.
    XCTAssertNotNil(try study.enqueueTrial([("x", .number(0.5))]))
  }

  func testUserPruner() throws {
    let study = try Study(direction: .minimize, pruner: StepThreePruner())
    let t = try study.ask()
    var decisions: [Bool] = []
    for step in 0..<5 {
      try study.report(trial: t, step: Int64(step), value: Double(step))
      decisions.append(try study.shouldPrune(trial: t))
    }
    XCTAssertEqual(decisions, [false, false, false, true, false])
  }
}
