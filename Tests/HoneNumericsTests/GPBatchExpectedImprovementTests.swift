import Foundation
import HoneNumerics
import HoneSupport
import Testing

/// Log EI of a point added to a batch of pending evaluations, over fantasized outcomes.
@Suite struct GPBatchExpectedImprovementTests {
  private let kinds: [GPDimensionKind] = [.continuous, .continuous]

  /// A GP with fixed hyperparameters (noise `noise`) on `n` points of a wiggly function.
  private func model(_ n: Int, noise: Double = 1e-4, seed: UInt64) throws -> GaussianProcess {
    let x = GPFixtures.inputs(n, kinds, seed: seed)
    let y = GPFixtures.standardized(GPFixtures.rows(x).map { sin(6 * $0[0]) + cos(5 * $0[1]) + $0[0] * $0[1] })
    let kernel = try GPKernel(
      shape: .matern52, dimensions: kinds,
      hyperparameters: GPHyperparameters(logLengthscales: [log(0.3), log(0.4)], logOutputscale: 0, logNoise: log(noise)))
    return try GaussianProcess(kernel: kernel, inputs: x, targets: y)
  }

  private func batch(
    _ model: GaussianProcess, pending: [[Double]], best: Double, samples: Int = 128, seed: UInt64 = 5
  ) throws -> GPBatchLogExpectedImprovement {
    var rng = Xoshiro256(seed: seed)
    let rows = pending.isEmpty ? Matrix<Double>(rows: 0, cols: 2) : try Matrix(rowMajor: pending)
    return try GPBatchLogExpectedImprovement(model: model, pending: rows, best: best, sampleCount: samples, using: &rng)
  }

  @Test func withNoPendingPointsItIsLogEIWithItsGradient() throws {
    let gp = try model(12, seed: 1)
    let best = gp.targets.max() ?? 0
    let acquisition = try batch(gp, pending: [], best: best)
    let points = GPFixtures.inputs(40, kinds, seed: 2)
    let (values, gradient) = try acquisition.valuesAndGradient(at: points)
    let plain = try acquisition.values(at: points)
    let (reference, referenceGradient) = try gp.acquisitionGradient(.logExpectedImprovement(best: best), at: points)
    for j in 0..<points.rows {
      #expect(abs(values[j] - reference[j]) <= 1e-9 * max(1, abs(reference[j])), "point \(j)")
      #expect(abs(plain[j] - reference[j]) <= 1e-9 * max(1, abs(reference[j])), "point \(j)")
      for k in 0..<2 {
        let r = referenceGradient[j, k]
        #expect(abs(gradient[j, k] - r) <= 1e-7 * max(1, abs(r)), "point \(j), column \(k)")
      }
    }
  }

  @Test func theGradientMatchesFiniteDifferences() throws {
    let gp = try model(15, seed: 3)
    let acquisition = try batch(gp, pending: [[0.3, 0.6], [0.7, 0.2], [0.32, 0.58]], best: gp.targets.max() ?? 0)
    let points = GPFixtures.inputs(30, kinds, seed: 4)
    let (values, gradient) = try acquisition.valuesAndGradient(at: points)
    let plain = try acquisition.values(at: points)
    let h = 1e-6
    var checked = 0
    for j in 0..<points.rows {
      #expect(abs(values[j] - plain[j]) <= 1e-10 * max(1, abs(plain[j])))
      // Finite differences lose their digits deep in the tail, where log EI is steep.
      guard values[j] > -30 else { continue }
      for k in 0..<2 {
        var up = points
        var down = points
        up[j, k] += h
        down[j, k] -= h
        let difference = (try acquisition.values(at: up)[j] - acquisition.values(at: down)[j]) / (2 * h)
        #expect(abs(gradient[j, k] - difference) <= 1e-4 * max(1, abs(difference)), "point \(j), column \(k)")
        checked += 1
      }
    }
    #expect(checked >= 24)
  }

