/// The errors for damaged rows that trial reads do not decode: heartbeats and the
/// highest trial number, which writes use.
extension SQLStorage {
  /// Throws `.storage` for the first row of `rows` (trial_id, number, heartbeat)
  /// whose heartbeat is not a time.
  func checkHeartbeats(_ rows: [SQLRow], study: Int) throws(HoneError) {
    for row in rows {
      let time: Double
      switch row[2] {
      case .real(let t): time = t
      case .integer(let t): time = Double(t)
      default: time = .nan
      }
      if time >= 0, time < StoredTrialDecoder.endOfTime { continue }
      let trial: String
      if case .integer(let n) = row[1] { trial = "trial \(n)" } else { trial = "a trial numbered \(row[1].summary)" }
      throw damagedStudy(
        study, "\(trial) has column 'heartbeat' holding \(row[2].summary), not a time between 1970 and the year 10000")
    }
  }

  /// The error for a damaged row of `study`, which names the study when its name can be read.
  func damagedStudy(_ study: Int, _ problem: String) -> HoneError {
    var subject = "the study with id \(study)"
    let row = try? db.row("SELECT study_name FROM studies WHERE study_id = ?", [.integer(Int64(study))])
    if case .text(let name)? = row?.first { subject = "study '\(name)'" }
    return .storage("\(location): \(subject): \(problem)\(StoredTrialDecoder.unmodified)")
  }
}
