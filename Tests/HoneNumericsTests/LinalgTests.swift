import HoneNumerics
import HoneSupport
import XCTest

/// Reference values were computed with numpy 2.4 / scipy and pasted as literals.
final class LinalgTests: XCTestCase {
  // MARK: - Helpers

  private func matrix(_ rows: [[Double]], file: StaticString = #filePath, line: UInt = #line) -> Matrix<Double> {
    do {
      return try Matrix(rowMajor: rows)
    } catch {
      XCTFail("bad literal: \(error)", file: file, line: line)
      return Matrix(rows: 0, cols: 0)
    }
  }

  private func assertClose(
    _ m: Matrix<Double>, _ expected: [[Double]], tolerance: Double = 1e-12,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertEqual(m.rows, expected.count, "rows", file: file, line: line)
    XCTAssertEqual(m.cols, expected.first?.count ?? 0, "cols", file: file, line: line)
    guard m.rows == expected.count, m.cols == (expected.first?.count ?? 0) else { return }
    for i in 0..<m.rows {
      for j in 0..<m.cols {
        let scale = max(1, abs(expected[i][j]))
        XCTAssertEqual(m[i, j], expected[i][j], accuracy: tolerance * scale, "(\(i), \(j))", file: file, line: line)
      }
    }
  }

  private func assertClose(
    _ v: [Double], _ expected: [Double], tolerance: Double = 1e-12,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertEqual(v.count, expected.count, "count", file: file, line: line)
    for (a, b) in zip(v, expected) {
      XCTAssertEqual(a, b, accuracy: tolerance * max(1, abs(b)), file: file, line: line)
    }
  }

  /// The error `body` throws, or nil when it returns.
  private func thrown<T>(_ body: () throws(HoneError) -> T) -> HoneError? {
    do {
      _ = try body()
      return nil
    } catch {
      return error
    }
  }

  private func assertInvalidArgument<T>(
    _ body: () throws(HoneError) -> T, file: StaticString = #filePath, line: UInt = #line
  ) {
    guard case .invalidArgument? = thrown(body) else {
      return XCTFail("expected invalidArgument, got \(String(describing: thrown(body)))", file: file, line: line)
    }
  }

  private let spd: [[Double]] = [[4, 12, -16], [12, 37, -43], [-16, -43, 98]]
  /// exp(-(x-y)²/2) on x = 0, 0.3, 0.7, 1.2, 2.0, 2.1 plus 1e-3 on the diagonal.
  private let rbf: [[Double]] = [
    [1.001, 0.9559974818331, 0.7827045382418681, 0.4867522559599717, 0.1353352832366127, 0.11025052530448522],
    [0.9559974818331, 1.001, 0.9231163463866358, 0.6669768108584745, 0.23574607655586358, 0.19789869908361465],
    [0.7827045382418681, 0.9231163463866358, 1.001, 0.8824969025845955, 0.4295573582107391, 0.37531109885139946],
    [0.4867522559599717, 0.6669768108584745, 0.8824969025845955, 1.001, 0.7261490370736908, 0.6669768108584743],
    [0.1353352832366127, 0.23574607655586358, 0.4295573582107391, 0.7261490370736908, 1.001, 0.9950124791926823],
    [0.11025052530448522, 0.19789869908361465, 0.37531109885139946, 0.6669768108584743, 0.9950124791926823, 1.001],
  ]

  // MARK: - Matrix

  func testMatrixLayoutIsColumnMajor() throws {
    let m = try Matrix(rows: 2, cols: 3, columnMajor: [1, 4, 2, 5, 3, 6])
    XCTAssertEqual(m, matrix([[1, 2, 3], [4, 5, 6]]))
    XCTAssertEqual(m[1, 2], 6)
    XCTAssertEqual(m.transposed(), matrix([[1, 4], [2, 5], [3, 6]]))
    XCTAssertEqual(Matrix.identity(2).storage, [1, 0, 0, 1])
    XCTAssertEqual(Matrix<Double>(rows: -1, cols: 3).storage.count, 0)
    var n = m
    n.withUnsafeMutableBufferPointer { $0[1] = -4 }
    XCTAssertEqual(n[1, 0], -4)
    XCTAssertEqual(n.withUnsafeBufferPointer { $0.reduce(0, +) }, 13)
  }

