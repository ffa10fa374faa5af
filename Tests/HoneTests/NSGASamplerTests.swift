internal import HonePlatform
import XCTest

@testable import Hone

final class NSGASamplerTests: XCTestCase {
  var scratch: TemporaryDirectory!
  override func setUpWithError() throws { scratch = try TemporaryDirectory("hone-nsga-test") }
  override func tearDown() { scratch.remove() }

  static let spec = #"{"type": "nsgaii", "seed": 3, "options": {"population_size": 6}}"#
  static let spec3 = #"{"type": "nsgaiii", "seed": 3, "options": {"population_size": 6}}"#

  /// One trial of ZDT1 in three variables, plus a categorical that the objectives ignore.
  func run(_ study: Study, state: TrialState = .complete) throws {
    let t = try study.ask()
    let x = try (0..<3).map { k in try study.suggestFloat(trial: t, "x\(k)", 0, 1) }
    _ = try study.suggestCategorical(trial: t, "c", [.string("a"), .string("b")])
    let g = 1 + 9 * (x[1] + x[2]) / 2
    let values = [x[0], g * (1 - (x[0] / g).squareRoot())]
    switch state {
    case .fail: try study.tell(trial: t, values: [], state: .fail)
    default: try study.tell(trial: t, values: values)
    }
  }

  func nsga(_ study: Study) throws -> NSGAIISampler {
    if let s = study.sampler as? NSGAIIISampler { return s.core }
    return try XCTUnwrap(study.sampler as? NSGAIISampler)
  }

  /// Every generation's parents, as the sampler reads them from `study`'s history.
  func parentsByGeneration(_ study: Study) throws -> [Int: [Int]] {
    let sampler = try nsga(study)
    let history = study.history()
    _ = try sampler.generation(history)
    let top = sampler.lock.withLock { sampler.memo.maxGeneration }
    var out: [Int: [Int]] = [:]
    for g in 1...max(top, 1) {
      let probe = FrozenTrial(number: -1, state: .running, systemAttrs: [(sampler.generationKey, .int(g))])
      out[g] = try sampler.parents(history, of: probe).trials.map(\.number)
    }
    return out
  }

