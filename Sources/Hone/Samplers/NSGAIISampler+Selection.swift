internal import HonePlatform

extension NSGAIISampler {
  /// The built-in survivor selections: whole fronts of the (constrained) non-dominated
  /// sort while they fit, then part of the first front that does not, chosen by
  /// NSGA-II's crowding distance or NSGA-III's reference points.
  enum Selection: Equatable, Sendable {
    /// NSGA-II: the least crowded members of the last front (Optuna's `_elite_population_selection_strategy`).
    case crowding
    /// NSGA-III: niching around reference points, `points` or else Das–Dennis's with
    /// `dividingParameter` divisions (Optuna's `_nsga3` elite selection).
    case referencePoints(points: [[Double]]?, dividingParameter: Int)

    var name: String {
      switch self {
      case .crowding: return "nsgaii"
      case .referencePoints: return "nsgaiii"
      }
    }

    /// The prefix of the trial attributes, Optuna's class name.
    var keyPrefix: String {
      switch self {
      case .crowding: return "NSGAIISampler"
      case .referencePoints: return "NSGAIIISampler"
      }
    }

    /// The `size` survivors of `pool` (or all of it when it is no larger). NSGA-III's
    /// random choices draw from a stream of `seed` and `generation`, so every worker
    /// and every restart chooses alike.
    ///
    /// - Throws: `.invalidArgument` when reference points do not have one coordinate
    ///   per objective, or Das–Dennis's would be more than 2^20.
    func survivors(
      _ pool: [FrozenTrial], directions: [StudyDirection], size: Int, seed: UInt64, generation: Int
    ) throws(HoneError) -> [FrozenTrial] {
      let ranked = Ranked(pool, directions: directions)
      var elite: [Int] = []
      for front in ParetoFront.fronts(ranked.losses, feasibility: ranked.feasibility) {
        if elite.count + front.count < size {
          elite += front
          continue
        }
        let n = size - elite.count
        switch self {
        case .crowding:
          let distance = ParetoFront.crowdingDistances(front.map { ranked.losses[$0] })
          let order = front.indices.sorted { distance[$0] > distance[$1] || (distance[$0] == distance[$1] && $0 < $1) }
          elite += order.prefix(n).map { front[$0] }
        case .referencePoints(let given, let p):
          let m = directions.count
          let points: [[Double]]
          if let given { points = given } else { points = try NSGAIIISampler.dasDennis(objectives: m, divisions: p) }
          guard points.allSatisfy({ $0.count == m }) else {
            throw .invalidArgument(
              "nsgaiii sampler: the reference points must have \(m) coordinates, one per objective, got \(points.first?.count ?? 0)"
            )
          }
          var rng = Xoshiro256(
            seed: seed, stream: UInt64(truncatingIfNeeded: generation), substream: NSGAIIISampler.nicheSubstream)
          let members = elite + front
          let normalized = NSGAIIISampler.normalized(members.map { ranked.losses[$0] })
          let (closest, distance) = NSGAIIISampler.associate(normalized, points)
          let picked = NSGAIIISampler.niched(
            n, eliteCount: elite.count, closest: closest, distance: distance, using: &rng)
          elite += picked.map { front[$0] }
        }
        break
      }
      return elite.map { pool[$0] }
    }
  }
}
