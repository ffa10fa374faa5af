internal import HonePlatform

/// Measures of a model on one dataset; a measure that does not fit the task is nil.
public struct MLPMetrics: Equatable, Sendable {
  /// The training loss (without penalties) on these rows.
  public var loss: Double
  /// Mean squared and mean absolute error over all outputs (regression).
  public var mse: Double? = nil
  public var mae: Double? = nil
  /// The coefficient of determination, averaged over output columns (regression).
  public var r2: Double? = nil
  /// The fraction of rows whose most probable class is the label (classification).
  public var accuracy: Double? = nil
  /// Precision, recall and F1 of class 1 for binary tasks, macro-averaged for multiclass.
  public var precision: Double? = nil
  public var recall: Double? = nil
  public var f1: Double? = nil
  /// ROC-AUC, macro one-vs-rest for multiclass; nil when a class is absent.
  public var rocAUC: Double? = nil
  /// Cross-entropy of the predicted probabilities, clipped at 1e-15.
  public var logLoss: Double? = nil

  /// The value of `metric`, or nil when it was not computed.
  public func value(_ metric: MLPMetric) -> Double? {
    switch metric {
    case .loss: return loss
    case .mse: return mse
    case .mae: return mae
    case .r2: return r2
    case .accuracy: return accuracy
    case .precision: return precision
    case .recall: return recall
    case .f1: return f1
    case .rocAUC: return rocAUC
    case .logLoss: return logLoss
    }
  }

  /// Computes every measure of the task from raw outputs `z` (`rows × k`, values or logits).
  ///
  /// A `scratch` sized for these rows and classes makes the call allocation-free,
  /// which the training loop relies on; without one, a fresh one is made.
  static func compute(
    task: MLPTask, loss lossValue: Double, z: UnsafePointer<Float>, y: UnsafePointer<Float>, rows: Int, outputs k: Int,
    scratch: MLPMetricScratch? = nil
  ) -> MLPMetrics {
    var m = MLPMetrics(loss: lossValue)
    switch task {
    case .regression: m.regression(z, y, rows, k)
    case .binary, .multiclass:
      let classes = task == .binary ? 2 : k
      let s =
        scratch.flatMap { $0.fits(rows: rows, classes: classes) ? $0 : nil }
        ?? MLPMetricScratch(rows: rows, classes: classes)
      m.classification(task, z, y, rows, k, s)
    }
    return m
  }

  private mutating func regression(_ z: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ n: Int, _ k: Int) {
    var se = 0.0
    var ae = 0.0
    var r2sum = 0.0
    for j in 0..<k {
      var mean = 0.0
      for r in 0..<n { mean += Double(y[r * k + j]) }
      mean /= Double(n)
      var res = 0.0
      var tot = 0.0
      for r in 0..<n {
        let d = Double(z[r * k + j]) - Double(y[r * k + j])
        res += d * d
        ae += abs(d)
        let t = Double(y[r * k + j]) - mean
        tot += t * t
      }
      se += res
      // A constant target has no variance to explain; sklearn scores a perfect fit 1, otherwise 0.
      r2sum += tot > 0 ? 1 - res / tot : (res == 0 ? 1 : 0)
    }
    mse = se / Double(n * k)
    mae = ae / Double(n * k)
    r2 = r2sum / Double(k)
  }

