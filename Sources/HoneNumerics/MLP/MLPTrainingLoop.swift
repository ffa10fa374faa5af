/// The state of one training run: every buffer the epochs reuse, allocated up front.
final class MLPTrainingLoop {
  let config: MLPConfig
  let layout: MLPLayout
  let train: MLPDataset
  let validation: MLPDataset?
  private let workspace: MLPWorkspace
  private let validationWorkspace: MLPWorkspace?
  private let optimizer: MLPOptimizer
  private let batchX, batchY, dOut: UnsafeMutableBufferPointer<Float>
  private var validationOutputs: [Float]
  private let metricScratch: MLPMetricScratch?
  private var order: [Int]
  private var rng: Xoshiro256
  private let loss: MLPLoss

  init(config: MLPConfig, layout: MLPLayout, train: MLPDataset, validation: MLPDataset?, seed: UInt64) {
    self.config = config
    self.layout = layout
    self.train = train
    self.validation = validation
    loss = config.resolvedLoss
    let batch = min(config.batchSize, train.rows)
    let hidden = layout.layerCount - 1
    let rates = (0..<hidden).map { Float(config.dropout.count == 1 ? config.dropout[0] : config.dropout[$0]) }
    workspace = MLPWorkspace(
      layout: layout, activations: config.resolvedActivations, capacity: batch, dropout: rates, seed: seed)
    validationWorkspace = validation.map {
      MLPWorkspace(layout: layout, activations: config.resolvedActivations, capacity: layout.inferenceRows($0.rows))
    }
    validationOutputs = [Float](repeating: 0, count: (validation?.rows ?? 0) * layout.outputs)
    let classes = config.task == .binary ? 2 : layout.outputs
    metricScratch =
      config.task == .regression ? nil : validation.map { MLPMetricScratch(rows: $0.rows, classes: classes) }
    optimizer = MLPOptimizer(kind: config.optimizer, layout: layout, config: config)
    func buffer(_ n: Int) -> UnsafeMutableBufferPointer<Float> {
      let b = UnsafeMutableBufferPointer<Float>.allocate(capacity: max(1, n))
      b.initialize(repeating: 0)
      return b
    }
    batchX = buffer(batch * train.features)
    batchY = buffer(batch * train.targetColumns)
    dOut = buffer(batch * layout.outputs)
    order = Array(0..<train.rows)
    rng = Xoshiro256(seed: seed, stream: 0x5EED)
  }

  deinit {
    batchX.deallocate()
    batchY.deallocate()
    dOut.deallocate()
  }

  /// Runs the epochs on `model.parameters`, leaving the weights to return in `model`.
  func run(model: inout MLPModel, onEpoch: ((Int, MLPEpochRecord) -> Bool)?) throws(HoneError) -> MLPTrainingResult {
    let start = WallClock.now()
    var history: [MLPEpochRecord] = []
    history.reserveCapacity(min(config.epochs, 4096))
    var best = model.parameters
    var bestEpoch = 0
    var bestValue = Double.nan
    var status = MLPTrainingStatus.completed
    var message: String? = nil
    let metric = validation == nil ? MLPMetric.loss : config.resolvedMetric
    let maximize = validation != nil && metric.maximizes
    var params = model.parameters
    for epoch in 1...config.epochs {
      let (trainLoss, lr) = try params.withUnsafeMutableBufferPointer { (p) throws(HoneError) in
        try runEpoch(p, epoch: epoch)
      }
      guard trainLoss.isFinite else {
        status = .diverged
        message = "training loss became \(trainLoss) in epoch \(epoch)"
        break
      }
      let metrics = try validation.map { (v) throws(HoneError) in try validate(params, v) }
      // Every metric that fits the task is computed; roc_auc was checked to have both classes.
      let monitored = metrics.map { $0.value(metric) ?? .nan } ?? trainLoss
      guard monitored.isFinite else {
        status = .diverged
        message = "validation \(metric.rawValue) became \(monitored) in epoch \(epoch)"
        break
      }
      let record = MLPEpochRecord(
        epoch: epoch, trainLoss: trainLoss, learningRate: lr, validation: metrics, monitored: monitored)
      history.append(record)
      let improved =
        bestEpoch == 0 || (maximize ? monitored > bestValue + config.minDelta : monitored < bestValue - config.minDelta)
      if improved {
        bestEpoch = epoch
        bestValue = monitored
        best.withUnsafeMutableBufferPointer { b in
          params.withUnsafeBufferPointer { p in
            guard let bb = b.baseAddress, let pb = p.baseAddress else { return }
            bb.update(from: pb, count: p.count)
          }
        }
      }
      if let onEpoch, onEpoch(epoch, record) {
        status = .pruned
        break
      }
      if config.earlyStoppingPatience > 0, epoch - bestEpoch >= config.earlyStoppingPatience {
        status = .earlyStopped
        break
      }
      if config.timeBudget > 0, WallClock.now() - start >= config.timeBudget, epoch < config.epochs {
        status = .timeBudget
        break
      }
    }
    // Early stopping promises the best weights; divergence must never hand back NaNs.
    model.parameters = config.earlyStoppingPatience > 0 || status == .diverged ? best : params
    return MLPTrainingResult(
      model: model, status: status, history: history, bestEpoch: bestEpoch, bestValue: bestValue, message: message)
  }

