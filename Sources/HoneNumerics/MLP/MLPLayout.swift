internal import HonePlatform

/// The shape of a dense network and where each layer's parameters live in one flat buffer.
///
/// Layer l maps `sizes[l]` inputs to `sizes[l+1]` outputs with a row-major
/// `sizes[l] × sizes[l+1]` weight matrix at `weightOffset[l]` followed by its bias
/// at `biasOffset[l]`. One flat buffer lets optimizers, clipping and the file
/// format treat all parameters alike.
struct MLPLayout: Equatable, Sendable {
  let sizes: [Int]
  let weightOffset: [Int]
  let biasOffset: [Int]
  let parameterCount: Int

  /// Lays out a network of the given widths, input first and output last.
  init(sizes: [Int]) throws(HoneError) {
    guard sizes.count >= 2, sizes.allSatisfy({ $0 >= 1 && $0 <= 1 << 24 }) else {
      throw .invalidArgument("mlp: layer widths \(sizes) must be at least two values in 1...16777216")
    }
    var w: [Int] = []
    var b: [Int] = []
    var offset = 0
    for l in 0..<(sizes.count - 1) {
      let (n, overflow) = sizes[l].multipliedReportingOverflow(by: sizes[l + 1])
      guard !overflow, offset <= Int(Int32.max) else { throw .invalidArgument("mlp: network \(sizes) is too large") }
      w.append(offset)
      offset += n
      b.append(offset)
      offset += sizes[l + 1]
    }
    guard offset <= 1 << 28 else { throw .invalidArgument("mlp: network \(sizes) has too many parameters") }
    self.sizes = sizes
    weightOffset = w
    biasOffset = b
    parameterCount = offset
  }

  /// Rows per forward pass when predicting: up to 1024, fewer when layers are so wide
  /// that 1024 rows would exceed `MLP.maxBatchElements` activations.
  func inferenceRows(_ rows: Int) -> Int {
    max(1, min(rows, 1024, MLP.maxBatchElements / (sizes.max() ?? 1)))
  }

  /// The number of dense layers.
  var layerCount: Int { sizes.count - 1 }
  /// The input width.
  var inputs: Int { sizes[0] }
  /// The output width.
  var outputs: Int { sizes[sizes.count - 1] }

  /// Fresh parameters: weights drawn by each layer's scheme, biases zero.
  func initialParameters(_ schemes: [MLPInitialization], rng: inout Xoshiro256) -> [Float] {
    var p = [Float](repeating: 0, count: parameterCount)
    for l in 0..<layerCount {
      let scheme = schemes[min(l, schemes.count - 1)]
      let fanIn = Double(sizes[l])
      let fanOut = Double(sizes[l + 1])
      let variance: Double
      switch scheme {
      case .heUniform, .heNormal: variance = 2 / fanIn
      case .xavierUniform, .xavierNormal: variance = 2 / (fanIn + fanOut)
      }
      let uniform = scheme == .heUniform || scheme == .xavierUniform
      // A uniform on [−a, a] has variance a²/3.
      let limit = (3 * variance).squareRoot()
      let sd = variance.squareRoot()
      for i in weightOffset[l]..<biasOffset[l] {
        if uniform {
          p[i] = Float((2 * rng.nextUnit() - 1) * limit)
        } else {
          // Box–Muller; 1 − u lies in (0, 1] so the log is finite.
          let u = 1 - rng.nextUnit()
          let v = rng.nextUnit()
          p[i] = Float(sd * (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v))
        }
      }
    }
    return p
  }
}
