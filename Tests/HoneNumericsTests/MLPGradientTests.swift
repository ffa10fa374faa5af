import XCTest

@testable import HoneNumerics
import HoneSupport

/// Central finite differences against back-propagation for every activation and loss.
final class MLPGradientTests: XCTestCase {
  /// Compares ∂loss/∂θ from `backward` with central differences over every parameter.
  private func check(
    sizes: [Int], activation: MLPActivation, task: MLPTask, loss: MLPLoss, targets: [Float],
    layerActivations: [MLPActivation]? = nil,
    seed: UInt64 = 7, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let layout = try MLPLayout(sizes: sizes)
    var rng = Xoshiro256(seed: seed)
    var params = layout.initialParameters([.xavierNormal], rng: &rng)
    // Nonzero biases exercise their gradient too.
    for l in 0..<layout.layerCount {
      for i in layout.biasOffset[l]..<(layout.biasOffset[l] + sizes[l + 1]) { params[i] = Float(rng.nextUnit() - 0.5) }
    }
    let batch = targets.count / (task == .regression ? layout.outputs : 1)
    let x = (0..<(batch * layout.inputs)).map { _ in Float(2 * rng.nextUnit() - 1) }
    let ws = MLPWorkspace(
      layout: layout, activations: layerActivations ?? [activation], capacity: batch)
    var dz = [Float](repeating: 0, count: batch * layout.outputs)
    func lossAt(_ p: [Float], grad: UnsafeMutablePointer<Float>?) throws -> Double {
      try ws.forward(p, x, batch: batch)
      return MLPLoss.evaluate(
        loss, task: task, huberDelta: 0.5, z: ws.output, y: targets, batch: batch, outputs: layout.outputs, grad: grad)
    }
    _ = try dz.withUnsafeMutableBufferPointer { try lossAt(params, grad: $0.baseAddress) }
    try ws.backward(params, x, batch: batch, dOut: dz)
    let analytic = Array(ws.grad)
    let eps: Float = 1e-2
    for i in 0..<layout.parameterCount {
      var plus = params
      plus[i] += eps
      var minus = params
      minus[i] -= eps
      let numeric = (try lossAt(plus, grad: nil) - lossAt(minus, grad: nil)) / Double(plus[i] - minus[i])
      let tolerance = 2e-3 + 2e-2 * abs(numeric)
      XCTAssertEqual(
        Double(analytic[i]), numeric, accuracy: tolerance,
        "\(activation.rawValue)/\(loss.rawValue) parameter \(i)", file: file, line: line)
    }
  }

  func testEveryActivationThroughTwoHiddenLayers() throws {
    let targets: [Float] = [0.3, -0.7, 1.2, 0.1, -0.4, 0.9, 0.5, -1.1, 0.0, 0.8]
    for activation in MLPActivation.allCases {
      try check(sizes: [3, 5, 4, 2], activation: activation, task: .regression, loss: .mse, targets: targets)
    }
  }

  func testADifferentActivationPerLayer() throws {
    let targets: [Float] = [0.3, -0.7, 1.2, 0.1, -0.4, 0.9, 0.5, -1.1, 0.0, 0.8]
    for pair in [[MLPActivation.tanh, .sigmoid], [.gelu, .leakyRelu], [.sigmoid, .elu]] {
      try check(
        sizes: [3, 5, 4, 2], activation: .relu, task: .regression, loss: .mse, targets: targets,
        layerActivations: pair)
    }
  }

  func testRegressionLosses() throws {
    let targets: [Float] = [0.3, -0.7, 1.9, 0.1, -1.4, 0.9]
    for loss in [MLPLoss.mse, .mae, .huber] {
      try check(sizes: [2, 4, 1], activation: .tanh, task: .regression, loss: loss, targets: targets)
    }
  }

  func testBinaryLosses() throws {
    let labels: [Float] = [0, 1, 1, 0, 1, 0]
    for loss in [MLPLoss.crossEntropy, .hinge] {
      try check(sizes: [3, 4, 1], activation: .elu, task: .binary, loss: loss, targets: labels)
    }
  }

  func testMulticlassLosses() throws {
    let labels: [Float] = [0, 2, 1, 2, 0]
    for loss in [MLPLoss.crossEntropy, .hinge] {
      try check(sizes: [3, 6, 3], activation: .gelu, task: .multiclass, loss: loss, targets: labels)
    }
  }

  func testDropoutGradientMatchesItsOwnMask() throws {
    // With the masks fixed by one training pass, the loss is a smooth function of θ.
    let layout = try MLPLayout(sizes: [2, 6, 1])
    var rng = Xoshiro256(seed: 3)
    let params = layout.initialParameters([.heNormal], rng: &rng)
    let x: [Float] = [0.5, -0.2, 0.9, 0.4, -0.8, 0.3]
    let y: [Float] = [0.2, -0.5, 0.7]
    let ws = MLPWorkspace(layout: layout, activations: [.tanh], capacity: 3, dropout: [0.5], seed: 11)
    try ws.forward(params, x, batch: 3, training: true)
    var dz = [Float](repeating: 0, count: 3)
    _ = MLPLoss.evaluate(.mse, task: .regression, huberDelta: 1, z: ws.output, y: y, batch: 3, outputs: 1, grad: &dz)
    try ws.backward(params, x, batch: 3, dOut: dz)
    let analytic = Array(ws.grad)
    // Replaying the generator reproduces the same masks for every perturbed pass.
    func lossAt(_ p: [Float]) throws -> Double {
      ws.rng = Xoshiro256(seed: 11, stream: 0xD80F)
      try ws.forward(p, x, batch: 3, training: true)
      return MLPLoss.evaluate(
        .mse, task: .regression, huberDelta: 1, z: ws.output, y: y, batch: 3, outputs: 1, grad: nil)
    }
    for i in 0..<layout.parameterCount {
      var plus = params
      plus[i] += 1e-2
      var minus = params
      minus[i] -= 1e-2
      let numeric = (try lossAt(plus) - lossAt(minus)) / Double(plus[i] - minus[i])
      XCTAssertEqual(Double(analytic[i]), numeric, accuracy: 2e-3 + 2e-2 * abs(numeric), "parameter \(i)")
    }
    let dropped = try lossAt(params)
    try ws.forward(params, x, batch: 3)
    let plain = MLPLoss.evaluate(
      .mse, task: .regression, huberDelta: 1, z: ws.output, y: y, batch: 3, outputs: 1, grad: nil)
    XCTAssertNotEqual(dropped, plain, "a training pass at rate 0.5 must drop units")
  }
}
