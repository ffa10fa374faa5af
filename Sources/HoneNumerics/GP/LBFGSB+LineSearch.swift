/// The Moré–Thuente line search (MINPACK-2 `dcsrch` and `dcstep`) in reverse-communication form.
///
/// It looks for a step α > 0 along a descent direction that satisfies the
/// strong Wolfe conditions f(α) ≤ f(0) + ftol·α·f′(0) and |f′(α)| ≤ gtol·|f′(0)|,
/// keeping an interval of uncertainty and choosing trial steps by safeguarded
/// cubic and quadratic interpolation. The constants are L-BFGS-B's: ftol = 1e−3,
/// gtol = 0.9, xtol = 0.1. Moré & Thuente 1994, "Line search algorithms with
/// guaranteed sufficient decrease", ACM TOMS 20(3).
struct MoreThuente: Sendable {
  /// What the search needs next.
  enum Outcome: Sendable, Equatable {
    /// Evaluate the objective and slope at this step.
    case evaluate(Double)
    /// The step just evaluated ends the search (converged, or no further progress is possible).
    case finished
  }

  private static let ftol = 1e-3
  private static let gtol = 0.9
  private static let xtol = 0.1
  private static let stepMin = 0.0

  /// The step being evaluated.
  private(set) var step: Double
  private var stepMax: Double
  private var bracketed = false
  private var stage = 1
  private let initialValue: Double
  private let initialSlope: Double
  private let slopeTest: Double
  private var width: Double
  private var previousWidth: Double
  // The step with the lowest (modified) value so far, and the other end of the interval.
  private var stx = 0.0
  private var fx: Double
  private var gx: Double
  private var sty = 0.0
  private var fy: Double
  private var gy: Double
  private var intervalMin = 0.0
  private var intervalMax: Double

  /// Starts a search from value f(0) and slope f′(0) < 0, trying `step` first, never beyond `stepMax`.
  init(value: Double, slope: Double, step: Double, stepMax: Double) {
    self.step = step
    self.stepMax = stepMax
    initialValue = value
    initialSlope = slope
    slopeTest = Self.ftol * slope
    width = stepMax - Self.stepMin
    previousWidth = width / 0.5
    fx = value
    gx = slope
    fy = value
    gy = slope
    intervalMax = step + 4 * step
  }

  /// Takes the value and slope at `step` and says what to do next.
  mutating func next(value f: Double, slope g: Double) -> Outcome {
    let ftest = initialValue + step * slopeTest
    if stage == 1 && f <= ftest && g >= 0 { stage = 2 }

    // dcsrch's warnings end the search just as convergence does.
    if bracketed && (step <= intervalMin || step >= intervalMax) { return .finished }
    if bracketed && intervalMax - intervalMin <= Self.xtol * intervalMax { return .finished }
    if step == stepMax && f <= ftest && g <= slopeTest { return .finished }
    if step == Self.stepMin && (f > ftest || g >= slopeTest) { return .finished }
    if f <= ftest && abs(g) <= Self.gtol * -initialSlope { return .finished }

    var (lowStep, lowValue, lowSlope) = (stx, fx, gx)
    var (highStep, highValue, highSlope) = (sty, fy, gy)
    var trial = step
    var isBracketed = bracketed
    if stage == 1 && f <= fx && f > ftest {
      // Until a step with a sufficient decrease and a nonnegative slope has been
      // seen, the interval is chosen on ψ(α) = f(α) − f(0) − ftol·α·f′(0).
      var (fxm, gxm) = (lowValue - lowStep * slopeTest, lowSlope - slopeTest)
      var (fym, gym) = (highValue - highStep * slopeTest, highSlope - slopeTest)
      Self.dcstep(
        stx: &lowStep, fx: &fxm, dx: &gxm, sty: &highStep, fy: &fym, dy: &gym,
        stp: &trial, fp: f - step * slopeTest, dp: g - slopeTest,
        bracketed: &isBracketed, stpmin: intervalMin, stpmax: intervalMax)
      (lowValue, lowSlope) = (fxm + lowStep * slopeTest, gxm + slopeTest)
      (highValue, highSlope) = (fym + highStep * slopeTest, gym + slopeTest)
    } else {
      Self.dcstep(
        stx: &lowStep, fx: &lowValue, dx: &lowSlope, sty: &highStep, fy: &highValue, dy: &highSlope,
        stp: &trial, fp: f, dp: g,
        bracketed: &isBracketed, stpmin: intervalMin, stpmax: intervalMax)
    }
    (stx, fx, gx) = (lowStep, lowValue, lowSlope)
    (sty, fy, gy) = (highStep, highValue, highSlope)
    bracketed = isBracketed

    // Force a bisection when the interval does not shrink fast enough.
    if bracketed {
      if abs(sty - stx) >= 0.66 * previousWidth { trial = stx + 0.5 * (sty - stx) }
      previousWidth = width
      width = abs(sty - stx)
    }
    if bracketed {
      intervalMin = min(stx, sty)
      intervalMax = max(stx, sty)
    } else {
      intervalMin = trial + 1.1 * (trial - stx)
      intervalMax = trial + 4 * (trial - stx)
    }
    trial = min(max(trial, Self.stepMin), stepMax)
    if bracketed
      && (trial <= intervalMin || trial >= intervalMax || intervalMax - intervalMin <= Self.xtol * intervalMax)
    {
      trial = stx
    }
    step = trial
    return .evaluate(step)
  }

