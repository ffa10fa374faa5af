internal import HonePlatform

/// A trained multilayer perceptron: layer widths, parameters and input standardization.
public struct MLPModel: Equatable, Sendable {
  /// The task the model was trained for.
  public let task: MLPTask
  /// The training loss, used by `evaluate`.
  public let loss: MLPLoss
  /// The activation of each hidden layer.
  public let activations: [MLPActivation]
  /// The Huber threshold, used by `evaluate` when the loss is Huber.
  public let huberDelta: Float
  /// The layer widths, input first and output last.
  public var sizes: [Int] { layout.sizes }
  /// All weights and biases, layer by layer: a row-major in×out weight matrix, then the bias.
  public internal(set) var parameters: [Float]
  /// The standardization applied to inputs, fitted on the training rows.
  public let standardizer: MLPStandardizer?
  let layout: MLPLayout

  init(
    task: MLPTask, loss: MLPLoss, activations: [MLPActivation], huberDelta: Float,
    layout: MLPLayout, parameters: [Float], standardizer: MLPStandardizer?
  ) {
    self.task = task
    self.loss = loss
    self.activations = activations
    self.huberDelta = huberDelta
    self.layout = layout
    self.parameters = parameters
    self.standardizer = standardizer
  }

  /// The activations as the config writes them: one name when every hidden layer
  /// shares it, else an array with one name per hidden layer.
  public var activationJSON: JSON {
    Set(activations).count > 1
      ? .array(activations.map { .string($0.rawValue) }) : .string((activations.first ?? .relu).rawValue)
  }

  /// The number of classes for classification (2 for binary), or 0 for regression.
  public var classCount: Int {
    switch task {
    case .regression: return 0
    case .binary: return 2
    case .multiclass: return layout.outputs
    }
  }

  /// Raw outputs (values or logits), `rows × outputs` row-major, of row-major `features`.
  public func outputs(_ features: [Float], rows: Int) throws(HoneError) -> [Float] {
    let cols = try MLPDataset.columns(features.count, rows: rows, "features")
    guard cols == layout.inputs else {
      throw .invalidArgument("mlp predict: rows have \(cols) features, the model takes \(layout.inputs)")
    }
    var x = features
    standardizer?.apply(&x)
    let chunk = layout.inferenceRows(rows)
    let ws = MLPWorkspace(layout: layout, activations: activations, capacity: chunk)
    let k = layout.outputs
    var out = [Float](repeating: 0, count: rows * k)
    try parameters.withUnsafeBufferPointer { (p) throws(HoneError) in
      try x.withUnsafeBufferPointer { (xp) throws(HoneError) in
        try out.withUnsafeMutableBufferPointer { (op) throws(HoneError) in
          guard let pb = p.baseAddress, let xb = xp.baseAddress, let ob = op.baseAddress else { return }
          var start = 0
          while start < rows {
            let n = min(chunk, rows - start)
            try ws.forward(pb, xb + start * cols, batch: n)
            (ob + start * k).update(from: ws.output, count: n * k)
            start += n
          }
        }
      }
    }
    return out
  }

  /// Float64 features, converted once; see `outputs(_:rows:)`.
  @_disfavoredOverload
  public func outputs(_ features: [Double], rows: Int) throws(HoneError) -> [Float] {
    try outputs(features.map { Float($0) }, rows: rows)
  }

  /// Predictions: values (`rows × outputs`) for regression, the most probable class per row otherwise.
  public func predict(_ features: [Float], rows: Int) throws(HoneError) -> [Float] {
    guard task != .regression else { return try outputs(features, rows: rows) }
    let p = try predictProbabilities(features, rows: rows)
    let c = classCount
    return (0..<rows).map { r in
      var best = 0
      for j in 1..<c where p[r * c + j] > p[r * c + best] { best = j }
      return Float(best)
    }
  }

  /// Class probabilities, `rows × classCount` row-major; throws for regression.
  public func predictProbabilities(_ features: [Float], rows: Int) throws(HoneError) -> [Float] {
    let z = try outputs(features, rows: rows)
    switch task {
    case .regression:
      throw .invalidArgument("mlp predict: a regression model has no class probabilities")
    case .binary:
      var p = [Float](repeating: 0, count: rows * 2)
      for r in 0..<rows {
        let s = MLPActivation.sigmoid(z[r])
        p[2 * r] = 1 - s
        p[2 * r + 1] = s
      }
      return p
    case .multiclass:
      let k = layout.outputs
      var p = z
      for r in 0..<rows {
        var m = p[r * k]
        for j in 1..<k { m = max(m, p[r * k + j]) }
        var s: Float = 0
        for j in 0..<k {
          p[r * k + j] = expf(p[r * k + j] - m)
          s += p[r * k + j]
        }
        for j in 0..<k { p[r * k + j] /= s }
      }
      return p
    }
  }

  /// The loss and every metric of the task on `data`.
  public func evaluate(_ data: MLPDataset) throws(HoneError) -> MLPMetrics {
    try checkTargets(data)
    let z = try outputs(data.x, rows: data.rows)
    return z.withUnsafeBufferPointer { zp in
      data.y.withUnsafeBufferPointer { yp in
        guard let zb = zp.baseAddress, let yb = yp.baseAddress else { return MLPMetrics(loss: .nan) }
        let l = MLPLoss.evaluate(
          loss, task: task, huberDelta: huberDelta, z: zb, y: yb, batch: data.rows, outputs: layout.outputs, grad: nil)
        return MLPMetrics.compute(task: task, loss: l, z: zb, y: yb, rows: data.rows, outputs: layout.outputs)
      }
    }
  }

  /// Throws unless `data`'s targets fit this model's outputs.
  func checkTargets(_ data: MLPDataset) throws(HoneError) {
    guard data.features == layout.inputs else {
      throw .invalidArgument("mlp: rows have \(data.features) features, the model takes \(layout.inputs)")
    }
    switch task {
    case .regression:
      guard data.targetColumns == layout.outputs else {
        throw .invalidArgument("mlp: \(data.targetColumns) target columns, the model has \(layout.outputs) outputs")
      }
    case .binary, .multiclass:
      let c = classCount
      guard data.targetColumns == 1,
        let bad = data.y.first(where: { $0 < 0 || $0 >= Float(c) || $0 != $0.rounded() })
      else {
        if data.targetColumns != 1 { throw .invalidArgument("mlp: classification takes one label per row") }
        return
      }
      throw .invalidArgument("mlp: label \(bad) is outside 0..<\(c)")
    }
  }
}
