import XCTest

@testable import Hone

/// The constrained GP sampler: one GP per constraint and log EI + Σ log P(cᵢ ≤ 0), as Optuna 5's.
final class GPSamplerConstraintsTests: XCTestCase {
  /// Minimizes (x − 0.2)² + (y − 0.2)² on [0, 1]² subject to the disk of radius 0.3 around
  /// (0.75, 0.75), which excludes the unconstrained optimum; returns which trials were feasible.
  func feasibility(_ sampler: GPSampler, trials: Int, setConstraints: Bool = true) throws -> [Bool] {
    let study = try Study(direction: .minimize, sampler: sampler)
    var feasible: [Bool] = []
    for _ in 0..<trials {
      let t = try study.ask()
      let x = try study.suggestFloat(trial: t, "x", 0, 1)
      let y = try study.suggestFloat(trial: t, "y", 0, 1)
      let c = (x - 0.75) * (x - 0.75) + (y - 0.75) * (y - 0.75) - 0.09
      if setConstraints { try study.setConstraints(trial: t, [c]) }
      try study.tell(trial: t, values: [(x - 0.2) * (x - 0.2) + (y - 0.2) * (y - 0.2)])
      feasible.append(c <= 0)
    }
    return feasible
  }

  func sampler(seed: UInt64) throws -> GPSampler {
    try GPSampler(seed: seed, nStartupTrials: 8, nCandidates: 256, nRestarts: 4)
  }

  func testConstrainedSearchFindsFeasiblePointsFarMoreOftenThanUnconstrained() throws {
    var constrained: [Int] = []
    var unconstrained: [Int] = []
    for seed in UInt64(0)..<3 {
      // After the 8 shared Sobol trials, only the model differs; 16 model trials each.
      constrained.append(try feasibility(sampler(seed: seed), trials: 24).dropFirst(8).filter { $0 }.count)
      unconstrained.append(
        try feasibility(sampler(seed: seed), trials: 24, setConstraints: false).dropFirst(8).filter { $0 }.count)
    }
    // Constrained proposals hug the boundary where the optimum lies, so about half are feasible;
    // unconstrained ones converge on the infeasible optimum.
    XCTAssert(constrained.allSatisfy { $0 >= 3 }, "feasible per seed: constrained \(constrained)")
    XCTAssertGreaterThan(
      constrained.reduce(0, +), 2 * unconstrained.reduce(0, +) + 8, "constrained \(constrained), unconstrained \(unconstrained)")
  }

  func testWithoutConstraintValuesTheSearchIsUnchanged() throws {
    let paramsOf = { (set: Bool) throws -> [[Double]] in
      let study = try Study(direction: .minimize, sampler: try self.sampler(seed: 4))
      var points: [[Double]] = []
      for _ in 0..<12 {
        let t = try study.ask()
        let x = try study.suggestFloat(trial: t, "x", 0, 1)
        let y = try study.suggestFloat(trial: t, "y", 0, 1)
        if set { try study.setConstraints(trial: t, [x + y - 1]) }
        try study.tell(trial: t, values: [(x - 0.2) * (x - 0.2) + (y - 0.2) * (y - 0.2)])
        points.append([x, y])
      }
      return points
    }
    // The constraint values, once trials carry them, change the model's proposals (Optuna 5's rule).
    XCTAssertNotEqual(try paramsOf(true), try paramsOf(false))
  }

  func testNoFeasibleTrialYetSeeksFeasibility() throws {
    // The 8 Sobol points miss a small disk; the next proposals come from P(feasible) alone.
    let study = try Study(direction: .minimize, sampler: try sampler(seed: 5))
    var hits = 0
    for i in 0..<16 {
      let t = try study.ask()
      let x = try study.suggestFloat(trial: t, "x", 0, 1)
      let y = try study.suggestFloat(trial: t, "y", 0, 1)
      // Feasible within 0.1 of (0.9, 0.9): a penalty that grows towards it guides the constraint model.
      let c = ((x - 0.9) * (x - 0.9) + (y - 0.9) * (y - 0.9)).squareRoot() - 0.1
      if i >= 8, c <= 0 { hits += 1 }
      try study.setConstraints(trial: t, [c])
      try study.tell(trial: t, values: [x + y])
    }
    XCTAssertGreaterThan(hits, 0, "no proposal reached the feasible disk")
  }
}
