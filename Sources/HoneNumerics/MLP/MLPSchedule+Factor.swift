internal import HonePlatform

extension MLPSchedule {
  /// The multiplier on the base rate at optimizer step `step` (0-based).
  ///
  /// The first `warmupEpochs` epochs ramp linearly from 1/warmupSteps to 1; the
  /// schedule then runs on the epochs after warmup, over `epochs − warmupEpochs`.
  func factor(step: Int, stepsPerEpoch: Int, epochs: Int, warmupEpochs: Int) -> Double {
    let perEpoch = Double(max(1, stepsPerEpoch))
    let warmupSteps = warmupEpochs * max(1, stepsPerEpoch)
    if step < warmupSteps { return Double(step + 1) / Double(warmupSteps) }
    let e = Double(step - warmupSteps) / perEpoch
    let span = Double(max(1, epochs - warmupEpochs))
    switch self {
    case .constant:
      return 1
    case .step(let stepEpochs, let gamma):
      return pow(gamma, (e / Double(stepEpochs)).rounded(.down))
    case .exponential(let gamma):
      return pow(gamma, e.rounded(.down))
    case .cosine(let period, let multiplier, let minFactor):
      // Period i starts at period·(mⁱ − 1)/(m − 1) (at period·i when m = 1); solve for i in closed form.
      let t: Double
      if multiplier == 1 {
        t = e / period - (e / period).rounded(.down)
      } else {
        let i = (log(1 + e * (multiplier - 1) / period) / log(multiplier)).rounded(.down)
        let start = period * (pow(multiplier, i) - 1) / (multiplier - 1)
        t = min(max((e - start) / (period * pow(multiplier, i)), 0), 1)
      }
      return minFactor + (1 - minFactor) * 0.5 * (1 + cos(Double.pi * t))
    case .cyclic(let half, let maxFactor, let halving):
      let cycle = (e / (2 * half)).rounded(.down)
      let x = abs(e / half - 2 * cycle - 1)
      let amplitude = (maxFactor - 1) * (halving ? pow(0.5, cycle) : 1)
      return 1 + amplitude * max(0, 1 - x)
    case .oneCycle(let maxFactor, let pctStart, let div, let finalDiv):
      let t = min(e / span, 1)
      let startFactor = maxFactor / div
      let endFactor = startFactor / finalDiv
      if t < pctStart {
        let q = t / pctStart
        return maxFactor + (startFactor - maxFactor) * 0.5 * (1 + cos(Double.pi * q))
      }
      let q = (t - pctStart) / (1 - pctStart)
      return endFactor + (maxFactor - endFactor) * 0.5 * (1 + cos(Double.pi * q))
    }
  }
}
