internal import HonePlatform

/// Elementary functions on `Double` without Foundation.
extension Double {
  @inline(__always) package var logValue: Double { log(self) }
  @inline(__always) package var expValue: Double { exp(self) }
}