  /// One pass over the shuffled training rows; returns the mean batch loss and the last rate.
  private func runEpoch(_ p: UnsafeMutableBufferPointer<Float>, epoch: Int) throws(HoneError) -> (Double, Double) {
    guard let params = p.baseAddress, let bx = batchX.baseAddress, let by = batchY.baseAddress,
      let dz = dOut.baseAddress, let g = workspace.grad.baseAddress
    else { throw .internal("mlp: empty training buffers") }
    order.shuffle(using: &rng)
    let n = train.rows
    let d = train.features
    let t = train.targetColumns
    let batch = workspace.capacity
    let stepsPerEpoch = (n + batch - 1) / batch
    var total = 0.0
    var lr = 0.0
    try train.x.withUnsafeBufferPointer { (xs) throws(HoneError) in
      try train.y.withUnsafeBufferPointer { (ys) throws(HoneError) in
        guard let xb = xs.baseAddress, let yb = ys.baseAddress else { return }
        for s in 0..<stepsPerEpoch {
          let lo = s * batch
          let rows = min(batch, n - lo)
          for r in 0..<rows {
            let i = order[lo + r]
            (bx + r * d).update(from: xb + i * d, count: d)
            (by + r * t).update(from: yb + i * t, count: t)
          }
          try workspace.forward(params, bx, batch: rows, training: true)
          let l = MLPLoss.evaluate(
            loss, task: config.task, huberDelta: Float(config.huberDelta), z: workspace.output, y: by,
            batch: rows, outputs: layout.outputs, grad: dz)
          guard l.isFinite else {
            total = l
            return
          }
          total += l * Double(rows)
          try workspace.backward(params, bx, batch: rows, dOut: dz)
          applyPenalties(params, g)
          clip(g)
          let factor = config.schedule.factor(
            step: (epoch - 1) * stepsPerEpoch + s, stepsPerEpoch: stepsPerEpoch, epochs: config.epochs,
            warmupEpochs: config.warmupEpochs)
          lr = optimizer.step(params, g, factor: factor)
        }
      }
    }
    return (total / Double(n), lr)
  }

  /// Adds the gradients of (l2/2)·‖W‖² and l1·‖W‖₁ over weights, not biases.
  private func applyPenalties(_ p: UnsafePointer<Float>, _ g: UnsafeMutablePointer<Float>) {
    let l1 = Float(config.l1)
    let l2 = Float(config.l2)
    guard l1 > 0 || l2 > 0 else { return }
    for l in 0..<layout.layerCount {
      for i in layout.weightOffset[l]..<layout.biasOffset[l] {
        let w = p[i]
        g[i] += l2 * w + l1 * (w > 0 ? 1 : (w < 0 ? -1 : 0))
      }
    }
  }

  /// Rescales the whole gradient so its Euclidean norm is at most `gradientClip`.
  private func clip(_ g: UnsafeMutablePointer<Float>) {
    guard config.gradientClip > 0 else { return }
    var sq = 0.0
    for i in 0..<layout.parameterCount { sq += Double(g[i]) * Double(g[i]) }
    let norm = sq.squareRoot()
    guard norm > config.gradientClip else { return }
    let s = Float(config.gradientClip / norm)
    for i in 0..<layout.parameterCount { g[i] *= s }
  }

  /// Every validation measure of the current parameters, from the preallocated workspace.
  private func validate(_ params: [Float], _ v: MLPDataset) throws(HoneError) -> MLPMetrics {
    guard let ws = validationWorkspace else { throw .internal("mlp: no validation workspace") }
    let k = layout.outputs
    let d = v.features
    try params.withUnsafeBufferPointer { (p) throws(HoneError) in
      try v.x.withUnsafeBufferPointer { (xs) throws(HoneError) in
        try validationOutputs.withUnsafeMutableBufferPointer { (out) throws(HoneError) in
          guard let pb = p.baseAddress, let xb = xs.baseAddress, let ob = out.baseAddress else { return }
          var lo = 0
          while lo < v.rows {
            let rows = min(ws.capacity, v.rows - lo)
            try ws.forward(pb, xb + lo * d, batch: rows)
            (ob + lo * k).update(from: ws.output, count: rows * k)
            lo += rows
          }
        }
      }
    }
    return validationOutputs.withUnsafeBufferPointer { zs in
      v.y.withUnsafeBufferPointer { ys in
        guard let zb = zs.baseAddress, let yb = ys.baseAddress else { return MLPMetrics(loss: .nan) }
        let l = MLPLoss.evaluate(
          loss, task: config.task, huberDelta: Float(config.huberDelta), z: zb, y: yb, batch: v.rows, outputs: k,
          grad: nil)
        return MLPMetrics.compute(
          task: config.task, loss: l, z: zb, y: yb, rows: v.rows, outputs: k, scratch: metricScratch)
      }
    }
  }
}