  func testMatrixInitRejectsBadShapes() {
    assertInvalidArgument { () throws(HoneError) in try Matrix(rows: 2, cols: 2, columnMajor: [1, 2, 3]) }
    assertInvalidArgument { () throws(HoneError) in try Matrix(rows: -1, cols: -1, columnMajor: [1]) }
    assertInvalidArgument { () throws(HoneError) in try Matrix(rowMajor: [[1, 2], [3]]) }
    assertInvalidArgument { () throws(HoneError) in try Matrix<Float>(rows: 1, cols: 2, columnMajor: [1]) }
  }

  // MARK: - BLAS

  func testGemmPlain() throws {
    let a = matrix([[1, 2, 3], [4, 5, 6]])
    let b = matrix([[7, 8], [9, 10], [11, 12]])
    assertClose(try Matrix.product(a, b), [[58, 64], [139, 154]])
    assertClose(try Matrix.product(a, a, transB: .transposed), [[14, 32], [32, 77]])
  }

  func testGemmBothTransposedWithAlphaBetaIntoExistingBuffer() throws {
    let p = matrix([[1, -2], [0.5, 3], [2, 1]])
    let q = matrix([[2, 0, -1], [1, 4, 0.5]])
    var c = matrix([[1, 2], [3, 4]])
    try Matrix.gemm(p, q, into: &c, transA: .transposed, transB: .transposed, alpha: 2, beta: 0.5)
    assertClose(c, [[0.5, 9], [-8.5, 23]])
  }

  func testGemmBetaZeroIgnoresGarbageAndEmptyInnerDimensionScales() throws {
    let a = matrix([[1, 2, 3], [4, 5, 6]])
    let b = matrix([[7, 8], [9, 10], [11, 12]])
    var c = Matrix<Double>(rows: 2, cols: 2, repeating: .nan)
    try Matrix.gemm(a, b, into: &c)
    assertClose(c, [[58, 64], [139, 154]])
    var d = matrix([[1, 2], [3, 4]])
    try Matrix.gemm(Matrix(rows: 2, cols: 0), Matrix(rows: 0, cols: 2), into: &d, beta: 3)
    assertClose(d, [[3, 6], [9, 12]])
  }

  func testGemmShapeMismatchThrows() {
    let a = matrix([[1, 2, 3], [4, 5, 6]])
    var c = Matrix<Double>(rows: 2, cols: 2)
    assertInvalidArgument { () throws(HoneError) in try Matrix.gemm(a, a, into: &c) }
    var wrong = Matrix<Double>(rows: 3, cols: 2)
    assertInvalidArgument { () throws(HoneError) in
      try Matrix.gemm(a, a, into: &wrong, transB: .transposed)
    }
    XCTAssertEqual(c, Matrix(rows: 2, cols: 2))
  }

  func testGemv() throws {
    let a = matrix([[1, 2, 3], [4, 5, 6]])
    assertClose(try Matrix.product(a, [1, -1, 2]), [5, 11])
    assertClose(try Matrix.product(a, [2, -3], trans: .transposed), [-10, -11, -12])
    var y = [0.5, -0.25]
    try Matrix.gemv(a, [1, -1, 2], into: &y, alpha: 3, beta: -2)
    assertClose(y, [14, 33.5])
    assertInvalidArgument { () throws(HoneError) in try Matrix.product(a, [1, 2]) }
    var short = [0.0]
    assertInvalidArgument { () throws(HoneError) in try Matrix.gemv(a, [1, 2, 3], into: &short) }
  }

