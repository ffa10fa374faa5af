import Hone

/// The message of `body`'s invalid-argument error: nil when it succeeds, a note when it throws another error.
func invalidArgumentMessage(_ body: () throws -> Any) -> String? {
  do {
    _ = try body()
    return nil
  } catch HoneError.invalidArgument(let m) {
    return m
  } catch {
    return "not an invalid argument: \(error)"
  }
}
