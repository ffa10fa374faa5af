/// The trials of one study ordered by their last change, so that the trials changed
/// after a cursor are found in time proportional to their count, not the study's size.
struct ChangeList {
  /// The change number of each trial's last change, by trial number.
  private var stamps: [Int64] = []
  /// A doubly linked list through the trial numbers, least recently changed first.
  private var previous: [Int] = []
  private var next: [Int] = []
  private var tail = -1
  /// The latest change number.
  private(set) var last: Int64 = 0

  /// Records a change of trial `number`, which is at most one past the highest so far.
  mutating func touch(_ number: Int) {
    last += 1
    if number == stamps.count {
      stamps.append(last)
      previous.append(-1)
      next.append(-1)
    } else {
      stamps[number] = last
      guard tail != number else { return }
      // Unlink, then append at the tail.
      let p = previous[number], n = next[number]
      if p >= 0 { next[p] = n }
      if n >= 0 { previous[n] = p }
    }
    previous[number] = tail
    next[number] = -1
    if tail >= 0 { next[tail] = number }
    tail = number
  }

  /// The numbers of the trials changed after `cursor`, in increasing order.
  func changed(after cursor: Int64) -> [Int] {
    var out: [Int] = []
    var node = tail
    while node >= 0, stamps[node] > cursor {
      out.append(node)
      node = previous[node]
    }
    return out.sorted()
  }
}