  func testSyrk() throws {
    let a = matrix([[1, 2, 3], [4, 5, 6]])
    var c = Matrix<Double>(rows: 2, cols: 2)
    try Matrix.syrk(a, into: &c)
    assertClose(c, [[14, 32], [32, 77]])
    var g = Matrix<Double>(rows: 3, cols: 3, repeating: 99)
    try Matrix.syrk(a, into: &g, trans: .transposed, triangle: .upper)
    assertClose(g, [[17, 22, 27], [22, 29, 36], [27, 36, 45]])
    let s = matrix([[1, 2], [3, 4], [5, 6]])
    var h = Matrix<Double>.identity(2)
    try Matrix.syrk(s, into: &h, trans: .transposed, alpha: 2, beta: -1)
    assertClose(h, [[69, 88], [88, 111]])
    var lowerOnly = Matrix<Double>(rows: 2, cols: 2, repeating: 7)
    try Matrix.syrk(a, into: &lowerOnly, symmetrize: false)
    assertClose(lowerOnly, [[14, 7], [32, 77]])
    assertInvalidArgument { () throws(HoneError) in try Matrix.syrk(a, into: &g) }
  }

  func testTrsm() throws {
    let l = matrix([[2, 0, 0], [6, 1, 0], [-8, 5, 3]])
    let b = matrix([[1, 2], [2, -1], [3, 0.5]])
    var x = b
    try Matrix.trsm(l, &x)
    assertClose(x, [[0.5, 1], [-1, -7], [4, 14.5]])
    var y = b
    try Matrix.trsm(l, &y, trans: .transposed)
    assertClose(y, [[13.5, 7.166666666666666], [-3, -1.8333333333333333], [1, 0.16666666666666666]])
    var z = matrix([[1, 2, 3], [-1, 0, 4]])
    try Matrix.trsm(l, &z, side: .right)
    assertClose(z, [[13.5, -3, 1], [24.833333333333325, -6.666666666666664, 1.3333333333333333]])
    var wrong = Matrix<Double>(rows: 2, cols: 2)
    assertInvalidArgument { () throws(HoneError) in try Matrix.trsm(l, &wrong) }
    assertInvalidArgument { () throws(HoneError) in try Matrix.trsm(Matrix(rows: 3, cols: 2), &x) }
  }

  // MARK: - LAPACK

  func testPotrfPotrsPotri() throws {
    var l = matrix(spd)
    l[0, 2] = .nan  // the strict upper triangle is never read
    try Matrix.potrf(&l)
    assertClose(l, [[2, 0, 0], [6, 1, 0], [-8, 5, 3]])

    var b = matrix([[1, 2], [2, -1], [3, 0.5]])
    try Matrix.potrs(factor: l, &b)
    assertClose(
      b,
      [
        [28.583333333333385, 113.33333333333351],
        [-7.66666666666668, -31.166666666666718],
        [1.3333333333333355, 4.833333333333341],
      ], tolerance: 1e-10)

    var inv = l
    try Matrix.potri(&inv)
    assertClose(
      inv,
      [
        [49.361111111111185, -13.555555555555573, 2.111111111111115],
        [-13.555555555555575, 3.7777777777777826, -0.5555555555555567],
        [2.1111111111111143, -0.5555555555555564, 0.1111111111111113],
      ], tolerance: 1e-10)
  }

  func testPotrfFailureAndShapeErrors() {
    var indefinite = matrix([[1, 2], [2, 1]])
    guard case .numeric(let message)? = thrown({ () throws(HoneError) in try Matrix.potrf(&indefinite) }) else {
      return XCTFail("expected numeric")
    }
    XCTAssertTrue(message.contains("order 2"), message)
    var rect = Matrix<Double>(rows: 2, cols: 3)
    assertInvalidArgument { () throws(HoneError) in try Matrix.potrf(&rect) }
    assertInvalidArgument { () throws(HoneError) in try Matrix.potri(&rect) }
    var b = Matrix<Double>(rows: 3, cols: 1)
    assertInvalidArgument { () throws(HoneError) in try Matrix.potrs(factor: Matrix<Double>.identity(2), &b) }
  }

  // MARK: - Cholesky

