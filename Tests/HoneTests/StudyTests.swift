internal import HonePlatform
import XCTest

@testable import Hone

/// The study engine: define-by-run, tell semantics, enqueue, options and threads.
final class StudyTests: XCTestCase {
  func testDefineByRunStoresParamsInSuggestionOrderWithExternalValues() throws {
    let study = try Study(direction: .minimize, sampler: RandomSampler(seed: 1))
    let t = try study.ask()
    _ = try study.suggestFloat(trial: t, "b", 0, 1)
    let i = try study.suggestCategorical(trial: t, "a", [.string("x"), .number(2), .bool(true), .null])
    let n = try study.suggestInt(trial: t, "c", 10, 20, step: 5)
    try study.tell(trial: t, values: [3])
    let frozen = try study.trial(t)
    XCTAssertEqual(frozen.params.map(\.name), ["b", "a", "c"])
    XCTAssertEqual(frozen.param("a")?.external, [JSON.string("x"), .number(2), .bool(true), .null][i])
    XCTAssertEqual(frozen.param("c")?.external, .number(Double(n)))
    XCTAssertEqual(frozen.state, .complete)
    XCTAssertEqual(frozen.values, [3])
    XCTAssertNotNil(frozen.datetimeStart)
    XCTAssertNotNil(frozen.datetimeComplete)
  }

  func testTellRejectsSecondTellAndKeepsTheFirst() throws {
    let study = try Study(direction: .maximize)
    let t = try study.ask()
    try study.tell(trial: t, values: [1])
    XCTAssertThrowsError(try study.tell(trial: t, values: [2])) { error in
      guard case HoneError.state(let m) = error else { return XCTFail("\(error)") }
      XCTAssert(m.contains("COMPLETE"), m)
    }
    XCTAssertEqual(try study.trial(t).values, [1])
    XCTAssertThrowsError(try study.suggestFloat(trial: t, "x", 0, 1)) { error in
      guard case HoneError.state = error else { return XCTFail("\(error)") }
    }
    XCTAssertThrowsError(try study.tell(trial: 99, values: [1])) { error in
      guard case HoneError.notFound = error else { return XCTFail("\(error)") }
    }
  }

  func testNaNMarksFailAndWrongValueCountIsRejected() throws {
    let study = try Study(directions: [.minimize, .maximize])
    let t = try study.ask()
    XCTAssertThrowsError(try study.tell(trial: t, values: [1]))
    XCTAssertEqual(try study.trial(t).state, .running)
    XCTAssertEqual(try study.tell(trial: t, values: [1, .nan]), .fail)
    XCTAssertNil(try study.trial(t).values)
    let u = try study.ask()
    XCTAssertEqual(try study.tell(trial: u, values: [.infinity, 1]), .complete)
  }

  func testPrunedKeepsLastIntermediateValueAndRepeatedStepKeepsFirst() throws {
    let study = try Study(direction: .minimize)
    let t = try study.ask()
    try study.report(trial: t, step: 0, value: 5)
    try study.report(trial: t, step: 3, value: 2)
    try study.report(trial: t, step: 3, value: 9)
    try study.report(trial: t, step: 4, value: .nan)
    XCTAssertThrowsError(try study.report(trial: t, step: -1, value: 1))
    XCTAssertEqual(try study.shouldPrune(trial: t), false)
    try study.tell(trial: t, values: [], state: .pruned)
    let frozen = try study.trial(t)
    XCTAssertEqual(frozen.intermediateValues[3], 2)
    XCTAssertEqual(frozen.state, .pruned)
    // The last step reported NaN, so the pruned trial carries no value.
    XCTAssertNil(frozen.values)
    let u = try study.ask()
    try study.report(trial: u, step: 1, value: 7)
    try study.tell(trial: u, values: [], state: .pruned)
    XCTAssertEqual(try study.trial(u).values, [7])
  }

