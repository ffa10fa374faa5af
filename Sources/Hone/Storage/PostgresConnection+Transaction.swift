internal import CLibPQ
internal import HonePlatform

/// The isolation level a transaction begins with.
public enum PGIsolationLevel: String, Sendable {
  case readCommitted = "READ COMMITTED"
  case repeatableRead = "REPEATABLE READ"
  case serializable = "SERIALIZABLE"
}

/// The statements of one transaction; valid only inside the body given to
/// `PostgresConnection.transaction`, which holds the connection meanwhile.
public final class PostgresTransaction {
  private let connection: PostgresConnection
  /// Cleared when the body returns, so that an escaped transaction cannot run
  /// statements without the connection's lock.
  fileprivate var isOpen = true
  /// The first statement failure: it decides the retry even when the body caught it.
  fileprivate var firstFailure: PostgresFailure?

  fileprivate init(_ connection: PostgresConnection) {
    self.connection = connection
  }

  /// Runs one statement of the transaction; see `PostgresConnection.execute`.
  public func execute(_ sql: String, params: [PGValue] = []) throws(HoneError) -> PGResult {
    guard isOpen else {
      throw .state("the transaction has ended: run its statements inside the transaction's body")
    }
    do throws(HoneError) {
      return try connection.run(sql, params)
    } catch {
      if firstFailure == nil { firstFailure = connection.lastFailure }
      throw error
    }
  }
}

extension PostgresConnection {
  /// Runs `body` in one transaction and commits it, running it again when
  /// PostgreSQL aborts it for a serialization failure (SQLSTATE 40001) or a
  /// deadlock (40P01).
  ///
  /// Each retry first waits about 1 ms, doubling per attempt up to 100 ms, with
  /// jitter; after `maxAttempts` the last failure is thrown. Any other error rolls the
  /// transaction back and is thrown as is. A connection lost before COMMIT is
  /// re-established once and the transaction run again, since the server rolled
  /// it back; one lost during COMMIT is an error that says the outcome is unknown.
  /// The body may run several times, so it must have no effects outside the
  /// transaction, and must not run `BEGIN`, `COMMIT` or `ROLLBACK` itself.
  public func transaction<T>(
    isolation: PGIsolationLevel = .serializable, maxAttempts: Int = 10,
    _ body: (PostgresTransaction) throws(HoneError) -> T
  ) throws(HoneError) -> T {
    guard maxAttempts >= 1 else {
      throw .invalidArgument("maxAttempts is \(maxAttempts); a transaction needs at least one attempt")
    }
    return try lock.withLock { () throws(HoneError) -> T in
      var attempt = 0
      var reconnected = false
      while true {
        attempt += 1
        let tx = PostgresTransaction(self)
        var committing = false
        do throws(HoneError) {
          defer { tx.isOpen = false }
          _ = try tx.execute("BEGIN ISOLATION LEVEL \(isolation.rawValue)")
          let value = try body(tx)
          if PQtransactionStatus(conn) == PQTRANS_INERROR {
            // The body caught a failed statement and went on; COMMIT would only roll back.
            throw HoneError.storage(
              tx.firstFailure?.message ?? "a statement of the transaction failed, so it was rolled back")
          }
          committing = true
          _ = try tx.execute("COMMIT")
          return value
        } catch {
          let failure = tx.firstFailure
          if failure?.connectionLost == true {
            if committing {
              try? reconnect()
              throw .storage(
                "lost the connection to PostgreSQL at \(displayURL) during COMMIT: the transaction "
                  + "may or may not have been committed")
            }
            guard !reconnected else { throw error }
            reconnected = true
            try reconnect()
            continue
          }
          PQclear(PQexec(conn, "ROLLBACK"))
          guard let failure, failure.isTransient else { throw error }
          guard attempt < maxAttempts else {
            throw .storage("gave up after \(attempt) attempts: \(failure.message)")
          }
          PostgresConnection.backoff(before: attempt + 1)
          continue
        }
      }
    }
  }

  /// Sleeps before attempt `attempt` (2 or more): up to 1 ms doubling to 100 ms,
  /// drawn from the upper half so that two losers rarely collide again.
  static func backoff(before attempt: Int) {
    let cap = min(100_000, 1_000 << min(attempt - 2, 10))
    usleep(UInt32(Int.random(in: cap / 2...cap)))
  }
}
