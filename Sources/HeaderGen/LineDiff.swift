/// A small line diff in unified format, for saying how a checked-in header is stale.
public enum LineDiff {
  /// One line of an edit script.
  private struct Edit {
    /// `" "`, `"-"` or `"+"`.
    var mark: Character
    var text: Substring
    /// 0-based line numbers of the line in the old and new text before this edit applies.
    var oldLine: Int
    var newLine: Int
  }

  /// The unified diff from `old` to `new`, or an empty string when they are equal.
  ///
  /// - Parameters:
  ///   - old: The text on disk.
  ///   - new: The text that should be there.
  ///   - oldLabel: The name shown on the `---` line.
  ///   - newLabel: The name shown on the `+++` line.
  ///   - context: Unchanged lines shown around each change.
  ///   - maxLines: Lines of hunks shown before the rest is summarized.
  public static func unified(
    old: String, new: String, oldLabel: String, newLabel: String, context: Int = 3, maxLines: Int = 200
  ) -> String {
    guard old != new else { return "" }
    let edits = script(
      Array(old.split(separator: "\n", omittingEmptySubsequences: false)),
      Array(new.split(separator: "\n", omittingEmptySubsequences: false)))
    var output = ["--- \(oldLabel)", "+++ \(newLabel)"]
    var shown = 0
    var index = 0
    while let start = edits[index...].firstIndex(where: { $0.mark != " " }) {
      var end = start
      var scan = start
      while scan < edits.count {
        if edits[scan].mark != " " {
          end = scan
        } else if scan - end > 2 * context {
          break
        }
        scan += 1
      }
      let low = max(0, start - context)
      let high = min(edits.count - 1, end + context)
      let hunk = edits[low...high]
      let oldCount = hunk.filter { $0.mark != "+" }.count
      let newCount = hunk.filter { $0.mark != "-" }.count
      output.append(
        "@@ -\(hunk.first!.oldLine + (oldCount > 0 ? 1 : 0)),\(oldCount) "
          + "+\(hunk.first!.newLine + (newCount > 0 ? 1 : 0)),\(newCount) @@")
      for edit in hunk {
        if shown == maxLines {
          output.append("... (diff cut short)")
          return output.joined(separator: "\n") + "\n"
        }
        output.append(String(edit.mark) + edit.text)
        shown += 1
      }
      index = high + 1
      if index >= edits.count { break }
    }
    return output.joined(separator: "\n") + "\n"
  }

  /// The edit script from `old` to `new`: common prefix and suffix, and a longest-common-subsequence middle.
  private static func script(_ old: [Substring], _ new: [Substring]) -> [Edit] {
    var prefix = 0
    while prefix < old.count && prefix < new.count && old[prefix] == new[prefix] {
      prefix += 1
    }
    var suffix = 0
    while suffix < old.count - prefix && suffix < new.count - prefix
      && old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
    {
      suffix += 1
    }
    let oldMiddle = Array(old[prefix..<old.count - suffix])
    let newMiddle = Array(new[prefix..<new.count - suffix])

    var edits: [Edit] = []
    for line in 0..<prefix {
      edits.append(Edit(mark: " ", text: old[line], oldLine: line, newLine: line))
    }
    var oldLine = prefix
    var newLine = prefix
    for (mark, text) in middle(oldMiddle, newMiddle) {
      edits.append(Edit(mark: mark, text: text, oldLine: oldLine, newLine: newLine))
      if mark != "+" { oldLine += 1 }
      if mark != "-" { newLine += 1 }
    }
    for offset in 0..<suffix {
      edits.append(
        Edit(mark: " ", text: old[old.count - suffix + offset], oldLine: oldLine + offset, newLine: newLine + offset))
    }
    return edits
  }

  /// The edits of the differing middle part; a plain replacement when it is too big for the table.
  private static func middle(_ old: [Substring], _ new: [Substring]) -> [(Character, Substring)] {
    guard old.count * new.count <= 4_000_000 else {
      return old.map { ("-", $0) } + new.map { ("+", $0) }
    }
    let columns = new.count + 1
    var table = [Int32](repeating: 0, count: (old.count + 1) * columns)
    for i in stride(from: old.count - 1, through: 0, by: -1) {
      for j in stride(from: new.count - 1, through: 0, by: -1) {
        table[i * columns + j] =
          old[i] == new[j]
          ? table[(i + 1) * columns + j + 1] + 1
          : max(table[(i + 1) * columns + j], table[i * columns + j + 1])
      }
    }
    var result: [(Character, Substring)] = []
    var i = 0
    var j = 0
    while i < old.count || j < new.count {
      if i < old.count && j < new.count && old[i] == new[j] {
        result.append((" ", old[i]))
        i += 1
        j += 1
      } else if i < old.count && (j == new.count || table[(i + 1) * columns + j] >= table[i * columns + j + 1]) {
        result.append(("-", old[i]))
        i += 1
      } else {
        result.append(("+", new[j]))
        j += 1
      }
    }
    return result
  }
}
