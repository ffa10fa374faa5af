import XCTest

@testable import HoneNumerics

/// The versioned binary model format: round trips and clear errors on damage.
final class MLPModelFileTests: XCTestCase {
  private func trained() throws -> (MLPModel, [Float]) {
    var config = MLPConfig()
    config.task = .multiclass
    config.hiddenLayers = [6, 5]
    config.activation = .gelu
    config.epochs = 3
    let x: [Float] = (0..<24).map { Float($0 % 7) - 3 }
    let data = try MLPDataset(features: x, rows: 8, labels: [0, 1, 2, 0, 1, 2, 0, 1])
    return (try MLP.train(data, config: config).model, x)
  }

  func testRoundTripInMemoryAndOnDisk() throws {
    let (model, x) = try trained()
    let bytes = model.serialized()
    XCTAssertEqual(Array(bytes[0..<8]), Array("HONEMLP".utf8) + [0])
    let back = try MLPModel(serialized: bytes)
    XCTAssertEqual(back, model)
    XCTAssertEqual(try back.predictProbabilities(x, rows: 8), try model.predictProbabilities(x, rows: 8))
    let path = "/tmp/hone-mlp-test-\(UInt32.random(in: 0...UInt32.max)).bin"
    try model.save(to: path)
    defer { unlink(path) }
    XCTAssertEqual(try MLPModel(contentsOf: path), model)
  }

  func testOneActivationPerLayerIsVersion2AndOneForAllStaysVersion1() throws {
    let (uniform, _) = try trained()
    XCTAssertEqual(Array(uniform.serialized()[8..<12]), [1, 0, 0, 0])
    var config = MLPConfig()
    config.task = .multiclass
    config.hiddenLayers = [6, 5]
    config.layerActivations = [.tanh, .relu]
    config.epochs = 3
    let x: [Float] = (0..<24).map { Float($0 % 7) - 3 }
    let data = try MLPDataset(features: x, rows: 8, labels: [0, 1, 2, 0, 1, 2, 0, 1])
    let mixed = try MLP.train(data, config: config).model
    XCTAssertEqual(mixed.activations, [.tanh, .relu])
    XCTAssertEqual(mixed.activationJSON, .array([.string("tanh"), .string("relu")]))
    let bytes = mixed.serialized()
    XCTAssertEqual(Array(bytes[8..<12]), [2, 0, 0, 0])
    let back = try MLPModel(serialized: bytes)
    XCTAssertEqual(back, mixed)
    XCTAssertEqual(try back.predictProbabilities(x, rows: 8), try mixed.predictProbabilities(x, rows: 8))
    // The same weights under one activation predict otherwise: the per-layer codes matter.
    var relabelled = bytes
    relabelled[24 + 4 * 4] = UInt8(MLPActivation.allCases.firstIndex(of: .relu) ?? 0)
    let crc = crc32(relabelled[..<(relabelled.count - 4)])
    for i in 0..<4 { relabelled[relabelled.count - 4 + i] = UInt8((crc >> (8 * UInt32(i))) & 0xFF) }
    let other = try MLPModel(serialized: relabelled)
    XCTAssertEqual(other.activations, [.relu, .relu])
    XCTAssertNotEqual(try other.predictProbabilities(x, rows: 8), try mixed.predictProbabilities(x, rows: 8))
  }

  func testCRC32MatchesZlib() {
    XCTAssertEqual(crc32(Array("123456789".utf8)[...]), 0xCBF4_3926)
  }

  func testDamageGivesClearErrors() throws {
    let (model, _) = try trained()
    let bytes = model.serialized()
    for cut in [0, 5, 11, 27, bytes.count / 2, bytes.count - 1] {
      XCTAssertThrowsError(try MLPModel(serialized: Array(bytes[0..<cut])), "cut at \(cut)") {
        let m = "\($0)"
        XCTAssertTrue(m.contains("magic") || m.contains("truncated") || m.contains("checksum"), m)
      }
    }
    var flipped = bytes
    flipped[bytes.count / 2] ^= 0x10
    XCTAssertThrowsError(try MLPModel(serialized: flipped)) { XCTAssertTrue("\($0)".contains("checksum"), "\($0)") }
    var version = bytes
    version[8] = 9
    XCTAssertThrowsError(try MLPModel(serialized: version)) { XCTAssertTrue("\($0)".contains("version 9"), "\($0)") }
    XCTAssertThrowsError(try MLPModel(contentsOf: "/nonexistent/model.bin")) {
      XCTAssertTrue("\($0)".contains("cannot open"), "\($0)")
    }
  }

  func testPredictRejectsWrongWidth() throws {
    let (model, _) = try trained()
    XCTAssertThrowsError(try model.predict([1, 2, 3, 4], rows: 2)) {
      XCTAssertTrue("\($0)".contains("the model takes 3"), "\($0)")
    }
    XCTAssertThrowsError(try model.predict([1, 2, 3], rows: 0))
  }
}
