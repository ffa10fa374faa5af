/// How a study notices workers that died in the middle of a trial, with Optuna's semantics.
///
/// While a trial runs, its worker records a heartbeat: at ask, then on each
/// suggest, report, prune check and attribute it sets, at most once per
/// `interval`, and whenever the host calls `Study.heartbeat(trial:)`. No thread
/// is started, so an objective that runs longer than the grace period without
/// calling into the study must call `heartbeat` itself. Every `ask` first marks
/// FAIL the RUNNING trials whose last heartbeat is older than `gracePeriod`.
public struct HeartbeatPolicy: Equatable, Sendable {
  /// Seconds between heartbeats of a running trial.
  public var interval: Double
  /// Seconds without a heartbeat after which a RUNNING trial is stale.
  public var gracePeriod: Double
  /// How many times a stale trial is retried, as a WAITING trial with the same
  /// parameters; nil for none. As Optuna's `RetryFailedTrialCallback`, the retry
  /// carries the system attributes `failed_trial` (the first failed number) and
  /// `retry_history` (every failed number so far).
  public var failedTrialRetries: Int?

  /// - Throws: `.invalidArgument` for a non-positive interval or grace period, or negative retries.
  public init(interval: Double, gracePeriod: Double? = nil, failedTrialRetries: Int? = nil) throws(HoneError) {
    guard interval.isFinite, interval > 0 else {
      throw .invalidArgument("heartbeat_interval must be a positive number of seconds, got \(interval)")
    }
    let grace = gracePeriod ?? 2 * interval
    guard grace.isFinite, grace > 0 else {
      throw .invalidArgument("grace_period must be a positive number of seconds, got \(grace)")
    }
    if let failedTrialRetries, failedTrialRetries < 0 {
      throw .invalidArgument("failed_trial_retries must be >= 0, got \(failedTrialRetries)")
    }
    self.interval = interval
    self.gracePeriod = grace
    self.failedTrialRetries = failedTrialRetries
  }
}
