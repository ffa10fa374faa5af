internal import HonePlatform
import Testing

@testable import Hone

/// `memory://NAME`: one in-memory storage per name, shared by every holder in the
/// process and gone with the last of them; and the SQLite URL's `timeout`.
struct StorageSharedMemoryTests {
  /// A name no other test uses: the registry is process-wide.
  private func unique(_ what: String) -> String { "memory://\(what)-\(UInt64.random(in: 0...UInt64.max))" }

  @Test func twoStudiesThroughOneNameSeeTheSameTrials() throws {
    let url = unique("same")
    let first = try Study(optionsJSON: #"{"name": "a", "storage": "\#(url)", "sampler": {"type": "random"}}"#)
    let number = try first.ask()
    _ = try first.tell(trial: number, values: [1.5])
    let second = try Study.load(name: "a", storageURL: url, optionsJSON: nil)
    #expect(second.storage === first.storage)
    #expect(try second.trialCount() == 1)
    #expect(try second.trials.first?.values == [1.5])
    let other = try second.ask()
    _ = try second.tell(trial: other, values: [0.5])
    #expect(try first.trialCount() == 2)
    let storage = try #require(try StorageURL(parsing: url).openExisting())
    #expect(try Study.summaries(storage: storage).map(\.name) == ["a"])
  }

  @Test func theStorageDiesWithItsLastHolder() throws {
    let url = unique("dies")
    let name = String(url.dropFirst("memory://".count))
    weak var seen: InMemoryStorage?
    do {
      let holder = InMemoryStorage.shared(named: name)
      seen = holder
      let study = try Study(optionsJSON: #"{"name": "s", "storage": "\#(url)"}"#)
      #expect(study.storage === holder)
      #expect(InMemoryStorage.existingShared(named: name) === holder)
    }
    #expect(seen == nil, "no holder is left, so the storage is freed")
    #expect(InMemoryStorage.existingShared(named: name) == nil)
    // A read-only call sees an empty storage and registers none.
    let empty = try #require(try StorageURL(parsing: url).openExisting())
    #expect(try Study.summaries(storage: empty).isEmpty)
    #expect(InMemoryStorage.existingShared(named: name) == nil)
    #expect(throws: HoneError.self) { try Study.load(name: "s", storageURL: url, optionsJSON: nil) }
    // Opening the name again starts from nothing.
    let again = try Study(optionsJSON: #"{"name": "s", "storage": "\#(url)"}"#)
    #expect(try again.trialCount() == 0)
  }

  @Test func distinctNamesAreDistinctStorages() throws {
    let x = unique("x")
    let y = unique("y")
    let a = try Study(optionsJSON: #"{"name": "s", "storage": "\#(x)"}"#)
    let b = try Study(optionsJSON: #"{"name": "s", "storage": "\#(y)"}"#)
    #expect(a.storage !== b.storage)
    _ = try a.tell(trial: try a.ask(), values: [1])
    #expect(try b.trialCount() == 0)
    // "memory" alone stays a new private storage each time.
    let p = try StorageURL(parsing: "memory").open()
    let q = try StorageURL(parsing: "memory").open()
    #expect(p !== q)
  }

  @Test func concurrentOpensOfOneNameShareOneStorage() throws {
    let url = unique("threads")
    let parsed = try StorageURL(parsing: url)
    let count = 16
    let ids = Lock()
    nonisolated(unsafe) var seen: [ObjectIdentifier] = []
    nonisolated(unsafe) var failures = 0
    // The storages stay held until every thread has opened: all must be one.
    nonisolated(unsafe) var holders: [any Storage] = []
    DispatchQueueless.concurrentPerform(iterations: count) { i in
      do {
        let storage = try parsed.open()
        // Half the threads also churn a name nobody holds, racing creation with release.
        if i % 2 == 0 { _ = try StorageURL(parsing: "\(url)-churn").open() }
        ids.withLock {
          seen.append(ObjectIdentifier(storage))
          holders.append(storage)
        }
      } catch {
        ids.withLock { failures += 1 }
      }
    }
    #expect(failures == 0)
    #expect(seen.count == count)
    #expect(Set(seen).count == 1)
    _ = holders
  }

  @Test func urlsNameTheirStorage() throws {
    #expect(try StorageURL(parsing: "memory://abc") == .sharedMemory(name: "abc"))
    #expect(
      try StorageURL(parsing: "sqlite:///a.db?timeout=2.5") == .sqlite(path: "a.db", busyTimeoutMilliseconds: 2500))
    #expect(
      try StorageURL(parsing: "sqlite:////abs/a.db?timeout=0") == .sqlite(path: "/abs/a.db", busyTimeoutMilliseconds: 0))
    #expect(try StorageURL(parsing: "sqlite:///a.db") == .sqlite(path: "a.db"))
    for bad in [
      "memory://", "sqlite:///a.db?timeout=-1", "sqlite:///a.db?timeout=nan", "sqlite:///a.db?timeout=",
      "sqlite:///a.db?timeout=1e300", "sqlite:///a.db?mode=ro", "sqlite:///?timeout=1",
    ] {
      let error = #expect(throws: HoneError.self, "\(bad)") { try StorageURL(parsing: bad) }
      if let error, case .invalidArgument = error {} else { Issue.record("\(bad): \(String(describing: error))") }
    }
  }

  /// With `timeout=0` a write that finds the database locked fails at once; with the
  /// default it waits for the other writer, which lets go after a while.
  @Test func theSQLiteTimeoutReachesTheConnection() throws {
    let directory = try TemporaryDirectory("hone-shared-memory-test")
    defer { directory.remove() }
    let path = "\(directory.path)/t.db"
    _ = try Study(optionsJSON: #"{"name": "seed", "storage": "sqlite:///\#(path)"}"#)
    let locker = try SQLiteConnection.open(path: path)
    try locker.execute("BEGIN EXCLUSIVE")
    let error = #expect(throws: HoneError.self) {
      try Study(optionsJSON: #"{"name": "quick", "storage": "sqlite:///\#(path)?timeout=0"}"#)
    }
    if let error, case .storage = error {} else { Issue.record("\(String(describing: error))") }
    nonisolated(unsafe) let held = locker
    nonisolated(unsafe) var created: String?
    // One thread lets go of the lock after a while; the other writes meanwhile.
    DispatchQueueless.concurrentPerform(iterations: 2) { i in
      if i == 0 {
        usleep(300_000)
        _ = try? held.execute("COMMIT")
      } else {
        created = try? Study(optionsJSON: #"{"name": "patient", "storage": "sqlite:///\#(path)"}"#).name
      }
    }
    #expect(created == "patient")
  }
}
