/// A Sobol' low-discrepancy sequence in [0, 1)^d, optionally scrambled.
///
/// Points are addressed by index and come in Gray-code order, the order
/// scipy.stats.qmc.Sobol draws them in, so that the unscrambled point `i` equals
/// scipy's `Sobol(d, scramble=False).random(i + 1)[i]` bit for bit. Dimension 1 is
/// the van der Corput sequence; dimensions 2 and up use Joe & Kuo's
/// new-joe-kuo-6.21201 direction numbers (see `SobolSequence+DirectionNumbers.swift`).
///
/// Scrambling is the one scipy uses: a random linear matrix scramble (a random
/// lower-triangular binary matrix with unit diagonal per dimension, applied to the
/// direction numbers) followed by a random digital shift. Both keep every
/// (t, m, s)-net property of the unscrambled sequence, while making each point
/// uniformly distributed, so averages over the points are unbiased.
///
/// Coordinates carry 52 bits rather than scipy's default 30. Direction number `j` of a
/// dimension is `m_j * 2^(52 - 1 - j)` with `m_j < 2^(j + 1)`, which is scipy's 30-bit
/// value times 2^22, so for the first 2^30 points (all scipy can draw at 30 bits) the
/// unscrambled coordinates are exactly scipy's; the extra bits only refine the
/// scrambled points. A 52-bit integer times 2^-52 is exact in a `Double` and below 1.
public struct SobolSequence: Sendable {
  /// Bits of precision in every coordinate; the sequence has period 2^bits.
  public static let bits = 52

  /// The number of coordinates in each point.
  public let dimension: Int

  /// Whether the direction numbers were scrambled and the points shifted.
  public let isScrambled: Bool

  /// `bits` direction numbers per dimension, dimension-major, scrambled when
  /// `isScrambled`, each an integer below 2^bits whose top bit is the 1/2 digit.
  private let directions: [UInt64]

  /// The digital shift of each dimension: zero unless scrambled, and also point 0.
  private let shift: [UInt64]

  /// Builds the sequence for `dimension` coordinates.
  ///
  /// When `scramble` is true the matrices and shifts are drawn from `rng`, so the same
  /// generator state gives the same sequence: for each dimension in turn, one word for
  /// the shift, then one word for each matrix row below the first. Unscrambled
  /// sequences draw nothing.
  /// - Throws: `.invalidArgument` when `dimension` is outside `1...maxDimension`.
  public init(
    dimension: Int, scramble: Bool, using rng: inout some RandomNumberGenerator
  ) throws(HoneError) {
    guard dimension >= 1, dimension <= Self.maxDimension else {
      throw .invalidArgument(
        "Sobol dimension must be between 1 and \(Self.maxDimension), got \(dimension)")
    }
    let bits = Self.bits
    var directions = [UInt64](repeating: 0, count: dimension * bits)
    var shift = [UInt64](repeating: 0, count: dimension)
    for d in 0..<dimension {
      Self.fillDirections(dimensionIndex: d, into: &directions[(d * bits)..<((d + 1) * bits)])
    }
    if scramble {
      let digitMask: UInt64 = (1 << UInt64(bits)) - 1
      var rows = [UInt64](repeating: 0, count: bits)
      for d in 0..<dimension {
        shift[d] = rng.next() & digitMask
        // Row p gives output digit p (digit 0 is the 1/2 digit, at bit bits - 1) as the
        // parity of the row and the input; only digits 0...p may enter, so the first m
        // output digits depend on the first m input digits alone, which is what keeps
        // the net property. The diagonal is forced to 1 to make the matrix invertible.
        for p in 0..<bits {
          let diagonal: UInt64 = 1 << UInt64(bits - 1 - p)
          let above: UInt64 = p == 0 ? 0 : ((1 << UInt64(p)) - 1) << UInt64(bits - p)
          rows[p] = p == 0 ? diagonal : (rng.next() & above) | diagonal
        }
        for j in (d * bits)..<((d + 1) * bits) {
          let v = directions[j]
          var scrambled: UInt64 = 0
          for p in 0..<bits where (rows[p] & v).nonzeroBitCount & 1 == 1 {
            scrambled |= 1 << UInt64(bits - 1 - p)
          }
          directions[j] = scrambled
        }
      }
    }
    self.dimension = dimension
    self.isScrambled = scramble
    self.directions = directions
    self.shift = shift
  }

