internal import HonePlatform

/// Wall-clock time, in seconds since the Unix epoch, without Foundation.
public enum WallClock {
  /// The current time.
  public static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
  }

  /// The time as ISO 8601 in UTC with microseconds, e.g. `2026-11-23T10:04:05.123456Z`.
  public static func iso8601(_ seconds: Double) -> String {
    var whole = time_t(seconds.rounded(.down))
    let micros = Int(((seconds - Double(whole)) * 1e6).rounded(.down))
    var parts = tm()
    gmtime_r(&whole, &parts)
    func pad(_ v: Int32, _ width: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
      + "T\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))"
      + ".\(pad(Int32(micros), 6))Z"
  }
}
