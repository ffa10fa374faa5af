extension Matrix {
  /// This matrix with the rows of `other`, which has as many columns, below it.
  func appendingRows(of other: Matrix) -> Matrix {
    let (top, bottom) = (rows, other.rows)
    let total = top + bottom
    var result = Matrix(rows: total, cols: cols)
    for j in 0..<cols {
      for i in 0..<top { result.storage[j * total + i] = storage[j * top + i] }
      for i in 0..<bottom { result.storage[j * total + top + i] = other.storage[j * bottom + i] }
    }
    return result
  }

  /// The listed rows, in order, as a new matrix.
  func selectingRows(_ indices: [Int]) -> Matrix {
    var result = Matrix(rows: indices.count, cols: cols)
    for j in 0..<cols {
      for (r, i) in indices.enumerated() { result.storage[j * indices.count + r] = storage[j * rows + i] }
    }
    return result
  }
}
