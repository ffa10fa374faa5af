internal import HonePlatform
import HoneSupport

/// The study's lock: mutations exclude each other and readers; the thread that
/// holds it may read again.
///
/// A sampler or pruner runs while the study is inside `ask`, `suggest`, `tell` or
/// `shouldPrune`, with this lock held; a user-defined one (a C or Python host's
/// callbacks) reads the study's trials through its handle, on the same thread. A
/// plain mutex would deadlock there, so `read` on the owning thread runs at once,
/// while a mutation on the owning thread fails with `.state` rather than change
/// the study under the call that is deciding it. Other threads wait as usual.
final class StudyLock: @unchecked Sendable {
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>
  /// Guards `owner`; the owner is written only by the thread that holds `mutex`.
  private let ownerLock = Lock()
  private var owner: pthread_t?

  init() {
    mutex = .allocate(capacity: 1)
    mutex.initialize(to: pthread_mutex_t())
    pthread_mutex_init(mutex, nil)
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  /// Whether the calling thread holds the lock.
  var isHeldByCurrentThread: Bool {
    let me = pthread_self()
    return ownerLock.withLock { owner.map { pthread_equal($0, me) != 0 } ?? false }
  }

  /// Runs a mutation with the lock held.
  ///
  /// - Throws: `.state` when the calling thread is already inside a call on this
  ///   study, as a sampler or pruner callback is.
  func withLock<T>(_ body: () throws(HoneError) -> T) throws(HoneError) -> T {
    guard !isHeldByCurrentThread else {
      throw .state(
        "the study is inside a call on this thread (a sampler or pruner callback is running): "
          + "only reads are allowed until it returns")
    }
    pthread_mutex_lock(mutex)
    let me = pthread_self()
    ownerLock.withLock { owner = me }
    defer {
      ownerLock.withLock { owner = nil }
      pthread_mutex_unlock(mutex)
    }
    return try body()
  }

  /// Runs a read: with the lock held, or at once on the thread that already holds it.
  func withReadLock<T>(_ body: () throws(HoneError) -> T) throws(HoneError) -> T {
    if isHeldByCurrentThread { return try body() }
    return try withLock(body)
  }
}
