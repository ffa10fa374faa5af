import Glibc

/// Elementary functions on `Double` without Foundation.
extension Double {
  @inline(__always) var logValue: Double { Glibc.log(self) }
  @inline(__always) var expValue: Double { Glibc.exp(self) }
}
