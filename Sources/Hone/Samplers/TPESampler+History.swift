/// Reading the study's history: the good/bad split, observations and search spaces.
extension TPESampler {
  /// A trial on one side of the split, by its position in the history, with what
  /// this sampler proposed to it while RUNNING.
  struct Observed {
    var index: Int
    var proposal: [String: ParamValue]?
  }

  /// The good ("below") and bad ("above") trials of `all`, each in trial-number
  /// order, as Optuna's `_split_trials` makes them.
  ///
  /// gamma(n) of the n COMPLETE and PRUNED trials are good: the best feasible COMPLETE
  /// ones first (ties by number), then feasible PRUNED ones ranked by the deepest step
  /// they reported and their value there (NaN last), then the infeasible ones (a
  /// constraint value above 0) by their total violation. With the constant liar, the other
  /// RUNNING trials are bad: their constraints are not known yet.
  ///
  /// With several objectives, the good COMPLETE trials are whole non-domination ranks
  /// and a hypervolume subset of the next (`multiObjectiveGood`). Only scores and positions are compared, never the trials
  /// moved. The finished trials' ranks come from `ledger`, which must have read `all`
  /// (one is read here when none is given).
  func split(
    _ all: [FrozenTrial], excluding current: Int, pending: [Int: [String: ParamValue]],
    directions: [StudyDirection], ledger: Ledger? = nil
  ) -> (below: [Observed], above: [Observed]) {
    let ledger =
      ledger ?? {
        var fresh = Ledger()
        _ = fresh.refresh(all)
        return fresh
      }()
    var complete: [(score: Double, number: Int, index: Int)] = []
    var pruned: [(step: Int64?, score: Double, number: Int, index: Int)] = []
    var infeasible: [(violation: Double, number: Int, index: Int)] = []
    var running: [Int] = []
    complete.reserveCapacity(ledger.finished.count)
    let maximize = directions.first == .maximize
    let score = { (v: Double) in v.isNaN ? Double.infinity : (maximize ? -v : v) }
    for (i, r) in zip(ledger.finished, ledger.ranks) where i < all.count && r.number != current {
      if r.violation > 0 {
        infeasible.append((r.violation, r.number, i))
      } else if !r.pruned {
        complete.append((score(r.value), r.number, i))
      } else if let step = r.step {
        pruned.append((step, score(r.value), r.number, i))
      } else {
        pruned.append((nil, 0, r.number, i))
      }
    }
    // By index: a loop over the trials themselves would copy (retain) every field of each.
    if options.constantLiar {
      for i in all.indices where all[i].state == .running && all[i].number != current { running.append(i) }
    }
    let gamma = options.gamma ?? (directions.count > 1 ? .optunaMultiObjective : .optuna)
    var nBelow = gamma(complete.count + pruned.count + infeasible.count)
    // The few best COMPLETE trials by insertion into a short sorted list: gamma is at
    // most 25 by default, so this is O(n), where sorting all of them is O(n log n).
    let goodComplete = min(nBelow, complete.count)
    var best: [(score: Double, number: Int, index: Int)] = []
    best.reserveCapacity(goodComplete + 1)
    if directions.count > 1 {
      // Ties between ranks and in the subset selection go by trial number, as the trials come in Optuna.
      complete.sort { $0.number < $1.number }
      let values = complete.map { c in
        zip(directions, all[c.index].values ?? []).map { d, v in d == .maximize ? -v : v }
      }
      best = Self.multiObjectiveGood(values, count: goodComplete).map { complete[$0] }
    } else if goodComplete > 0 {
      for c in complete {
        if best.count == goodComplete, let worst = best.last, !((c.score, c.number) < (worst.score, worst.number)) {
          continue
        }
        var at = best.count
        while at > 0 && (c.score, c.number) < (best[at - 1].score, best[at - 1].number) { at -= 1 }
        best.insert(c, at: at)
        if best.count > goodComplete { best.removeLast() }
      }
    }
    nBelow -= goodComplete
    pruned.sort { a, b in
      switch (a.step, b.step) {
      case (let x?, let y?) where x != y: return x > y
      case (nil, _?): return false
      case (_?, nil): return true
      default: return (a.score, a.number) < (b.score, b.number)
      }
    }
    let goodPruned = min(nBelow, pruned.count)
    nBelow -= goodPruned
    infeasible.sort { ($0.violation, $0.number) < ($1.violation, $1.number) }
    let goodInfeasible = min(nBelow, infeasible.count)
    // Per position: 0 on neither side, 1 good, 2 bad, 3 bad and RUNNING.
    var side = [UInt8](repeating: 0, count: all.count)
    for c in complete { side[c.index] = 2 }
    for p in pruned { side[p.index] = 2 }
    for q in infeasible { side[q.index] = 2 }
    for c in best { side[c.index] = 1 }
    for p in pruned.prefix(goodPruned) { side[p.index] = 1 }
    for q in infeasible.prefix(goodInfeasible) { side[q.index] = 1 }
    for r in running { side[r] = 3 }
    // Positions in the history follow trial numbers, so a scan in position order is in number order.
    var below: [Observed] = []
    var above: [Observed] = []
    below.reserveCapacity(goodComplete + goodPruned + goodInfeasible)
    above.reserveCapacity(complete.count + pruned.count + infeasible.count + running.count)
    for (i, s) in side.enumerated() {
      switch s {
      case 1: below.append(Observed(index: i, proposal: nil))
      case 2: above.append(Observed(index: i, proposal: nil))
      case 3: above.append(Observed(index: i, proposal: pending[all[i].number]))
      default: break
      }
    }
    return (below, above)
  }

  /// Writes the internal values of `names` in `o` into `row`; false when one is
  /// missing or does not lie in its distribution of `space`.
  ///
  /// A value suggested under another distribution counts when its external value
  /// lies in this one. A RUNNING trial's own values win over what was proposed to it.
  static func read(
    _ o: Observed, of all: [FrozenTrial], names: [String], space: [Distribution], into row: inout [Double]
  ) -> Bool {
    let params = all[o.index].params
    for (j, (name, d)) in zip(names, space).enumerated() {
      var value: ParamValue?
      if let p = params.named(name, near: j) {
        value = p.distribution == d ? p.value : d.internal(p.distribution.external(p.value))
      } else {
        value = o.proposal?[name]
      }
      guard let v = value, d.contains(v) else { return false }
      row[j] = v.double
    }
    return true
  }


  /// Optuna's group-decomposed search space over the COMPLETE and PRUNED trials of `all`: a partition of the
  /// parameters into groups that every trial has all or none of, each sorted by name.
  ///
  /// A name keeps the distribution it was first seen with.
  static func groups(of all: [FrozenTrial]) -> [[(String, Distribution)]] {
    var groups: [[(String, Distribution)]] = []
    for t in all where t.state == .complete || t.state == .pruned {
      var own: [(String, Distribution)] = []
      var names = Set<String>()
      for p in t.params where names.insert(p.name).inserted { own.append((p.name, p.distribution)) }
      var next: [[(String, Distribution)]] = []
      for g in groups {
        next.append(g.filter { names.contains($0.0) })
        next.append(g.filter { !names.contains($0.0) })
        for (n, _) in g { names.remove(n) }
      }
      next.append(own.filter { names.contains($0.0) })
      groups = next.filter { !$0.isEmpty }
    }
    return groups.map { $0.sorted { $0.0 < $1.0 } }
  }
}
