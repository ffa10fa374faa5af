/// Preallocated buffers for forward and backward passes of up to `capacity` rows.
///
/// Everything a training step touches is allocated here once, so the training
/// loop itself allocates nothing. Activations are row-major `batch × width`,
/// which BLAS sees as column-major `width × batch`.
final class MLPWorkspace {
  let layout: MLPLayout
  /// The activation after each hidden layer; a single one serves every layer.
  let activations: [MLPActivation]
  let capacity: Int
  /// Pre-activations of every layer; the last one holds the network's outputs.
  private let z: [UnsafeMutablePointer<Float>]
  /// Post-activations of every hidden layer.
  private let a: [UnsafeMutablePointer<Float>]
  /// Inverted-dropout masks (0 or 1/(1−p)) and the dropped activations of every hidden layer.
  private let mask: [UnsafeMutablePointer<Float>]
  private let dropped: [UnsafeMutablePointer<Float>]
  /// Two gradient buffers the backward pass alternates between.
  private let deltaA, deltaB: UnsafeMutablePointer<Float>
  /// The parameter gradient, laid out like the parameters.
  let grad: UnsafeMutableBufferPointer<Float>
  /// Which hidden layers used dropout in the last forward pass.
  private var droppedOut: [Bool]
  private let owned: [UnsafeMutablePointer<Float>]
  /// The dropout rate after each hidden layer, used by training passes only.
  let dropout: [Float]
  /// The generator of dropout masks.
  var rng: Xoshiro256

  init(
    layout: MLPLayout, activations: [MLPActivation], capacity: Int, dropout: [Float] = [], seed: UInt64 = 0
  ) {
    self.layout = layout
    self.activations = activations.isEmpty ? [.relu] : activations
    self.capacity = max(1, capacity)
    self.dropout = dropout
    rng = Xoshiro256(seed: seed, stream: 0xD80F)
    func buffer(_ n: Int) -> UnsafeMutablePointer<Float> {
      let p = UnsafeMutablePointer<Float>.allocate(capacity: max(1, n))
      p.initialize(repeating: 0, count: max(1, n))
      return p
    }
    let c = self.capacity
    let hidden = layout.sizes.dropFirst().dropLast()
    z = layout.sizes.dropFirst().map { buffer(c * $0) }
    a = hidden.map { buffer(c * $0) }
    // Layers without dropout never touch their mask, so they get a placeholder.
    let dropSizes = hidden.enumerated().map { l, width in l < dropout.count && dropout[l] > 0 ? c * width : 1 }
    mask = dropSizes.map { buffer($0) }
    dropped = dropSizes.map { buffer($0) }
    let widest = layout.sizes.max() ?? 1
    deltaA = buffer(c * widest)
    deltaB = buffer(c * widest)
    let g = UnsafeMutableBufferPointer<Float>.allocate(capacity: max(1, layout.parameterCount))
    g.initialize(repeating: 0)
    grad = g
    droppedOut = Array(repeating: false, count: hidden.count)
    owned = z + a + mask + dropped + [deltaA, deltaB]
  }

  deinit {
    for p in owned { p.deallocate() }
    grad.deallocate()
  }

  /// The outputs of the last forward pass, `batch × outputs` row-major.
  var output: UnsafeMutablePointer<Float> { z[z.count - 1] }

  /// The input the dense layer `l` saw in the last forward pass.
  private func input(_ l: Int, _ x: UnsafePointer<Float>) -> UnsafePointer<Float> {
    if l == 0 { return x }
    return UnsafePointer(droppedOut[l - 1] ? dropped[l - 1] : a[l - 1])
  }

  /// Runs the network on `batch` rows of `x`; a `training` pass samples dropout masks.
  func forward(
    _ params: UnsafePointer<Float>, _ x: UnsafePointer<Float>, batch: Int, training: Bool = false
  ) throws(HoneError) {
    guard batch >= 1, batch <= capacity else { throw .internal("mlp: batch \(batch) exceeds workspace \(capacity)") }
    for l in 0..<layout.layerCount {
      let nin = layout.sizes[l]
      let nout = layout.sizes[l + 1]
      let out = z[l]
      let bias = params + layout.biasOffset[l]
      for r in 0..<batch { (out + r * nout).update(from: bias, count: nout) }
      // Column-major: Zᵀ (nout×batch) += Wᵀ (nout×nin) · Xᵀ (nin×batch).
      try BLAS.gemm(
        transA: .normal, transB: .normal, m: nout, n: batch, k: nin, alpha: 1,
        a: params + layout.weightOffset[l], lda: nout, b: input(l, x), ldb: nin,
        beta: 1, c: out, ldc: nout)
      guard l < layout.layerCount - 1 else { break }
      let count = batch * nout
      activations[min(l, activations.count - 1)].forward(out, a[l], count: count)
      let p = l < dropout.count ? dropout[l] : 0
      droppedOut[l] = p > 0 && training
      if droppedOut[l] {
        let keep = 1 / (1 - p)
        let m = mask[l]
        let d = dropped[l]
        let src = a[l]
        for i in 0..<count {
          m[i] = Float(rng.nextUnit()) < p ? 0 : keep
          d[i] = src[i] * m[i]
        }
      }
    }
  }

  /// Back-propagates `dOut` (∂loss/∂outputs, `batch × outputs`) into `grad`.
  ///
  /// Must follow `forward` on the same `x` and `batch`; `grad` is overwritten.
  func backward(
    _ params: UnsafePointer<Float>, _ x: UnsafePointer<Float>, batch: Int, dOut: UnsafePointer<Float>
  ) throws(HoneError) {
    var delta = deltaA
    var spare = deltaB
    delta.update(from: dOut, count: batch * layout.outputs)
    let g = grad.baseAddress ?? deltaA
    for l in stride(from: layout.layerCount - 1, through: 0, by: -1) {
      let nin = layout.sizes[l]
      let nout = layout.sizes[l + 1]
      // dWᵀ (nout×nin) = dZᵀ (nout×batch) · X (batch×nin).
      try BLAS.gemm(
        transA: .normal, transB: .transposed, m: nout, n: nin, k: batch, alpha: 1,
        a: delta, lda: nout, b: input(l, x), ldb: nin, beta: 0,
        c: g + layout.weightOffset[l], ldc: nout)
      let db = g + layout.biasOffset[l]
      db.update(repeating: 0, count: nout)
      for r in 0..<batch {
        let row = delta + r * nout
        for j in 0..<nout { db[j] += row[j] }
      }
      guard l > 0 else { break }
      // dXᵀ (nin×batch) = W (nin×nout) · dZᵀ (nout×batch).
      try BLAS.gemm(
        transA: .transposed, transB: .normal, m: nin, n: batch, k: nout, alpha: 1,
        a: params + layout.weightOffset[l], lda: nout, b: delta, ldb: nout, beta: 0,
        c: spare, ldc: nin)
      let count = batch * nin
      if droppedOut[l - 1] {
        let m = mask[l - 1]
        for i in 0..<count { spare[i] *= m[i] }
      }
      activations[min(l - 1, activations.count - 1)].backward(z[l - 1], a[l - 1], spare, count: count)
      swap(&delta, &spare)
    }
  }
}