  /// Backs off after the objective was not finite at `step`: halves the step toward the best one and never returns past it.
  mutating func retreat() {
    step = stx + 0.5 * (step - stx)
    stepMax = step
  }

  /// One step of the safeguarded interpolation (`dcstep`): updates the interval and returns the next trial in `stp`.
  private static func dcstep(
    stx: inout Double, fx: inout Double, dx: inout Double,
    sty: inout Double, fy: inout Double, dy: inout Double,
    stp: inout Double, fp: Double, dp: Double,
    bracketed: inout Bool, stpmin: Double, stpmax: Double
  ) {
    let sgnd = dx == 0 ? 0 : dp * (dx / abs(dx))
    var stpf: Double
    if fp > fx {
      // A higher value: the minimum is bracketed; cubic step, or halfway to the quadratic one.
      let theta = 3 * (fx - fp) / (stp - stx) + dx + dp
      let s = max(abs(theta), abs(dx), abs(dp))
      var gamma = s * ((theta / s) * (theta / s) - (dx / s) * (dp / s)).squareRoot()
      if stp < stx { gamma = -gamma }
      let p = (gamma - dx) + theta
      let q = ((gamma - dx) + gamma) + dp
      let stpc = stx + (p / q) * (stp - stx)
      let stpq = stx + ((dx / ((fx - fp) / (stp - stx) + dx)) / 2) * (stp - stx)
      stpf = abs(stpc - stx) < abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2
      bracketed = true
    } else if sgnd < 0 {
      // Lower value, slopes of opposite sign: bracketed; the cubic or the secant step.
      let theta = 3 * (fx - fp) / (stp - stx) + dx + dp
      let s = max(abs(theta), abs(dx), abs(dp))
      var gamma = s * ((theta / s) * (theta / s) - (dx / s) * (dp / s)).squareRoot()
      if stp > stx { gamma = -gamma }
      let p = (gamma - dp) + theta
      let q = ((gamma - dp) + gamma) + dx
      let stpc = stp + (p / q) * (stx - stp)
      let stpq = stp + (dp / (dp - dx)) * (stx - stp)
      stpf = abs(stpc - stp) > abs(stpq - stp) ? stpc : stpq
      bracketed = true
    } else if abs(dp) < abs(dx) {
      // Lower value, same slope sign, slope shrinking: the cubic step only if it heads the right way.
      let theta = 3 * (fx - fp) / (stp - stx) + dx + dp
      let s = max(abs(theta), abs(dx), abs(dp))
      var gamma = s * max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)).squareRoot()
      if stp > stx { gamma = -gamma }
      let p = (gamma - dp) + theta
      let q = (gamma + (dx - dp)) + gamma
      let r = p / q
      let stpc: Double
      if r < 0 && gamma != 0 {
        stpc = stp + r * (stx - stp)
      } else {
        stpc = stp > stx ? stpmax : stpmin
      }
      let stpq = stp + (dp / (dp - dx)) * (stx - stp)
      if bracketed {
        stpf = abs(stpc - stp) < abs(stpq - stp) ? stpc : stpq
        stpf = stp > stx ? min(stp + 0.66 * (sty - stp), stpf) : max(stp + 0.66 * (sty - stp), stpf)
      } else {
        stpf = abs(stpc - stp) > abs(stpq - stp) ? stpc : stpq
        stpf = max(stpmin, min(stpmax, stpf))
      }
    } else {
      // Lower value, same slope sign, slope not shrinking: extrapolate, or interpolate toward sty.
      if bracketed {
        let theta = 3 * (fp - fy) / (sty - stp) + dy + dp
        let s = max(abs(theta), abs(dy), abs(dp))
        var gamma = s * ((theta / s) * (theta / s) - (dy / s) * (dp / s)).squareRoot()
        if stp > sty { gamma = -gamma }
        let p = (gamma - dp) + theta
        let q = ((gamma - dp) + gamma) + dy
        stpf = stp + (p / q) * (sty - stp)
      } else {
        stpf = stp > stx ? stpmax : stpmin
      }
    }

    if fp > fx {
      (sty, fy, dy) = (stp, fp, dp)
    } else {
      if sgnd < 0 { (sty, fy, dy) = (stx, fx, dx) }
      (stx, fx, dx) = (stp, fp, dp)
    }
    stp = stpf
  }
}
