internal import COpenBLAS

/// The number of threads OpenBLAS uses inside each call.
public enum BLASThreads {
  /// Sets the OpenBLAS thread count for later calls; values below 1 mean 1.
  public static func set(_ n: Int) {
    openblas_set_num_threads(Int32(clamping: max(1, n)))
  }

  /// The OpenBLAS thread count now in force.
  public static var current: Int { Int(openblas_get_num_threads()) }
}