  func testCholeskyValues() throws {
    let chol = try Cholesky(matrix(spd))
    XCTAssertEqual(chol.jitter, 0)
    XCTAssertEqual(chol.size, 3)
    assertClose(chol.factor, [[2, 0, 0], [6, 1, 0], [-8, 5, 3]])
    XCTAssertEqual(chol.logDeterminant, 3.583518938456108, accuracy: 1e-12)
    assertClose(try chol.solve([1, 2, 3]), [28.583333333333385, -7.66666666666668, 1.3333333333333355], tolerance: 1e-10)
    assertClose(try chol.solveLower([1, 2, 3]), [0.5, -1, 4])
    assertClose(try chol.solveLower([1, 2, 3], transposed: true), [13.5, -3, 1])
    assertClose(
      try chol.inverse(),
      [
        [49.361111111111185, -13.555555555555573, 2.111111111111115],
        [-13.555555555555575, 3.7777777777777826, -0.5555555555555567],
        [2.1111111111111143, -0.5555555555555564, 0.1111111111111113],
      ], tolerance: 1e-10)
    assertInvalidArgument { () throws(HoneError) in try chol.solve([1, 2]) }
    assertInvalidArgument { () throws(HoneError) in try chol.solveLower(Matrix(rows: 2, cols: 1)) }
    assertInvalidArgument { () throws(HoneError) in try Cholesky(Matrix(rows: 2, cols: 3)) }
  }

  func testJitterEscalatesOnSingularMatrix() throws {
    // Rank one: the plain factorization fails, 1e-10 · mean(diag) = 1e-10 is enough.
    let ones = matrix([[1, 1], [1, 1]])
    let chol = try Cholesky(ones)
    XCTAssertEqual(chol.jitter, 1e-10)
    let llt = try Matrix.product(chol.factor, chol.factor, transB: .transposed)
    assertClose(llt, [[1 + 1e-10, 1], [1, 1 + 1e-10]], tolerance: 1e-14)

    // Smallest eigenvalue ≈ -5e-7: the schedule must climb to 1e-6 · mean(diag).
    let nearly = matrix([[1, 1], [1, 1 - 1e-6]])
    let climbed = try Cholesky(nearly)
    XCTAssertEqual(climbed.jitter, 1e-6 * (1 - 5e-7), accuracy: 1e-18)

    guard case .numeric? = thrown({ () throws(HoneError) in try Cholesky(ones, schedule: .none) }) else {
      return XCTFail("expected numeric without jitter")
    }
  }

  func testCholeskyThrowsNumericWhenJitterCannotHelp() {
    guard case .numeric(let message)? = thrown({ () throws(HoneError) in try Cholesky(self.matrix([[-1, 0], [0, -1]])) })
    else { return XCTFail("expected numeric") }
    XCTAssertTrue(message.contains("2×2"), message)
    XCTAssertTrue(message.contains("jitter 0.01"), message)

    guard case .numeric? = thrown({ () throws(HoneError) in try Cholesky(self.matrix([[1, 2], [2, 1]])) }) else {
      return XCTFail("expected numeric for an indefinite matrix")
    }
    guard case .numeric(let nanMessage)? = thrown({ () throws(HoneError) in try Cholesky(self.matrix([[1, 0], [.nan, 1]])) })
    else { return XCTFail("expected numeric for NaN") }
    XCTAssertTrue(nanMessage.contains("(1, 0)"), nanMessage)
  }

  func testRankAppendEqualsFreshFactorization() throws {
    let full = matrix(rbf)
    let fresh = try Cholesky(full)
    XCTAssertEqual(fresh.logDeterminant, -16.106660559865492, accuracy: 1e-9)

    var grown = try Cholesky(matrix(rbf[0..<3].map { Array($0[0..<3]) }))
    // Two points at once: B = K[0..<3, 3..<5], C = K[3..<5, 3..<5].
    let cross = matrix(rbf[0..<3].map { Array($0[3..<5]) })
    let block = matrix(rbf[3..<5].map { Array($0[3..<5]) })
    try grown.append(cross: cross, block: block)
    XCTAssertEqual(grown.size, 5)
    // Then one point through the vector form.
    try grown.append(cross: Array(rbf[5][0..<5]), variance: rbf[5][5])

    XCTAssertEqual(grown.size, 6)
    XCTAssertEqual(grown.jitter, 0)
    for j in 0..<6 {
      for i in 0..<6 {
        XCTAssertEqual(grown.factor[i, j], fresh.factor[i, j], accuracy: 1e-12, "(\(i), \(j))")
      }
    }
    XCTAssertEqual(grown.logDeterminant, fresh.logDeterminant, accuracy: 1e-10)
  }

