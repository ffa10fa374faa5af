/// The compact form B = θ·I − W·M·Wᵀ of the limited-memory BFGS matrix.
///
/// With the last k steps S = [s₀ … s_{k−1}] and gradient changes Y, W = [Y, θ·S]
/// (n×2k) and M = [[−D, Lᵀ], [L, θ·SᵀS]]⁻¹ (2k×2k), where D = diag(sᵢᵀyᵢ) and L
/// is the strictly lower part of SᵀY (Byrd, Nocedal & Schnabel 1994,
/// "Representations of quasi-Newton matrices and their use in limited memory
/// methods"). As in L-BFGS-B, M is never formed: M·v comes from block
/// elimination with the Cholesky factor of the k×k Schur complement
/// θ·SᵀS + L·D⁻¹·Lᵀ, which is positive definite while every sᵢᵀyᵢ > 0.
struct LimitedMemoryBFGS: Sendable {
  /// The most pairs kept.
  let capacity: Int
  /// The number of variables.
  let dimension: Int
  /// The number of pairs held.
  private(set) var count = 0
  /// The scaling θ = yᵀy/sᵀy of the newest pair; 1 with no memory.
  private(set) var theta = 1.0
  /// The steps sᵢ, oldest first, each a contiguous column of `dimension` entries.
  private var steps: [Double]
  /// The gradient changes yᵢ, laid out like `steps`.
  private var changes: [Double]
  /// 1/(sᵢᵀyᵢ).
  private var inverseCurvatures: [Double]
  /// L, row-major k×k: L[i][j] = sᵢᵀyⱼ for i > j, zero elsewhere.
  private var lowerProducts: [Double]
  /// The lower Cholesky factor of θ·SᵀS + L·D⁻¹·Lᵀ, row-major k×k.
  private var schurFactor: [Double]

  init(capacity: Int, dimension: Int) {
    self.capacity = max(1, capacity)
    self.dimension = dimension
    steps = []
    changes = []
    inverseCurvatures = []
    lowerProducts = []
    schurFactor = []
  }

  /// The width 2k of W and M.
  var width: Int { 2 * count }

  /// Forgets every pair, so B = I.
  mutating func reset() {
    count = 0
    theta = 1
    steps = []
    changes = []
    inverseCurvatures = []
    lowerProducts = []
    schurFactor = []
  }

  /// Adds a pair with sᵀy > 0, dropping the oldest beyond capacity; resets when the Schur complement is not positive definite.
  mutating func append(step: [Double], change: [Double]) {
    let n = dimension
    if count == capacity {
      steps.removeFirst(n)
      changes.removeFirst(n)
      count -= 1
    }
    steps += step
    changes += change
    count += 1
    let k = count
    theta = LBFGSB.dot(change, change) / LBFGSB.dot(step, change)

    func product(_ a: [Double], _ i: Int, _ b: [Double], _ j: Int) -> Double {
      var sum = 0.0
      for r in 0..<n { sum += a[i * n + r] * b[j * n + r] }
      return sum
    }
    inverseCurvatures = (0..<k).map { 1 / product(steps, $0, changes, $0) }
    lowerProducts = [Double](repeating: 0, count: k * k)
    for i in 0..<k {
      for j in 0..<i { lowerProducts[i * k + j] = product(steps, i, changes, j) }
    }
    // θ·SᵀS + L·D⁻¹·Lᵀ, then its Cholesky factor in place.
    var schur = [Double](repeating: 0, count: k * k)
    for i in 0..<k {
      for j in 0...i {
        var sum = theta * product(steps, i, steps, j)
        for m in 0..<j { sum += lowerProducts[i * k + m] * inverseCurvatures[m] * lowerProducts[j * k + m] }
        schur[i * k + j] = sum
      }
    }
    guard theta.isFinite, Self.choleskyInPlace(&schur, order: k) else { return reset() }
    schurFactor = schur
  }

  /// Row `i` of W, (y₀[i], …, y_{k−1}[i], θ·s₀[i], …, θ·s_{k−1}[i]), written into `w`.
  func row(_ i: Int, into w: inout [Double]) {
    let n = dimension
    for j in 0..<count {
      w[j] = changes[j * n + i]
      w[count + j] = theta * steps[j * n + i]
    }
  }

  /// Wᵀ·v.
  func transposedTimes(_ v: [Double]) -> [Double] {
    let n = dimension
    var result = [Double](repeating: 0, count: width)
    for j in 0..<count {
      var (y, s) = (0.0, 0.0)
      for r in 0..<n {
        y += changes[j * n + r] * v[r]
        s += steps[j * n + r] * v[r]
      }
      result[j] = y
      result[count + j] = theta * s
    }
    return result
  }

  /// M·v for v of length 2k, written into `result`.
  ///
  /// With v = (v₁, v₂): b = (θSᵀS + LD⁻¹Lᵀ)⁻¹(v₂ + L·D⁻¹·v₁) and a = D⁻¹(Lᵀb − v₁),
  /// which solves [[−D, Lᵀ], [L, θSᵀS]]·(a, b) = (v₁, v₂).
  func middleTimes(_ v: [Double], into result: inout [Double]) {
    let k = count
    for i in 0..<k {
      var sum = v[k + i]
      for m in 0..<i { sum += lowerProducts[i * k + m] * inverseCurvatures[m] * v[m] }
      result[k + i] = sum
    }
    // Forward then backward substitution with the Schur factor J: J·Jᵀ·b = t.
    for i in 0..<k {
      var sum = result[k + i]
      for m in 0..<i { sum -= schurFactor[i * k + m] * result[k + m] }
      result[k + i] = sum / schurFactor[i * k + i]
    }
    for i in stride(from: k - 1, through: 0, by: -1) {
      var sum = result[k + i]
      for m in (i + 1)..<max(i + 1, k) { sum -= schurFactor[m * k + i] * result[k + m] }
      result[k + i] = sum / schurFactor[i * k + i]
    }
    for i in 0..<k {
      var sum = -v[i]
      for m in (i + 1)..<max(i + 1, k) { sum += lowerProducts[m * k + i] * result[k + m] }
      result[i] = inverseCurvatures[i] * sum
    }
  }

  /// Replaces the lower triangle of the row-major `order`×`order` matrix with its Cholesky factor; false when not positive definite.
  static func choleskyInPlace(_ a: inout [Double], order: Int) -> Bool {
    for j in 0..<order {
      var pivot = a[j * order + j]
      for m in 0..<j { pivot -= a[j * order + m] * a[j * order + m] }
      guard pivot > 0, pivot.isFinite else { return false }
      let root = pivot.squareRoot()
      a[j * order + j] = root
      for i in (j + 1)..<max(j + 1, order) {
        var sum = a[i * order + j]
        for m in 0..<j { sum -= a[i * order + m] * a[j * order + m] }
        a[i * order + j] = sum / root
      }
    }
    return true
  }
}

extension LBFGSB {
  /// The dot product of two vectors of equal length.
  @inline(__always)
  static func dot(_ a: [Double], _ b: [Double]) -> Double {
    var sum = 0.0
    for i in 0..<min(a.count, b.count) { sum += a[i] * b[i] }
    return sum
  }
}
