/// An error raised by the Hone core.
///
/// Each case corresponds to one status code of the C ABI; the message is meant
/// for a person and names the argument or state at fault.
public enum HoneError: Error, Equatable, CustomStringConvertible {
  /// A caller passed a value that can never be valid (bad bounds, bad JSON, unknown key).
  case invalidArgument(String)
  /// A trial, study or parameter that does not exist was named.
  case notFound(String)
  /// The operation is not allowed in the current state (a second tell, a suggest after tell).
  case state(String)
  /// A finite sampler (the grid) has no unvisited point left.
  case exhausted(String)
  /// A numerical routine failed (a Cholesky factorization that never succeeded, a NaN).
  case numeric(String)
  /// A storage backend failed.
  case storage(String)
  /// Memory could not be allocated.
  case outOfMemory(String)
  /// A bug in Hone itself.
  case `internal`(String)

  /// The message without its category.
  public var message: String {
    switch self {
    case .invalidArgument(let m), .notFound(let m), .state(let m), .exhausted(let m),
      .numeric(let m), .storage(let m), .outOfMemory(let m), .internal(let m):
      return m
    }
  }

  public var description: String { message }
}
