internal import HonePlatform

/// The binary model file, versions 1 and 2. All integers and floats are little-endian.
///
/// ```
/// offset  size  field
/// 0       8     magic "HONEMLP\0"
/// 8       4     u32 format version (1 or 2)
/// 12      1     u8 task: 0 regression, 1 binary, 2 multiclass
/// 13      1     u8 loss: 0 mse, 1 mae, 2 huber, 3 cross_entropy, 4 hinge
/// 14      1     u8 activation of every hidden layer: 0 relu, 1 leaky_relu, 2 elu, 3 gelu,
///               4 tanh, 5 sigmoid, 6 linear (version 2: that of the first hidden layer)
/// 15      1     u8 1 when a standardizer follows, else 0
/// 16      4     f32 Huber delta
/// 20      4     u32 n, the number of layer widths (input … output)
/// 24      4·n   u32 widths
///         n−2   version 2 only: u8 activation of each hidden layer
///         8·d   f32 means then f32 scales of the d inputs, when standardized
///         8     u64 parameter count P (must match the widths)
///         4·P   f32 parameters, layer by layer: row-major in×out weights, then the bias
///         4     u32 CRC-32 (IEEE, as zlib) of every byte before it
/// ```
extension MLPModel {
  static let magic: [UInt8] = Array("HONEMLP".utf8) + [0]
  /// The newest version this build reads and writes.
  static let formatVersion: UInt32 = 2

  /// The model in the binary format: version 1 when every hidden layer has the
  /// same activation, so older builds still read it, else version 2.
  public func serialized() -> [UInt8] {
    func code(_ a: MLPActivation) -> UInt8 { UInt8(MLPActivation.allCases.firstIndex(of: a) ?? 0) }
    let perLayer = Set(activations).count > 1
    var out = Self.magic
    Self.put(UInt32(perLayer ? 2 : 1), &out)
    out.append(UInt8(MLPTask.allCases.firstIndex(of: task) ?? 0))
    out.append(UInt8(MLPLoss.allCases.firstIndex(of: loss) ?? 0))
    out.append(code(activations.first ?? .relu))
    out.append(standardizer == nil ? 0 : 1)
    Self.put(huberDelta.bitPattern, &out)
    Self.put(UInt32(sizes.count), &out)
    for s in sizes { Self.put(UInt32(s), &out) }
    if perLayer { out += activations.map(code) }
    if let s = standardizer {
      for v in s.mean { Self.put(v.bitPattern, &out) }
      for v in s.scale { Self.put(v.bitPattern, &out) }
    }
    Self.put(UInt64(parameters.count), &out)
    out.reserveCapacity(out.count + 4 * parameters.count + 4)
    for v in parameters { Self.put(v.bitPattern, &out) }
    Self.put(crc32(out[...]), &out)
    return out
  }

  /// Reads a model from the binary format, version 1 or 2.
  ///
  /// Throws `invalidArgument` naming the problem: a wrong magic or version, a
  /// truncated file, a checksum mismatch, or fields that do not fit together.
  public init(serialized bytes: [UInt8]) throws(HoneError) {
    guard bytes.count >= 12, Array(bytes[0..<8]) == Self.magic else {
      throw .invalidArgument("mlp model: not a Hone MLP file (bad magic)")
    }
    var r = ByteReader(bytes: bytes, index: 8)
    let version = try r.u32()
    guard version == 1 || version == 2 else {
      throw .invalidArgument(
        "mlp model: unsupported format version \(version) (this build reads 1 to \(Self.formatVersion))")
    }
    guard bytes.count >= 28 else { throw .invalidArgument("mlp model: truncated file (\(bytes.count) bytes)") }
    let stored =
      UInt32(bytes[bytes.count - 4]) | UInt32(bytes[bytes.count - 3]) << 8
      | UInt32(bytes[bytes.count - 2]) << 16 | UInt32(bytes[bytes.count - 1]) << 24
    guard crc32(bytes[..<(bytes.count - 4)]) == stored else {
      throw .invalidArgument("mlp model: checksum mismatch (the file is truncated or corrupt)")
    }
    func code<T: CaseIterable>(_ byte: UInt8, _ name: String) throws(HoneError) -> T {
      let all = Array(T.allCases)
      guard Int(byte) < all.count else { throw .invalidArgument("mlp model: unknown \(name) code \(byte)") }
      return all[Int(byte)]
    }
    let task: MLPTask = try code(try r.u8(), "task")
    let loss: MLPLoss = try code(try r.u8(), "loss")
    let activation: MLPActivation = try code(try r.u8(), "activation")
    let standardized = try r.u8()
    let delta = Float(bitPattern: try r.u32())
    let n = Int(try r.u32())
    guard n >= 2, n <= 4096 else { throw .invalidArgument("mlp model: \(n) layer widths") }
    var sizes: [Int] = []
    for _ in 0..<n { sizes.append(Int(try r.u32())) }
    let layout = try MLPLayout(sizes: sizes)
    var activations = Array(repeating: activation, count: n - 2)
    if version == 2 {
      for i in activations.indices { activations[i] = try code(try r.u8(), "activation") }
    }
    var standardizer: MLPStandardizer? = nil
    if standardized == 1 {
      let mean = try r.floats(sizes[0])
      let scale = try r.floats(sizes[0])
      standardizer = MLPStandardizer(mean: mean, scale: scale)
    } else if standardized != 0 {
      throw .invalidArgument("mlp model: bad standardizer flag \(standardized)")
    }
    let count = try r.u64()
    guard count == UInt64(layout.parameterCount) else {
      throw .invalidArgument("mlp model: \(count) parameters, widths \(sizes) need \(layout.parameterCount)")
    }
    let params = try r.floats(layout.parameterCount)
    guard r.index == bytes.count - 4 else {
      throw .invalidArgument("mlp model: \(bytes.count - 4 - r.index) stray bytes")
    }
    guard (task == .binary) == (layout.outputs == 1) || task == .regression else {
      throw .invalidArgument("mlp model: task \(task.rawValue) does not fit \(layout.outputs) outputs")
    }
    self.init(
      task: task, loss: loss, activations: activations, huberDelta: delta, layout: layout, parameters: params,
      standardizer: standardizer)
  }

