/// One enumerator of a C enum.
struct CEnumCase: Equatable {
  /// The enumerator, copied verbatim from the Swift case.
  var name: String
  /// The value as written in C.
  var value: String
  /// The `///` lines of the Swift case.
  var doc: [DocLine]
}

/// One field of a C struct.
struct CField: Equatable {
  /// The field name, copied verbatim from the Swift field.
  var name: String
  /// The type.
  var type: CType
  /// The `///` lines of the Swift field.
  var doc: [DocLine]
}

/// One item of the header body, with every type already in C terms.
enum HeaderItem: Equatable {
  /// A section comment from a detached `///` block.
  case section(doc: [DocLine])
  /// `typedef struct name name;` for a `typealias name = OpaquePointer`.
  case handle(name: String, doc: [DocLine])
  /// `typedef enum name { ... } name;`.
  case enumeration(name: String, cases: [CEnumCase], doc: [DocLine])
  /// `typedef struct name { fields } name;` for a `public struct hone_name` of stored fields.
  case structure(name: String, fields: [CField], doc: [DocLine])
  /// `typedef type name;` for a type alias of a mappable type.
  case alias(name: String, type: CType, doc: [DocLine])
  /// `typedef result (*name)(parameters);` for a `@convention(c)` function type alias.
  case callback(name: String, result: CType, parameters: [CParameter], doc: [DocLine])
  /// A function prototype.
  case function(name: String, result: CType, parameters: [CParameter], doc: [DocLine])
}

/// A header item with what it declares and which declared types it needs first.
struct ResolvedItem: Equatable {
  /// The item.
  var item: HeaderItem
  /// The C type name the item declares, if it declares a type.
  var declaredType: String?
  /// Declared C type names the item refers to, in order of first use.
  var uses: [String]

  /// `items` in their order, except that a type an item uses before the type's own
  /// place (it lives in a file that sorts later) is moved up to just before that use.
  static func inDependencyOrder(_ items: [ResolvedItem]) -> [ResolvedItem] {
    var declaring: [String: Int] = [:]
    for (index, item) in items.enumerated() {
      if let type = item.declaredType {
        declaring[type] = index
      }
    }
    var done: Set<Int> = []
    var ordered: [ResolvedItem] = []
    func place(_ index: Int) {
      guard done.insert(index).inserted else { return }
      for type in items[index].uses {
        if let dependency = declaring[type] {
          place(dependency)
        }
      }
      ordered.append(items[index])
    }
    for index in items.indices {
      place(index)
    }
    return ordered
  }
}

/// The library version parsed from `Version.swift`.
public struct LibraryVersion: Equatable, Sendable {
  /// The major version.
  public var major: Int
  /// The minor version, below 1000.
  public var minor: Int
  /// The patch version, below 1000.
  public var patch: Int

  /// Creates a version.
  public init(major: Int, minor: Int, patch: Int) {
    self.major = major
    self.minor = minor
    self.patch = patch
  }

  /// `"MAJOR.MINOR.PATCH"`.
  public var string: String { "\(major).\(minor).\(patch)" }

  /// `MAJOR * 1000000 + MINOR * 1000 + PATCH`, the form that `#if` can compare.
  public var number: Int { major * 1_000_000 + minor * 1000 + patch }
}