  func testEnqueuedTrialsComeFirstWithTheirFixedValues() throws {
    let study = try Study(direction: .minimize, sampler: RandomSampler(seed: 3))
    try study.enqueueTrial([("x", .number(0.25)), ("opt", .string("sgd"))])
    XCTAssertThrowsError(try study.enqueueTrial([("x", .array([]))]))
    let t = try study.ask()
    XCTAssertEqual(t, 0)
    XCTAssertEqual(try study.suggestFloat(trial: t, "x", 0, 1), 0.25)
    XCTAssertEqual(try study.suggestCategorical(trial: t, "opt", [.string("adam"), .string("sgd")]), 1)
    let y = try study.suggestFloat(trial: t, "y", 0, 1)
    XCTAssert((0...1).contains(y))
    try study.tell(trial: t, values: [1])
    let u = try study.ask()
    XCTAssertEqual(u, 1)
    try study.enqueueTrial([("x", .string("not a number"))])
    let v = try study.ask()
    XCTAssertThrowsError(try study.suggestFloat(trial: v, "x", 0, 1)) { error in
      XCTAssert("\(error)".contains("does not fit"))
    }
  }

  func testEnqueueReturnsTheNumberSetsUserAttrsAndSkipsExistingParams() throws {
    let study = try Study(direction: .minimize, sampler: RandomSampler(seed: 3))
    let first = try study.enqueueTrial([("x", .number(0.5))], userAttrs: [("source", .string("grid"))])
    XCTAssertEqual(first, 0)
    XCTAssertEqual(try study.trial(0).userAttr("source"), .string("grid"))
    // The same parameters, still WAITING: skipped; other values or other names are not.
    XCTAssertNil(try study.enqueueTrial([("x", .number(0.5))], skipIfExists: true))
    XCTAssertEqual(try study.enqueueTrial([("x", .number(0.75))], skipIfExists: true), 1)
    XCTAssertEqual(try study.enqueueTrial([("x", .number(0.5)), ("y", .number(1))], skipIfExists: true), 2)
    XCTAssertEqual(try study.enqueueTrial([("x", .number(0.5))]), 3)
    // A COMPLETE trial's suggested parameters count too.
    let t = try study.ask()
    XCTAssertEqual(t, 0)
    XCTAssertEqual(try study.suggestFloat(trial: t, "x", 0, 1), 0.5)
    try study.tell(trial: t, values: [1])
    let fresh = try Study(direction: .minimize)
    let u = try fresh.ask()
    let x = try fresh.suggestFloat(trial: u, "x", 0, 1)
    try fresh.tell(trial: u, values: [1])
    XCTAssertNil(try fresh.enqueueTrial([("x", .number(x))], skipIfExists: true))
    XCTAssertEqual(try fresh.trialCount(), 1)
    XCTAssertThrowsError(try fresh.enqueueTrial([("x", .number(1))], optionsJSON: try JSON.parse(#"{"skip": true}"#))) {
      error in XCTAssert("\(error)".contains("'skip'"), "\(error)")
    }
  }

  func testDefineAndRunFixesEveryParameterAtAsk() throws {
    let study = try Study(
      optionsJSON: #"""
        {"name": "dar", "direction": "maximize", "sampler": {"type": "random", "seed": 5},
         "search_space": {"lr": {"type": "float", "low": 1e-4, "high": 1, "log": true},
                          "layers": {"type": "int", "low": 1, "high": 4}}}
        """#)
    let t = try study.ask()
    let frozen = try study.trial(t)
    XCTAssertEqual(frozen.params.map(\.name), ["lr", "layers"])
    let lr = try XCTUnwrap(frozen.param("lr")).value.double
    XCTAssertEqual(try study.suggestFloat(trial: t, "lr", 1e-4, 1, log: true), lr)
    XCTAssertThrowsError(try study.suggestFloat(trial: t, "lr", 1e-4, 1))
    XCTAssertEqual(study.name, "dar")
    XCTAssertEqual(study.directions, [.maximize])
  }

  /// Optuna's rule: another range or step returns the first value and keeps the first
  /// distribution; another kind, log flag or set of choices is an error.
  func testSuggestingAgainKeepsTheFirstValueUnlessTheKindChanges() throws {
    let study = try Study(direction: .minimize)
    let t = try study.ask()
    let x = try study.suggestFloat(trial: t, "x", 0, 1)
    XCTAssertEqual(try study.suggestFloat(trial: t, "x", 5, 6), x)
    XCTAssertEqual(try study.suggestFloat(trial: t, "x", 0, 1, step: 0.5), x)
    let n = try study.suggestInt(trial: t, "n", 0, 10)
    XCTAssertEqual(try study.suggestInt(trial: t, "n", 20, 30, step: 2), n)
    XCTAssertEqual(try study.trial(t).param("x")?.distribution, try .makeFloat(low: 0, high: 1))
    XCTAssertThrowsError(try study.suggestInt(trial: t, "x", 0, 1))
    XCTAssertThrowsError(try study.suggestFloat(trial: t, "x", 0.5, 1, log: true))
    XCTAssertThrowsError(try study.suggestInt(trial: t, "n", 1, 10, log: true))
    XCTAssertThrowsError(try study.suggestCategorical(trial: t, "x", [.number(0)]))
    _ = try study.suggestCategorical(trial: t, "c", [.string("a"), .string("b")])
    XCTAssertThrowsError(try study.suggestCategorical(trial: t, "c", [.string("a")]))
    XCTAssertEqual(try study.trial(t).params.map(\.name), ["x", "n", "c"])
  }

  func testOptionsErrorsNameTheKey() throws {
    let cases: [(String, String)] = [
      (#"{"nmae": "x"}"#, "'nmae'"),
      (#"{"direction": "up"}"#, "\"up\""),
      (#"{"direction": "minimize", "directions": ["minimize"]}"#, "not both"),
      (#"{"sampler": {"type": "oracle"}}"#, "'oracle'"),
      (#"{"sampler": {"type": "random", "seed": -1}}"#, "'seed'"),
      (#"{"sampler": {"type": "random", "options": {"x": 1}}}"#, "'x'"),
      (#"{"sampler": {"type": "grid"}}"#, "'search_space'"),
      (#"{"pruner": {"type": "oracle"}}"#, "'oracle'"),
      (#"{"pruner": {"type": "median", "options": {"n_warmup_steps": -1}}}"#, "'n_warmup_steps'"),
      (#"{"storage": "mysql://u:secret@h/db"}"#, "'mysql'"),
      (#"{"storage": "sqlite://host/x.db"}"#, "sqlite:///"),
      (#"{"grace_period": 5}"#, "'heartbeat_interval'"),
      (#"{"heartbeat_interval": 0}"#, "heartbeat_interval"),
      (#"{"heartbeat_interval": 1, "failed_trial_retries": -1}"#, "failed_trial_retries"),
      (#"{"search_space": {"x": {"type": "float", "low": 2, "high": 1}}}"#, "low"),
      (#"{"search_space": {"x": {"type": "float", "low": 0, "high": 1, "lg": true}}}"#, "'lg'"),
      (#"{"name": "a",}"#, "byte"),
      ("[1]", "object"),
    ]
    for (options, needle) in cases {
      XCTAssertThrowsError(try Study(optionsJSON: options), options) { error in
        guard case HoneError.invalidArgument(let m) = error else { return XCTFail("\(options): \(error)") }
        XCTAssert(m.contains(needle), "\(options): \(m)")
      }
    }
  }

  func testBestTrialAndParetoFront() throws {
    let single = try Study(direction: .maximize)
    XCTAssertThrowsError(try single.bestTrial()) { error in
      guard case HoneError.notFound = error else { return XCTFail("\(error)") }
    }
    for v in [1.0, 5, 3, 5] {
      try single.tell(trial: try single.ask(), values: [v])
    }
    XCTAssertEqual(try single.bestTrial().number, 1)

    let multi = try Study(directions: [.minimize, .maximize])
    for v in [[1.0, 1], [2, 3], [0.5, 0.5], [3, 2], [2, 3]] {
      try multi.tell(trial: try multi.ask(), values: v)
    }
    XCTAssertEqual(try multi.bestTrials().map(\.number), [0, 1, 2, 4])
    XCTAssertThrowsError(try multi.bestTrial()) { error in
      guard case HoneError.state = error else { return XCTFail("\(error)") }
    }
  }

  func testOptimizeMapsPrunedAndFailedAndRethrows() throws {
    struct Boom: Error {}
    let study = try Study(direction: .minimize, sampler: RandomSampler(seed: 0))
    var calls = 0
    try study.optimize(nTrials: 6, catching: { $0 is Boom }) { trial in
      calls += 1
      let x = try trial.suggestFloat("x", 0, 1)
      if trial.number == 1 { throw TrialPruned() }
      if trial.number == 2 { throw Boom() }
      if trial.number == 3 { return .nan }
      return x
    }
    XCTAssertEqual(calls, 6)
    XCTAssertEqual(try study.trials.map(\.state), [.complete, .pruned, .fail, .fail, .complete, .complete])
    XCTAssertThrowsError(try study.optimize(nTrials: 1) { (_: Trial) -> Double in throw Boom() })
    XCTAssertEqual(try study.trial(6).state, .fail)
  }

  func testTrialsExportWithOptunaFields() throws {
    let study = try Study(direction: .minimize, sampler: RandomSampler(seed: 2))
    let t = try study.ask()
    _ = try study.suggestFloat(trial: t, "x", 0, 1, step: 0.5)
    try study.setUserAttr(trial: t, key: "note", value: .object([("k", .array([.number(1)]))]))
    try study.report(trial: t, step: 2, value: 0.5)
    try study.tell(trial: t, values: [0.5])
    let json = try JSON.parse(try study.trial(t).json.text)
    XCTAssertEqual(json["number"], .number(0))
    XCTAssertEqual(json["state"], .string("COMPLETE"))
    XCTAssertEqual(json["values"], .array([.number(0.5)]))
    XCTAssertEqual(json["intermediate_values"], .object([("2", .number(0.5))]))
    XCTAssertEqual(json["user_attrs"], .object([("note", .object([("k", .array([.number(1)]))]))]))
    XCTAssertEqual(json["distributions"]?["x"]?["step"], .number(0.5))
    XCTAssertEqual(json["datetime_start"]?.stringValue?.count, 27)
  }

  func testConcurrentWorkersNeverLoseOrDuplicateATrial() throws {
    let study = try Study(direction: .minimize, sampler: RandomSampler(seed: 9))
    DispatchQueueless.concurrentPerform(iterations: 8) { _ in
      for _ in 0..<100 {
        do {
          let t = try study.ask()
          let x = try study.suggestFloat(trial: t, "x", -1, 1)
          try study.tell(trial: t, values: [x * x])
        } catch {
          XCTFail("\(error)")
        }
      }
    }
    let trials = try study.trials
    XCTAssertEqual(trials.count, 800)
    XCTAssertEqual(Set(trials.map(\.number)).count, 800)
    XCTAssert(trials.allSatisfy { $0.state == .complete })
  }
}

/// `concurrentPerform` over pthreads, without Foundation or Dispatch.
enum DispatchQueueless {
  static func concurrentPerform(iterations: Int, _ body: @escaping @Sendable (Int) -> Void) {
    final class Box: @unchecked Sendable {
      let body: @Sendable (Int) -> Void
      let index: Int
      init(_ body: @escaping @Sendable (Int) -> Void, _ index: Int) {
        self.body = body
        self.index = index
      }
    }
    var threads: [pthread_t] = []
    for i in 0..<iterations {
      var th = pthread_t()
      let box = Unmanaged.passRetained(Box(body, i)).toOpaque()
      pthread_create(&th, nil, { arg in
        let b = Unmanaged<Box>.fromOpaque(arg!).takeRetainedValue()
        b.body(b.index)
        return nil
      }, box)
      threads.append(th)
    }
    for th in threads { pthread_join(th, nil) }
  }
}