  /// The point at `index` (0-based), as `dimension` coordinates in [0, 1).
  ///
  /// Indices are taken modulo 2^bits, the period of the sequence.
  public func point(at index: UInt64) -> [Double] {
    [Double](unsafeUninitializedCapacity: dimension) { buffer, count in
      point(at: index, into: buffer)
      count = dimension
    }
  }

  /// Writes the point at `index` into `buffer`, resizing it to `dimension` only if needed,
  /// so a buffer reused across calls never allocates.
  public func point(at index: UInt64, into buffer: inout [Double]) {
    if buffer.count != dimension {
      buffer = [Double](repeating: 0, count: dimension)
    }
    buffer.withUnsafeMutableBufferPointer { point(at: index, into: $0) }
  }

  /// Writes the point at `index` into the first `dimension` elements of `buffer`;
  /// a shorter buffer receives the leading coordinates only.
  public func point(at index: UInt64, into buffer: UnsafeMutableBufferPointer<Double>) {
    let count = min(buffer.count, dimension)
    let bits = Self.bits
    let wrapped = index & ((1 << UInt64(bits)) - 1)
    // Scipy steps point i - 1 to point i by flipping direction number ctz(i); the
    // directions flipped from point 0 to point i are then the set bits of gray(i).
    let gray = wrapped ^ (wrapped >> 1)
    let scale = 1.0 / Double(UInt64(1) << UInt64(bits))
    directions.withUnsafeBufferPointer { v in
      for d in 0..<count {
        var x = shift[d]
        var g = gray
        let base = d * bits
        while g != 0 {
          x ^= v[base + g.trailingZeroBitCount]
          g &= g - 1
        }
        buffer[d] = Double(x) * scale
      }
    }
  }

  /// Writes the unscrambled direction numbers of the 0-based dimension `dimensionIndex`.
  ///
  /// Bratley & Fox's recurrence on the m_j (Joe & Kuo's notes, eq. 2): for a primitive
  /// polynomial x^s + a_1 x^(s-1) + ... + a_(s-1) x + 1,
  /// m_j = 2 a_1 m_(j-1) ^ 4 a_2 m_(j-2) ^ ... ^ 2^s m_(j-s) ^ m_(j-s), and the direction
  /// number is m_j scaled so that its lowest possible bit sits at digit j.
  private static func fillDirections(
    dimensionIndex: Int, into out: inout ArraySlice<UInt64>
  ) {
    let bits = Self.bits
    let start = out.startIndex
    guard dimensionIndex > 0 else {
      // Van der Corput: m_j = 1, so each direction number is a single digit.
      for j in 0..<bits { out[start + j] = 1 << UInt64(bits - 1 - j) }
      return
    }
    let row = directionRows[dimensionIndex - 1]
    let polynomial = UInt64(row.polynomial)
    let degree = UInt64.bitWidth - polynomial.leadingZeroBitCount - 1
    var m = [UInt64](repeating: 0, count: bits)
    for j in 0..<min(degree, bits) { m[j] = UInt64(row.initial[j]) }
    if degree < bits {
      for j in degree..<bits {
        var next = m[j - degree]
        for k in 0..<degree where (polynomial >> UInt64(degree - 1 - k)) & 1 == 1 {
          next ^= m[j - k - 1] << UInt64(k + 1)
        }
        m[j] = next
      }
    }
    for j in 0..<bits { out[start + j] = m[j] << UInt64(bits - 1 - j) }
  }
}