  private mutating func classification(
    _ task: MLPTask, _ z: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ n: Int, _ k: Int, _ s: MLPMetricScratch
  ) {
    let classes = task == .binary ? 2 : k
    var ll = 0.0
    for r in 0..<n {
      s.labels[r] = min(max(Int(y[r]), 0), classes - 1)
      if task == .binary {
        let p = Double(MLPActivation.sigmoid(z[r]))
        s.prob[r * 2] = 1 - p
        s.prob[r * 2 + 1] = p
      } else {
        var mx = Double(z[r * k])
        for j in 1..<k { mx = max(mx, Double(z[r * k + j])) }
        var sum = 0.0
        for j in 0..<k { sum += exp(Double(z[r * k + j]) - mx) }
        for j in 0..<k { s.prob[r * k + j] = exp(Double(z[r * k + j]) - mx) / sum }
      }
      var best = 0
      for j in 1..<classes where s.prob[r * classes + j] > s.prob[r * classes + best] { best = j }
      s.predicted[r] = best
      ll -= log(min(max(s.prob[r * classes + s.labels[r]], 1e-15), 1))
    }
    logLoss = ll / Double(n)
    // counts holds true positives, false positives and false negatives per class, in three runs.
    for i in 0..<(3 * classes) { s.counts[i] = 0 }
    var correct = 0
    for r in 0..<n {
      let (l, p) = (s.labels[r], s.predicted[r])
      if p == l {
        correct += 1
        s.counts[l] += 1
      } else {
        s.counts[classes + p] += 1
        s.counts[2 * classes + l] += 1
      }
    }
    accuracy = Double(correct) / Double(n)
    func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
    let scored = task == .binary ? 1..<2 : 0..<classes
    var pr = 0.0
    var rc = 0.0
    var f = 0.0
    for c in scored {
      let (tp, fp, fn) = (s.counts[c], s.counts[classes + c], s.counts[2 * classes + c])
      let pc = ratio(tp, tp + fp)
      let rcc = ratio(tp, tp + fn)
      pr += pc
      rc += rcc
      f += pc + rcc > 0 ? 2 * pc * rcc / (pc + rcc) : 0
    }
    precision = pr / Double(scored.count)
    recall = rc / Double(scored.count)
    f1 = f / Double(scored.count)
    var aucSum = 0.0
    for c in scored {
      guard let auc = Self.auc(s, n, classes, c) else { return }
      aucSum += auc
    }
    rocAUC = aucSum / Double(scored.count)
  }

  /// ROC-AUC of class `c` against the rest by the rank-sum statistic, ties averaged.
  static func auc(_ s: MLPMetricScratch, _ n: Int, _ classes: Int, _ c: Int) -> Double? {
    for i in 0..<n { s.order[i] = i }
    s.sortOrder(n) { s.prob[$0 * classes + c] }
    let prob = s.prob
    let order = s.order
    let labels = s.labels
    var rankSum = 0.0
    var positives = 0
    var i = 0
    while i < n {
      var j = i
      while j + 1 < n, prob[order[j + 1] * classes + c] == prob[order[i] * classes + c] { j += 1 }
      let rank = Double(i + j) / 2 + 1
      for t in i...j where labels[order[t]] == c {
        rankSum += rank
        positives += 1
      }
      i = j + 1
    }
    let negatives = n - positives
    guard positives > 0, negatives > 0 else { return nil }
    return (rankSum - Double(positives * (positives + 1)) / 2) / (Double(positives) * Double(negatives))
  }
}

/// Reusable buffers for classification metrics, so per-epoch validation allocates nothing.
final class MLPMetricScratch {
  var prob: [Double]
  var predicted: [Int]
  var labels: [Int]
  var counts: [Int]
  var order: [Int]
  let rows: Int
  let classes: Int

  init(rows: Int, classes: Int) {
    self.rows = rows
    self.classes = classes
    prob = [Double](repeating: 0, count: rows * classes)
    predicted = [Int](repeating: 0, count: rows)
    labels = predicted
    order = predicted
    counts = [Int](repeating: 0, count: 3 * classes)
  }

  func fits(rows: Int, classes: Int) -> Bool { rows <= self.rows && classes == self.classes }

  /// Sorts `order[0..<n]` ascending by `key` with an in-place heapsort: the standard
  /// library's sort may allocate a merge buffer.
  func sortOrder(_ n: Int, key: (Int) -> Double) {
    func siftDown(_ start: Int, _ end: Int) {
      var root = start
      while 2 * root + 1 < end {
        var child = 2 * root + 1
        if child + 1 < end, key(order[child + 1]) > key(order[child]) { child += 1 }
        guard key(order[child]) > key(order[root]) else { return }
        order.swapAt(root, child)
        root = child
      }
    }
    var start = n / 2
    while start > 0 {
      start -= 1
      siftDown(start, n)
    }
    var end = n
    while end > 1 {
      end -= 1
      order.swapAt(0, end)
      siftDown(0, end)
    }
  }
}
