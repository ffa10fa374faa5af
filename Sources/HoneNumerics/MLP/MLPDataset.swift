/// A table of row-major Float32 features with regression targets or class labels.
///
/// Targets are `rows × targetColumns` floats for regression; labels are stored
/// the same way (one column) as exact small integers for classification.
public struct MLPDataset: Sendable, Equatable {
  /// The number of rows.
  public let rows: Int
  /// The number of feature columns.
  public let features: Int
  /// The features, row-major, `rows × features`.
  public internal(set) var x: [Float]
  /// The targets, row-major, `rows × targetColumns`.
  public let y: [Float]
  /// The number of target columns: outputs for regression, 1 for labels.
  public let targetColumns: Int

  /// Creates a regression dataset; `targets` holds `rows × k` values for some k ≥ 1.
  public init(features x: [Float], rows: Int, targets: [Float]) throws(HoneError) {
    let cols = try Self.columns(x.count, rows: rows, "features")
    let k = try Self.columns(targets.count, rows: rows, "targets")
    guard !x.contains(where: { !$0.isFinite }), !targets.contains(where: { !$0.isFinite }) else {
      throw .invalidArgument("mlp data: features and targets must be finite")
    }
    self.rows = rows
    self.features = cols
    self.x = x
    self.y = targets
    self.targetColumns = k
  }

  /// Creates a regression dataset from Float64 values, converting once.
  ///
  /// Disfavored so that array literals pick the Float32 initializer.
  @_disfavoredOverload
  public init(features x: [Double], rows: Int, targets: [Double]) throws(HoneError) {
    try self.init(features: x.map { Float($0) }, rows: rows, targets: targets.map { Float($0) })
  }

  /// Creates a classification dataset with one integer label per row.
  ///
  /// Labels must lie in 0..<2^24 so that Float32 holds them exactly.
  public init(features x: [Float], rows: Int, labels: [Int]) throws(HoneError) {
    guard labels.count == rows else {
      throw .invalidArgument("mlp data: \(labels.count) labels for \(rows) rows")
    }
    guard let bad = labels.first(where: { $0 < 0 || $0 >= 1 << 24 }) else {
      try self.init(features: x, rows: rows, targets: labels.map { Float($0) })
      return
    }
    throw .invalidArgument("mlp data: label \(bad) is outside 0..<16777216")
  }

  /// Creates a classification dataset from Float64 features, converting once.
  @_disfavoredOverload
  public init(features x: [Double], rows: Int, labels: [Int]) throws(HoneError) {
    try self.init(features: x.map { Float($0) }, rows: rows, labels: labels)
  }

  static func columns(_ count: Int, rows: Int, _ what: String) throws(HoneError) -> Int {
    guard rows >= 1, count >= rows, count % rows == 0 else {
      throw .invalidArgument("mlp data: \(count) \(what) values do not fill \(rows) rows")
    }
    return count / rows
  }

  /// The rows at `indices`, in that order.
  func subset(_ indices: [Int]) -> MLPDataset {
    var xs: [Float] = []
    var ys: [Float] = []
    xs.reserveCapacity(indices.count * features)
    ys.reserveCapacity(indices.count * targetColumns)
    for i in indices {
      xs.append(contentsOf: x[(i * features)..<((i + 1) * features)])
      ys.append(contentsOf: y[(i * targetColumns)..<((i + 1) * targetColumns)])
    }
    return MLPDataset(rows: indices.count, features: features, x: xs, y: ys, targetColumns: targetColumns)
  }

  private init(rows: Int, features: Int, x: [Float], y: [Float], targetColumns: Int) {
    self.rows = rows
    self.features = features
    self.x = x
    self.y = y
    self.targetColumns = targetColumns
  }

  /// Splits off a validation set of `round(fraction·rows)` rows chosen by a seeded shuffle.
  ///
  /// Throws when either side would be empty.
  public func split(validationFraction fraction: Double, seed: UInt64) throws(HoneError) -> (
    train: MLPDataset, validation: MLPDataset
  ) {
    let nv = Int((fraction * Double(rows)).rounded())
    guard fraction > 0, fraction < 1, nv >= 1, nv < rows else {
      throw .invalidArgument("mlp data: validation_fraction \(fraction) of \(rows) rows leaves an empty side")
    }
    var order = Array(0..<rows)
    var rng = Xoshiro256(seed: seed, stream: 0x5B11)
    order.shuffle(using: &rng)
    return (subset(Array(order[nv...])), subset(Array(order[..<nv])))
  }

  /// The number of classes the labels imply: the largest label plus one (at least 2).
  ///
  /// Throws unless there is one label per row and every label is an integer in 0..<`limit`.
  func classCount(limit: Int) throws(HoneError) -> Int {
    guard targetColumns == 1 else { throw .invalidArgument("mlp data: classification takes one label per row") }
    var m: Float = 1
    for v in y {
      guard v >= 0, v < Float(limit), v == v.rounded() else {
        throw .invalidArgument("mlp data: label \(v) is not an integer in 0..<\(limit)")
      }
      m = max(m, v)
    }
    return Int(m) + 1
  }

  /// Whether every class in 0..<`classes` labels at least one row.
  func hasEveryClass(_ classes: Int) -> Bool {
    var seen = [Bool](repeating: false, count: classes)
    for v in y where v >= 0 && v < Float(classes) { seen[Int(v)] = true }
    return !seen.contains(false)
  }
}

/// Per-feature affine standardization, (x − mean) / std, fitted on training rows.
public struct MLPStandardizer: Sendable, Equatable {
  /// The feature means.
  public let mean: [Float]
  /// The feature scales; a constant feature gets scale 1.
  public let scale: [Float]

  /// Fits means and population standard deviations of `data`'s features, accumulating in Double.
  public init(fitting data: MLPDataset) {
    let d = data.features
    var sum = [Double](repeating: 0, count: d)
    var sq = [Double](repeating: 0, count: d)
    for r in 0..<data.rows {
      for j in 0..<d {
        let v = Double(data.x[r * d + j])
        sum[j] += v
        sq[j] += v * v
      }
    }
    let n = Double(data.rows)
    var m = [Float](repeating: 0, count: d)
    var s = [Float](repeating: 1, count: d)
    for j in 0..<d {
      let mu = sum[j] / n
      let variance = max(0, sq[j] / n - mu * mu)
      m[j] = Float(mu)
      // A constant column would divide by zero; leaving it unscaled maps it to 0.
      s[j] = variance > 1e-24 ? Float(variance.squareRoot()) : 1
    }
    mean = m
    scale = s
  }

  init(mean: [Float], scale: [Float]) {
    self.mean = mean
    self.scale = scale
  }

  /// Standardizes row-major `x` in place.
  func apply(_ x: inout [Float]) {
    let d = mean.count
    guard d > 0 else { return }
    x.withUnsafeMutableBufferPointer { p in
      for i in p.indices { p[i] = (p[i] - mean[i % d]) / scale[i % d] }
    }
  }
}
