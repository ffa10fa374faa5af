/// The version of the Hone library.
///
/// The header generator copies these numbers into `HONE_VERSION_*` macros, so
/// the compile-time and run-time versions cannot drift apart.
public enum HoneVersion {
  public static let major = 0
  public static let minor = 3
  public static let patch = 0

  /// The version as `"MAJOR.MINOR.PATCH"`.
  public static var string: String { "\(major).\(minor).\(patch)" }
}