  /// The generations and parents a fresh sampler reads from the SQLite file equal those
  /// the running sampler kept, and both propose the same next trial.
  func testGenerationsRebuiltFromStorageEqualThoseInMemory() throws {
    for (file, spec) in [("n2.db", Self.spec), ("n3.db", Self.spec3)] {
      let url = "sqlite:///\(scratch.path)/\(file)"
      let options = #"{"name": "s", "storage": "\#(url)", "directions": ["minimize", "minimize"], "sampler": \#(spec)}"#
      let study = try Study(optionsJSON: options)
      for i in 0..<40 { try run(study, state: i % 7 == 3 ? .fail : .complete) }
      let kept = try parentsByGeneration(study)
      XCTAssertGreaterThanOrEqual(kept.count, 4)
      XCTAssertTrue(kept.values.allSatisfy { $0.count == 6 }, "\(kept)")

      let loaded = try Study.load(name: "s", storageURL: url, optionsJSON: #"{"sampler": \#(spec)}"#)
      XCTAssertEqual(try parentsByGeneration(loaded), kept)
      // The parents are recorded on the first trial of each generation.
      let key = try nsga(loaded).parentsKey
      XCTAssertEqual(try loaded.trials.filter { $0.systemAttr(key) != nil }.count, kept.count)
      // Both samplers plan the next trial alike: its generation, and the same child.
      let (sa, sb) = (try nsga(study), try nsga(loaded))
      let (ha, hb) = (study.history(), loaded.history())
      let (attrsA, attrsB) = (try sa.beforeTrial(ha, fixedParams: nil), try sb.beforeTrial(hb, fixedParams: nil))
      XCTAssertEqual(attrsA.map(\.0), attrsB.map(\.0))
      XCTAssertEqual(attrsA.map(\.1), attrsB.map(\.1))
      let draft = FrozenTrial(number: 40, state: .running, systemAttrs: attrsA)
      let space = try sa.inferRelativeSearchSpace(ha, draft)
      XCTAssertEqual(space, try sb.inferRelativeSearchSpace(hb, draft))
      XCTAssertEqual(space.count, 4)
      let child = try sa.sampleRelative(ha, draft, space)
      XCTAssertFalse(child.isEmpty)
      XCTAssertEqual(child, try sb.sampleRelative(hb, draft, space))
    }
  }

  /// Two workers on one file fill the same generations: the generation ends after
  /// `population_size` COMPLETE trials, whoever told them.
  func testAnyWorkersTrialsCompleteAGeneration() throws {
    let url = "sqlite:///\(scratch.path)/workers.db"
    let options = #"{"name": "w", "storage": "\#(url)", "directions": ["minimize", "minimize"], "sampler": \#(Self.spec)}"#
    let a = try Study(optionsJSON: options)
    let b = try Study.load(name: "w", storageURL: url, optionsJSON: #"{"sampler": \#(Self.spec)}"#)
    for i in 0..<30 { try run(i % 2 == 0 ? a : b) }
    let key = try nsga(a).generationKey
    let generations = try a.trials.map { $0.systemAttr(key)?.integerValue }
    // Told one at a time, generation g is exactly trials 6g..<6g + 6.
    XCTAssertEqual(generations, (0..<30).map { Int128($0 / 6) })
    XCTAssertEqual(try parentsByGeneration(a), try parentsByGeneration(b))
  }

  /// With one objective NSGA-II is an elitist genetic algorithm: the parents of each
  /// generation are the best `population_size` of the previous generation and its parents.
  func testOneObjectiveKeepsTheBest() throws {
    let study = try Study(optionsJSON: #"{"sampler": \#(Self.spec)}"#)
    for _ in 0..<48 {
      let t = try study.ask()
      let x = try study.suggestFloat(trial: t, "x", -5, 5)
      let y = try study.suggestInt(trial: t, "y", -5, 5)
      try study.tell(trial: t, values: [x * x + Double(y * y)])
    }
    let parents = try parentsByGeneration(study)
    let trials = try study.trials
    var previous: [Int] = []
    for g in 1..<8 {
      let pool = trials.filter { $0.systemAttr(NSGAIISampler.generationKey)?.integerValue == Int128(g - 1) }.map(\.number)
        + previous
      // Children copied from a parent tie with it, so the values are compared, not the trials.
      let best = pool.compactMap { trials[$0].value }.sorted().prefix(6)
      let chosen = try XCTUnwrap(parents[g])
      XCTAssertEqual(chosen.compactMap { trials[$0].value }.sorted(), Array(best), "generation \(g)")
      previous = chosen
    }
  }

  /// In a constrained study the feasible trials survive before any infeasible one, and a
  /// trial without constraint values counts as feasible (Optuna 5).
  func testConstrainedSelectionPrefersFeasibleTrials() throws {
    let sampler = try NSGAIISampler(populationSize: 4, seed: 1)
    func trial(_ n: Int, _ values: [Double], _ c: [Double]?) -> FrozenTrial {
      FrozenTrial(
        number: n, state: .complete, values: values,
        systemAttrs: c.map { [(FrozenTrial.constraintsKey, .array($0.map { .number($0) }))] } ?? [])
    }
    let pool = [
      trial(0, [0, 0], [1]), trial(1, [5, 5], [-1]), trial(2, [1, 9], [0]), trial(3, [0, 0], nil),
      trial(4, [0, 1], [0.5]), trial(5, [9, 9], [3]), trial(6, [3, 3], [-2, 0]),
    ]
    let survivors = try sampler.selection.survivors(
      pool, directions: [.minimize, .minimize], size: 4, seed: 1, generation: 1)
    // Feasible: 1, 2, 3 (no constraints), 6; 3 at (0, 0) dominates the other three, and all
    // four survive before 4, the least violation among the infeasible.
    XCTAssertEqual(Set(survivors.map(\.number)), [1, 2, 3, 6])
    // Unconstrained, the objectives alone decide: 0 and 3 share the first front.
    let plain = try NSGAIISampler(populationSize: 4, seed: 1)
    let free = pool.map { t -> FrozenTrial in
      var u = t
      u.systemAttrs = []
      return u
    }
    let unconstrained = try plain.selection.survivors(
      free, directions: [.minimize, .minimize], size: 2, seed: 1, generation: 1)
    XCTAssertEqual(Set(unconstrained.map(\.number)), [0, 3])
  }

  /// In a constrained study (Binh and Korn's problem, its constraints stored as Optuna keeps
  /// them) a generation's parents are feasible whenever its pool holds enough feasible trials.
  func testConstrainedStudyChoosesFeasibleParents() throws {
    for spec in [
      #"{"type": "nsgaii", "seed": 4, "options": {"population_size": 8}}"#,
      #"{"type": "nsgaiii", "seed": 4, "options": {"population_size": 8}}"#,
    ] {
      let study = try Study(optionsJSON: #"{"directions": ["minimize", "minimize"], "sampler": \#(spec)}"#)
      for _ in 0..<64 {
        let t = try study.ask()
        let x = try study.suggestFloat(trial: t, "x", 0, 5)
        let y = try study.suggestFloat(trial: t, "y", 0, 3)
        let c = [(x - 5) * (x - 5) + y * y - 25, 7.7 - (x - 8) * (x - 8) - (y + 3) * (y + 3)]
        try study.storage.setTrialSystemAttr(
          study: study.studyID, number: t, key: FrozenTrial.constraintsKey, value: .array(c.map { .number($0) }))
        try study.tell(trial: t, values: [4 * x * x + 4 * y * y, (x - 5) * (x - 5) + (y - 5) * (y - 5)])
      }
      let trials = try study.trials
      let parents = try parentsByGeneration(study)
      XCTAssertEqual(parents.count, 7)
      var previous: [Int] = []
      for g in 1...7 {
        let key = try nsga(study).generationKey
        let pool = trials.filter { $0.systemAttr(key)?.integerValue == Int128(g - 1) }.map(\.number) + previous
        let feasible = Set(pool.filter { trials[$0].isFeasible })
        let chosen = try XCTUnwrap(parents[g])
        if feasible.count >= 8 {
          XCTAssertTrue(chosen.allSatisfy(feasible.contains), "generation \(g): \(chosen)")
        } else {
          XCTAssertTrue(feasible.isSubset(of: Set(chosen)), "generation \(g): \(chosen)")
        }
        previous = chosen
      }
    }
  }

  /// Das–Dennis: C(M + p − 1, p) distinct points on the unit simplex, multiples of 1/p.
  func testReferencePointsAreDasDennis() throws {
    func choose(_ n: Int, _ k: Int) -> Int { k == 0 ? 1 : choose(n - 1, k - 1) * n / k }
    for m in 1...5 {
      for p in 1...6 {
        let points = try NSGAIIISampler.dasDennis(objectives: m, divisions: p)
        XCTAssertEqual(points.count, choose(m + p - 1, p), "M = \(m), p = \(p)")
        XCTAssertEqual(Set(points).count, points.count)
        for r in points {
          XCTAssertEqual(r.count, m)
          XCTAssertEqual(r.reduce(0, +), 1, accuracy: 1e-12)
          XCTAssertTrue(r.allSatisfy { $0 >= 0 && abs($0 * Double(p) - ($0 * Double(p)).rounded()) < 1e-9 })
        }
      }
    }
    XCTAssertNotNil(invalidArgumentMessage { try NSGAIIISampler.dasDennis(objectives: 40, divisions: 40) })
  }

  /// NSGA-III's normalization puts the extreme points at the unit vectors, and the niching
  /// keeps one trial per reference direction before a second.
  func testNichingSpreadsOverTheReferencePoints() throws {
    // A linear front x + y = 4 sampled at 9 points, with duplicates near (1, 3) and (3, 1).
    let losses: [[Double]] = [[0, 4], [1, 3], [1.01, 2.99], [2, 2], [2.99, 1.01], [3, 1], [4, 0], [0.99, 3.01], [3.01, 0.99]]
    let normalized = NSGAIIISampler.normalized(losses)
    XCTAssertEqual(normalized[0][0], 0, accuracy: 1e-12)
    XCTAssertEqual(normalized[0][1], 1, accuracy: 1e-12)
    XCTAssertEqual(normalized[6][0], 1, accuracy: 1e-12)
    let points = try NSGAIIISampler.dasDennis(objectives: 2, divisions: 4)
    let (closest, distance) = NSGAIIISampler.associate(normalized, points)
    XCTAssertTrue(distance.allSatisfy { $0 >= 0 })
    var rng = Xoshiro256(seed: 1)
    let picked = NSGAIIISampler.niched(5, eliteCount: 0, closest: closest, distance: distance, using: &rng)
    // Five reference lines each have members: one survivor per line, the one on the line itself.
    XCTAssertEqual(Set(picked.map { closest[$0] }).count, 5)
    XCTAssertEqual(Set(picked), [0, 1, 3, 5, 6])
  }

  func testOptionsNameTheUnknownKeyAndCheckRanges() {
    for type in ["nsgaii", "nsgaiii"] {
      let bad = invalidArgumentMessage { try makeSampler(try JSON.parse(#"{"type": "\#(type)", "options": {"populaton_size": 4}}"#)) }
      XCTAssertTrue(bad?.contains("'populaton_size'") == true, bad ?? "no error")
      for (options, needle) in [
        (#"{"population_size": 1}"#, "population_size"), (#"{"mutation_prob": 1.5}"#, "mutation_prob"),
        (#"{"crossover_prob": -0.1}"#, "crossover_prob"), (#"{"swapping_prob": 2}"#, "swapping_prob"),
        (#"{"crossover": "cubic"}"#, "cubic"), (#"{"crossover": {"type": "sbx", "eta": -1}}"#, "eta"),
        (#"{"crossover": {"type": "blxalpha", "beta": 1}}"#, "'beta'"), (#"{"crossover": "undx", "population_size": 2}"#, "undx"),
        (#"{"crossover": {"type": "sbx", "use_child_gene_prob": 0}}"#, "use_child_gene_prob"),
        (#"{"mutation": "gaussian"}"#, "gaussian"), (#"{"mutation": {"type": "polynomial", "eta": -2}}"#, "eta"),
        (#"{"constraints": 1}"#, "constraints"),
      ] {
        let m = invalidArgumentMessage {
          try makeSampler(try JSON.parse(#"{"type": "\#(type)", "options": \#(options)}"#))
        }
        XCTAssertTrue(m?.contains(needle) == true, "\(type) \(options): \(m ?? "no error")")
      }
    }
    for (options, needle) in [
      (#"{"dividing_parameter": 0}"#, "dividing_parameter"), (#"{"reference_points": [[1, 0], [0]]}"#, "reference_points"),
      (#"{"reference_points": [[0, 0]]}"#, "zero"), (#"{"reference_points": "many"}"#, "reference_points"),
    ] {
      let m = invalidArgumentMessage { try makeSampler(try JSON.parse(#"{"type": "nsgaiii", "options": \#(options)}"#)) }
      XCTAssertTrue(m?.contains(needle) == true, "\(options): \(m ?? "no error")")
    }
    // NSGA-II has no reference points.
    let m = invalidArgumentMessage { try makeSampler(try JSON.parse(#"{"type": "nsgaii", "options": {"dividing_parameter": 3}}"#)) }
    XCTAssertTrue(m?.contains("'dividing_parameter'") == true, m ?? "no error")
  }

  /// A spec written out and read back gives the same spec, every default filled in.
  func testSpecRoundTrips() throws {
    for text in [
      #"{"type": "nsgaii"}"#, #"{"type": "nsgaii", "seed": 4, "options": {"crossover": "sbx", "mutation": "polynomial"}}"#,
      #"{"type": "nsgaii", "options": {"crossover": {"type": "undx", "sigma_eta": 0.2}, "mutation_prob": 0.3}}"#,
      #"{"type": "nsgaii", "options": {"crossover": "blxalpha", "swapping_prob": 0.2}}"#,
      #"{"type": "nsgaii", "options": {"crossover": {"type": "vsbx", "eta": 5}}}"#,
      #"{"type": "nsgaii", "options": {"crossover": {"type": "spx", "epsilon": 2}}}"#,
      #"{"type": "nsgaiii"}"#, #"{"type": "nsgaiii", "seed": 1, "options": {"dividing_parameter": 5}}"#,
      #"{"type": "nsgaiii", "options": {"reference_points": [[1, 0], [0.5, 0.5], [0, 1]], "crossover": "uniform"}}"#,
    ] {
      let json = try JSON.parse(text)
      let seed: UInt64? = json["seed"]?.integerValue.flatMap { UInt64(exactly: $0) }
      let spec = try XCTUnwrap(samplerSpec(try makeSampler(json), seed: seed), text)
      XCTAssertEqual(samplerSpec(try makeSampler(spec), seed: seed), spec, text)
    }
    let d = try XCTUnwrap(samplerSpec(try makeSampler(try JSON.parse(#"{"type": "nsgaii", "seed": 2}"#)), seed: 2))
    XCTAssertEqual(
      d,
      try JSON.parse(
        #"""
        {"type": "nsgaii", "seed": 2, "options": {"population_size": 50, "mutation": null, "mutation_prob": null,
         "crossover": {"type": "uniform", "swapping_prob": 0.5}, "crossover_prob": 0.9, "swapping_prob": 0.5}}
        """#))
    // A sampler with a strategy hook has no spec.
    let hooked = try NSGAIISampler(elitePopulationSelection: { _, population in population })
    XCTAssertNil(samplerSpec(hooked, seed: nil))
  }

  /// The hooks replace the built-in strategies.
  func testHooksReplaceTheStrategies() throws {
    let sampler = try NSGAIISampler(
      populationSize: 3, seed: 2,
      elitePopulationSelection: { _, population in Array(population.sorted { $0.number > $1.number }.prefix(3)) },
      childGeneration: { _, _, _, parents in ["x": .float(Double(parents.map(\.number).max() ?? 0) / 100)] })
    let study = try Study(directions: [.minimize, .maximize], sampler: sampler)
    var xs: [Double] = []
    for _ in 0..<9 {
      let t = try study.ask()
      let x = try study.suggestFloat(trial: t, "x", 0, 1)
      xs.append(x)
      try study.tell(trial: t, values: [x, x])
    }
    // Generation 1 (trials 3–5) has parents 0–2, the latest three; generation 2 has 3–5.
    XCTAssertEqual(Array(xs[3...]), [0.02, 0.02, 0.02, 0.05, 0.05, 0.05])
  }

  /// Damaged tags (huge or negative generations, parents lists of strangers) neither trap nor
  /// stall: they are read as absent, or as the trials they can name.
  func testDamagedGenerationTagsAreHarmless() throws {
    let sampler = try NSGAIISampler(populationSize: 2, seed: 1)
    let x = try Distribution.makeFloat(low: 0, high: 1)
    var trials: [FrozenTrial] = []
    let tags: [JSON] = [.int(Int64.max), .int(-3), .string("one"), .int(1 << 40), .int(0), .int(0), .int(1_000_000_000)]
    for (i, tag) in tags.enumerated() {
      trials.append(
        FrozenTrial(
          number: i, state: .complete, values: [Double(i), Double(-i)],
          params: [Param(name: "x", distribution: x, value: .float(Double(i) / 10))],
          systemAttrs: [
            (NSGAIISampler.generationKey, tag), (NSGAIISampler.parentsKey, .array([.int(99), .int(-1), .int(4), .null])),
          ]))
    }
    let history = StudyHistory(directions: [.minimize, .minimize], trials: trials)
    let attrs = try sampler.beforeTrial(history, fixedParams: nil)
    XCTAssertEqual(attrs.first?.1, .int(1_000_000_000))
    let draft = FrozenTrial(number: trials.count, state: .running, systemAttrs: attrs)
    let point = try sampler.sampleRelative(history, draft, try sampler.inferRelativeSearchSpace(history, draft))
    XCTAssertTrue(point.values.allSatisfy(x.contains))
  }

  /// A reference point whose dimension is not the study's is refused at ask, and nothing is created.
  func testReferencePointsOfTheWrongDimensionFailTheAsk() throws {
    let sampler = try NSGAIIISampler(referencePoints: [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
    let study = try Study(directions: [.minimize, .minimize], sampler: sampler)
    XCTAssertNotNil(invalidArgumentMessage { try study.ask() })
    XCTAssertEqual(try study.trials.count, 0)
  }
}
