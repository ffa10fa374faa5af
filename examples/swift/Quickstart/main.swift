// Tunes the 2-D Branin function from Swift: the quickstart for Swift hosts.
import Glibc
import Hone

/// The Branin function; its minimum is 0.397887.
func branin(_ x: Double, _ y: Double) -> Double {
  let b = 5.1 / (4 * Double.pi * Double.pi), c = 5 / Double.pi, t = 1 / (8 * Double.pi)
  let u = y - b * x * x + c * x - 6
  return u * u + 10 * (1 - t) * cos(x) + 10
}

let study = try Study(direction: .minimize, sampler: QMCSampler(seed: 42))
try study.optimize(nTrials: 64) { trial in
  let x = try trial.suggestFloat("x", -5, 10)
  let y = try trial.suggestFloat("y", 0, 15)
  return branin(x, y)
}
let best = try study.bestTrial()
let params = best.params.map { "\($0.name)=\($0.external.text)" }.joined(separator: " ")
print("best value \(best.value ?? .nan) at \(params) after \(try study.trialCount()) trials")