  @Test func atAPendingPointItIsFarBelowLogEIAndNowhereAbove() throws {
    let gp = try model(12, seed: 6)
    let best = gp.targets.max() ?? 0
    let pending = [[0.45, 0.55], [0.8, 0.8]]
    let acquisition = try batch(gp, pending: pending, best: best)
    let at = try Matrix(rowMajor: pending)
    let batchValues = try acquisition.values(at: at)
    let logEI = try gp.acquisition(.logExpectedImprovement(best: best), at: at)
    for i in pending.indices {
      // The pending value will be known: what x adds there is bounded by the noise-level σ left.
      #expect(batchValues[i] < logEI[i] - 2, "pending point \(i): \(batchValues[i]) against \(logEI[i])")
    }
    // Elsewhere the batch's best fantasy is at least `best`, so the mean of the per-fantasy EIs is at
    // most EI up to the error of 128 quasi-random fantasies.
    let points = GPFixtures.inputs(60, kinds, seed: 7)
    let values = try acquisition.values(at: points)
    let reference = try gp.acquisition(.logExpectedImprovement(best: best), at: points)
    for j in 0..<points.rows where reference[j] > -20 {
      #expect(values[j] <= reference[j] + 0.1, "point \(j)")
    }
  }

  @Test func itMatchesAMonteCarloEstimateOfTheBatchImprovement() throws {
    // A noisy model, so conditioning on reported values (not latent ones) matters.
    let noise = 0.05
    let gp = try model(8, noise: noise, seed: 8)
    // A threshold at the targets' mean leaves every query a fair chance to improve.
    let best = 0.0
    let pending = [[0.25, 0.7], [0.6, 0.35]]
    let acquisition = try batch(gp, pending: pending, best: best, samples: 4096)
    let rows = GPFixtures.rows(gp.inputs)
    for query in [[0.3, 0.65], [0.5, 0.5], [0.9, 0.1]] {
      // The joint posterior of (y_P1, y_P2, f(x)) from the kernel's definition.
      let q = pending + [query]
      let k = rows.map { a in rows.map { b in GPFixtures.covariance(a, b, gp.kernel) } }
      let kn = k.indices.map { i in k[i].indices.map { j in k[i][j] + (i == j ? noise : 0) } }
      let cross = q.map { a in rows.map { b in GPFixtures.covariance(a, b, gp.kernel) } }
      let alpha = GPFixtures.solve(kn, gp.targets)
      let mean = cross.map { c in zip(c, alpha).reduce(0) { $0 + $1.0 * $1.1 } }
      let solved = cross.map { GPFixtures.solve(kn, $0) }
      var cov = q.indices.map { i in
        q.indices.map { j in
          GPFixtures.covariance(q[i], q[j], gp.kernel) - zip(cross[i], solved[j]).reduce(0) { $0 + $1.0 * $1.1 }
            + (i == j && i < pending.count ? noise : 0)
        }
      }
      // Cholesky of the 3×3 covariance.
      var l = [[Double]](repeating: [0, 0, 0], count: 3)
      for i in 0..<3 {
        for j in 0...i {
          var sum = cov[i][j]
          for m in 0..<j { sum -= l[i][m] * l[j][m] }
          l[i][j] = i == j ? max(sum, 1e-300).squareRoot() : sum / l[j][j]
        }
      }
      cov = l
      var rng = Xoshiro256(seed: 9)
      var (total, squares) = (0.0, 0.0)
      let draws = 400_000
      for _ in 0..<draws {
        var z = [0.0, 0.0, 0.0]
        for i in 0..<3 {
          let u = max(rng.nextUnit(), 1e-300)
          z[i] = (-2 * log(u)).squareRoot() * cos(2 * Double.pi * rng.nextUnit())
        }
        let y = (0..<3).map { i in mean[i] + (0...i).reduce(0) { $0 + cov[i][$1] * z[$1] } }
        let improvement = max(0, y[2] - max(best, y[0], y[1]))
        total += improvement
        squares += improvement * improvement
      }
      let reference = total / Double(draws)
      let standardError = ((squares / Double(draws) - reference * reference) / Double(draws)).squareRoot()
      let value = exp(try acquisition.values(at: Matrix(rowMajor: [query]))[0])
      #expect(reference > 1e-4, "the query should have some improvement to estimate")
      // Four standard errors of the reference, and 1% for the 4,096 quasi-random fantasies.
      #expect(
        abs(value - reference) <= 4 * standardError + 0.01 * reference,
        "query \(query): \(value) against \(reference) ± \(standardError)")
    }
  }

  @Test func theSameSeedGivesTheSameFantasies() throws {
    let gp = try model(10, seed: 10)
    let pending = [[0.2, 0.2], [0.5, 0.9]]
    let points = GPFixtures.inputs(10, kinds, seed: 11)
    let a = try batch(gp, pending: pending, best: 0.5, seed: 12).values(at: points)
    let b = try batch(gp, pending: pending, best: 0.5, seed: 12).values(at: points)
    let c = try batch(gp, pending: pending, best: 0.5, seed: 13).values(at: points)
    #expect(a == b)
    #expect(a != c)
  }
}
