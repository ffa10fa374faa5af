internal import HonePlatform

/// A fresh directory under /tmp for one test, removed with every file in it.
struct TemporaryDirectory {
  let path: String

  init(_ prefix: String) throws {
    var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
    guard let p = mkdtemp(&template) else { throw TemporaryDirectoryError.creationFailed(prefix) }
    path = String(cString: p)
  }

  /// Removes the files the directory holds (tests create no subdirectories), then the directory.
  func remove() {
    if let dir = opendir(path) {
      while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          raw.bindMemory(to: CChar.self).baseAddress.map { String(cString: $0) } ?? ""
        }
        if !name.isEmpty, name != ".", name != ".." { unlink("\(path)/\(name)") }
      }
      closedir(dir)
    }
    rmdir(path)
  }
}

enum TemporaryDirectoryError: Error {
  case creationFailed(String)
}
