internal import HonePlatform

/// A non-recursive mutual-exclusion lock over `pthread_mutex_t`.
///
/// Typed throws pass through `withLock`, which `Synchronization.Mutex` makes awkward
/// for non-`Sendable` results.
public final class Lock: @unchecked Sendable {
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>

  public init() {
    mutex = .allocate(capacity: 1)
    mutex.initialize(to: pthread_mutex_t())
    pthread_mutex_init(mutex, nil)
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  /// Runs `body` while holding the lock.
  ///
  /// Inlinable, so that callers in other targets specialize it for their `T`; the
  /// pthread calls stay in `lock()` and `unlock()`, since the C library is an
  /// internal import.
  @inlinable
  public func withLock<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
    lock()
    defer { unlock() }
    return try body()
  }

  @usableFromInline func lock() { pthread_mutex_lock(mutex) }

  @usableFromInline func unlock() { pthread_mutex_unlock(mutex) }
}
