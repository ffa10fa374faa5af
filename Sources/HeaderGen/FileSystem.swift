internal import HonePlatform

/// File access through the C library, so that the generator needs no Foundation.
public enum FileSystem {
  /// The contents of the file at `path`, decoded as UTF-8.
  public static func read(_ path: String) throws -> String {
    guard let file = fopen(path, "rb") else {
      throw HeaderGenFailure("cannot open \(path): \(lastError())")
    }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
      bytes += chunk[0..<count]
      if count < chunk.count { break }
    }
    guard ferror(file) == 0 else {
      throw HeaderGenFailure("cannot read \(path): \(lastError())")
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Replaces the contents of the file at `path` with `text`.
  public static func write(_ text: String, to path: String) throws {
    guard let file = fopen(path, "wb") else {
      throw HeaderGenFailure("cannot create \(path): \(lastError())")
    }
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    let closed = fclose(file)
    guard written == bytes.count && closed == 0 else {
      throw HeaderGenFailure("cannot write \(path): \(lastError())")
    }
  }

  /// Whether something exists at `path`.
  public static func exists(_ path: String) -> Bool {
    access(path, F_OK) == 0
  }

  /// Whether `path` is a directory.
  public static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// The paths of the `.swift` files under `directory`, subdirectories included, in byte order.
  ///
  /// Names starting with a dot are skipped.
  public static func swiftFiles(in directory: String) throws -> [String] {
    guard let stream = opendir(directory) else {
      throw HeaderGenFailure("cannot open directory \(directory): \(lastError())")
    }
    defer { closedir(stream) }
    var paths: [String] = []
    while let entry = readdir(stream) {
      let name = withUnsafePointer(to: &entry.pointee.d_name) { tuple in
        tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) {
          String(cString: $0)
        }
      }
      if name.hasPrefix(".") { continue }
      let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
      if isDirectory(path) {
        paths += try swiftFiles(in: path)
      } else if name.hasSuffix(".swift") {
        paths.append(path)
      }
    }
    return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// The message of the last failed C library call.
  private static func lastError() -> String {
    String(cString: strerror(errno))
  }
}
