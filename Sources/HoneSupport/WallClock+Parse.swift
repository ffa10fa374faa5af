/// Reading the ISO 8601 times that `WallClock.iso8601` writes.
extension WallClock {
  /// Seconds since the epoch of an ISO 8601 time in UTC or with an offset, e.g.
  /// `2026-11-23T10:04:05.123456Z` or `2026-11-23T11:04:05+01:00`; nil for
  /// anything else. Years 0001 to 9999, at most 6 fraction digits (microseconds).
  ///
  /// The fraction is read as the middle of its microsecond, so that `iso8601`,
  /// which truncates to the microsecond, writes the same text back.
  public static func parseISO8601(_ text: String) -> Double? {
    let b = Array(text.utf8)
    var i = 0
    func digits(_ n: Int) -> Int? {
      guard i + n <= b.count else { return nil }
      var v = 0
      for k in i..<(i + n) {
        let c = b[k]
        guard c >= 0x30, c <= 0x39 else { return nil }
        v = v * 10 + Int(c - 0x30)
      }
      i += n
      return v
    }
    func expect(_ c: UInt8) -> Bool {
      guard i < b.count, b[i] == c else { return false }
      i += 1
      return true
    }
    guard let year = digits(4), expect(0x2D), let month = digits(2), expect(0x2D), let day = digits(2),
      i < b.count, b[i] == 0x54 || b[i] == 0x20
    else { return nil }
    i += 1
    guard let hour = digits(2), expect(0x3A), let minute = digits(2), expect(0x3A), let second = digits(2)
    else { return nil }
    guard year >= 1, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
      hour < 24, minute < 60, second < 60
    else { return nil }
    var micros = 0
    if expect(0x2E) {
      var n = 0
      while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
        guard n < 6 else { return nil }
        micros = micros * 10 + Int(b[i] - 0x30)
        n += 1
        i += 1
      }
      guard n > 0 else { return nil }
      for _ in n..<6 { micros *= 10 }
    }
    var offset = 0
    if expect(0x5A) {
      offset = 0
    } else if i < b.count, b[i] == 0x2B || b[i] == 0x2D {
      let sign = b[i] == 0x2D ? -1 : 1
      i += 1
      guard let oh = digits(2), expect(0x3A), let om = digits(2), oh < 24, om < 60 else { return nil }
      offset = sign * (oh * 3600 + om * 60)
    } else {
      return nil
    }
    guard i == b.count else { return nil }
    // Every quantity is small (years below 10000): no overflow is possible.
    let days = daysFromCivil(year: year, month: month, day: day)
    let whole = days * 86_400 + hour * 3600 + minute * 60 + second - offset
    return Double(whole) + (Double(micros) + 0.5) * 1e-6
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's algorithm).
  private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }
}