  /// Writes the model to `path`, replacing any file there.
  public func save(to path: String) throws(HoneError) {
    let bytes = serialized()
    guard let f = fopen(path, "wb") else { throw .storage("mlp model: cannot open '\(path)' for writing") }
    let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, f) }
    let closed = fclose(f)
    guard written == bytes.count, closed == 0 else { throw .storage("mlp model: writing '\(path)' failed") }
  }

  /// Reads a model saved by `save(to:)`.
  public init(contentsOf path: String) throws(HoneError) {
    guard let f = fopen(path, "rb") else { throw .storage("mlp model: cannot open '\(path)'") }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let got = chunk.withUnsafeMutableBufferPointer { fread($0.baseAddress, 1, $0.count, f) }
      bytes.append(contentsOf: chunk[0..<got])
      if got < chunk.count { break }
      // The largest valid model is about 1.2 GiB; anything longer is not one (or is a device like /dev/zero).
      guard bytes.count <= 1 << 31 else { throw .invalidArgument("mlp model: '\(path)' is larger than any model file") }
    }
    guard ferror(f) == 0 else { throw .storage("mlp model: reading '\(path)' failed") }
    try self.init(serialized: bytes)
  }

  static func put<T: FixedWidthInteger>(_ v: T, _ out: inout [UInt8]) {
    var x = v.littleEndian
    withUnsafeBytes(of: &x) { out.append(contentsOf: $0) }
  }
}

/// Bounds-checked little-endian reads from a byte array.
private struct ByteReader {
  let bytes: [UInt8]
  var index: Int

  mutating func take(_ n: Int) throws(HoneError) -> ArraySlice<UInt8> {
    guard n >= 0, n <= bytes.count - 4 - index else {
      throw .invalidArgument("mlp model: truncated file (needed \(n) bytes at offset \(index))")
    }
    defer { index += n }
    return bytes[index..<(index + n)]
  }

  mutating func u8() throws(HoneError) -> UInt8 {
    let s = try take(1)
    return s[s.startIndex]
  }

  mutating func u32() throws(HoneError) -> UInt32 {
    var v: UInt32 = 0
    for (i, b) in try take(4).enumerated() { v |= UInt32(b) << (8 * i) }
    return v
  }

  mutating func u64() throws(HoneError) -> UInt64 {
    var v: UInt64 = 0
    for (i, b) in try take(8).enumerated() { v |= UInt64(b) << (8 * i) }
    return v
  }

  mutating func floats(_ n: Int) throws(HoneError) -> [Float] {
    let (bytesNeeded, overflow) = n.multipliedReportingOverflow(by: 4)
    guard !overflow else { throw .invalidArgument("mlp model: \(n) floats overflow") }
    let s = try take(bytesNeeded)
    var out = [Float](repeating: 0, count: n)
    var i = s.startIndex
    for j in 0..<n {
      out[j] = Float(bitPattern: UInt32(s[i]) | UInt32(s[i + 1]) << 8 | UInt32(s[i + 2]) << 16 | UInt32(s[i + 3]) << 24)
      i += 4
    }
    return out
  }
}

/// CRC-32 (IEEE 802.3, reflected, the zlib checksum) of `bytes`.
func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
  var crc: UInt32 = 0xFFFF_FFFF
  for b in bytes {
    crc ^= UInt32(b)
    for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
  }
  return ~crc
}
