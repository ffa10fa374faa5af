/// The number of threads OpenBLAS uses inside each call.
///
/// Without a loadable OpenBLAS, `set` does nothing and `current` is 1; the
/// BLAS routine that would have used the threads throws the load error itself.
public enum BLASThreads {
  /// Sets the OpenBLAS thread count for later calls; values below 1 mean 1.
  public static func set(_ n: Int) {
    guard let cblas = try? BLASLibrary.cblas() else { return }
    cblas.setNumThreads(Int32(clamping: max(1, n)))
  }

  /// The OpenBLAS thread count now in force.
  public static var current: Int {
    guard let cblas = try? BLASLibrary.cblas() else { return 1 }
    return Int(cblas.getNumThreads())
  }
}