  func testRankAppendMatchesFreshFactorizationOnBlockedSizes() throws {
    // Big enough for LAPACK's blocked code paths: K = GGᵀ/m + I with G from a fixed LCG.
    let (n, m, extra) = (150, 40, 30)
    var state: UInt64 = 12345
    var values: [Double] = []
    for _ in 0..<((n + extra) * m) {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      values.append(Double(state >> 11) / Double(1 << 53) - 0.5)
    }
    let g = try Matrix(rows: n + extra, cols: m, columnMajor: values)
    var k = Matrix<Double>(rows: n + extra, cols: n + extra)
    try Matrix.syrk(g, into: &k, alpha: 1 / Double(m))
    for i in 0..<(n + extra) { k[i, i] += 1 }

    let fresh = try Cholesky(k)
    var head = Matrix<Double>(rows: n, cols: n)
    var cross = Matrix<Double>(rows: n, cols: extra)
    var block = Matrix<Double>(rows: extra, cols: extra)
    for j in 0..<(n + extra) {
      for i in 0..<(n + extra) {
        switch (i < n, j < n) {
        case (true, true): head[i, j] = k[i, j]
        case (true, false): cross[i, j - n] = k[i, j]
        case (false, false): block[i - n, j - n] = k[i, j]
        case (false, true): break
        }
      }
    }
    var grown = try Cholesky(head)
    try grown.append(cross: cross, block: block)
    var worst = 0.0
    for (a, b) in zip(grown.factor.storage, fresh.factor.storage) { worst = max(worst, abs(a - b)) }
    XCTAssertLessThan(worst, 1e-12)
    XCTAssertEqual(grown.logDeterminant, fresh.logDeterminant, accuracy: 1e-9)

    // The solve must reproduce b = K·x.
    let x = (0..<(n + extra)).map { Double($0 % 7) - 3 }
    let b = try Matrix.product(k, x)
    let solved = try grown.solve(b)
    for (a, e) in zip(solved, x) { XCTAssertEqual(a, e, accuracy: 1e-9) }
  }

  func testRankAppendFallsBackToJitteredRefactor() throws {
    var chol = try Cholesky(matrix([[1]]))
    try chol.append(cross: [1], variance: 1)  // [[1, 1], [1, 1]] is singular
    let fresh = try Cholesky(matrix([[1, 1], [1, 1]]))
    XCTAssertEqual(chol.jitter, fresh.jitter)
    XCTAssertGreaterThan(chol.jitter, 0)
    for (a, b) in zip(chol.factor.storage, fresh.factor.storage) { XCTAssertEqual(a, b, accuracy: 1e-12) }
  }

  func testRankAppendErrorsLeaveFactorUnchanged() throws {
    var chol = try Cholesky(matrix(spd))
    let before = chol
    assertInvalidArgument { () throws(HoneError) in try chol.append(cross: [1, 2], variance: 1) }
    assertInvalidArgument { () throws(HoneError) in
      try chol.append(cross: Matrix(rows: 3, cols: 2), block: Matrix(rows: 1, cols: 1))
    }
    guard case .numeric? = thrown({ () throws(HoneError) in try chol.append(cross: [1, .infinity, 0], variance: 1) }) else {
      return XCTFail("expected numeric for a non-finite entry")
    }
    guard case .numeric? = thrown({ () throws(HoneError) in try chol.append(cross: [0, 0, 0], variance: -5) }) else {
      return XCTFail("expected numeric for a negative variance")
    }
    XCTAssertEqual(chol, before)
  }

  // MARK: - Single precision

  func testSgemmOnFloatMatrix() throws {
    let a = try Matrix<Float>(rows: 2, cols: 3, columnMajor: [1, 4, 2, 5, 3, 6])
    let b = try Matrix<Float>(rows: 3, cols: 2, columnMajor: [7, 9, 11, 8, 10, 12])
    var c = Matrix<Float>(rows: 2, cols: 2)
    try Matrix.gemm(a, b, into: &c)
    XCTAssertEqual(c.storage, [58, 139, 64, 154])
    var d = Matrix<Float>(rows: 3, cols: 3)
    try Matrix.gemm(a, a, into: &d, transA: .transposed, alpha: 0.5)
    XCTAssertEqual(d.storage, [8.5, 11, 13.5, 11, 14.5, 18, 13.5, 18, 22.5])
    assertInvalidArgument { () throws(HoneError) in try Matrix.gemm(a, a, into: &c) }
  }

  func testRawSgemmRespectsLeadingDimensions() throws {
    // A is the top 2×3 block of a 4×3 buffer (lda 4); the padding rows must be ignored.
    let a: [Float] = [1, 4, -99, -99, 2, 5, -99, -99, 3, 6, -99, -99]
    let b: [Float] = [7, 9, 11, 8, 10, 12]
    // C is the top 2×2 block of a 3×2 buffer (ldc 3); its padding must survive.
    var c: [Float] = [1, 1, 42, 1, 1, 42]
    try a.withUnsafeBufferPointer { (pa) throws(HoneError) in
      try b.withUnsafeBufferPointer { (pb) throws(HoneError) in
        try c.withUnsafeMutableBufferPointer { (pc) throws(HoneError) in
          try BLAS.gemm(
            transA: .normal, transB: .normal, m: 2, n: 2, k: 3, alpha: 1,
            a: pa.baseAddress!, lda: 4, b: pb.baseAddress!, ldb: 3, beta: 2, c: pc.baseAddress!, ldc: 3)
        }
      }
    }
    XCTAssertEqual(c, [60, 141, 42, 66, 156, 42])

    var out: [Float] = [0, 0, 0, 0]
    let error = a.withUnsafeBufferPointer { pa in
      out.withUnsafeMutableBufferPointer { po in
        thrown { () throws(HoneError) in
          try BLAS.gemm(
            transA: .normal, transB: .normal, m: 2, n: 2, k: 3, alpha: 1,
            a: pa.baseAddress!, lda: 1, b: pa.baseAddress!, ldb: 3, beta: 0, c: po.baseAddress!, ldc: 2)
        }
      }
    }
    guard case .invalidArgument(let message)? = error else { return XCTFail("expected invalidArgument") }
    XCTAssertTrue(message.contains("lda"), message)
    XCTAssertEqual(out, [0, 0, 0, 0])
  }

  func testRawDgemmTransposed() throws {
    // C = Aᵀ·B with A 3×2 stored at lda 3 and B 3×1.
    let a: [Double] = [1, 0.5, 2, -2, 3, 1]
    let b: [Double] = [1, 2, 3]
    var c: [Double] = [0, 0]
    try a.withUnsafeBufferPointer { (pa) throws(HoneError) in
      try b.withUnsafeBufferPointer { (pb) throws(HoneError) in
        try c.withUnsafeMutableBufferPointer { (pc) throws(HoneError) in
          try BLAS.gemm(
            transA: .transposed, transB: .normal, m: 2, n: 1, k: 3, alpha: 1,
            a: pa.baseAddress!, lda: 3, b: pb.baseAddress!, ldb: 3, beta: 0, c: pc.baseAddress!, ldc: 2)
        }
      }
    }
    XCTAssertEqual(c, [8, 7])
  }

  // MARK: - Threads

  func testBLASThreads() {
    let original = BLASThreads.current
    defer { BLASThreads.set(original) }
    BLASThreads.set(1)
    XCTAssertEqual(BLASThreads.current, 1)
    BLASThreads.set(0)
    XCTAssertEqual(BLASThreads.current, 1)
    XCTAssertGreaterThanOrEqual(original, 1)
  }
}
