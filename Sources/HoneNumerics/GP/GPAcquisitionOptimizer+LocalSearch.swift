/// The local searches of one `GPAcquisitionOptimizer.maximize` call, run side by side.
struct LocalSearch {
  let objective: any GPAcquisitionObjective
  let plan: SearchPlan
  let options: LBFGSB.Options
  /// The current point of each search, one row each.
  var points: Matrix<Double>
  /// The acquisition at each row of `points`.
  var values: [Double]

  /// Alternates continuous optimization and discrete sweeps until a sweep moves nothing, at most `rounds` times.
  mutating func run(rounds: Int) throws(HoneError) {
    for _ in 0..<rounds {
      let (startPoints, startValues) = (points, values)
      if !plan.relaxed.isEmpty { try optimizeContinuous() }
      try sweepDiscrete()
      var moved = false
      for p in 0..<points.rows {
        if values[p] < startValues[p] {
          // Snapping a relaxed grid can cost more than the round gained.
          for k in 0..<points.cols { points[p, k] = startPoints[p, k] }
          values[p] = startValues[p]
        } else if plan.sweeps.contains(where: { points[p, $0.dimension] != startPoints[p, $0.dimension] }) {
          moved = true
        }
      }
      if !moved { return }
    }
  }

  /// The best point over all searches.
  func best() -> GPAcquisitionMaximum {
    let top = values.indices.max { values[$0] < values[$1] } ?? 0
    return GPAcquisitionMaximum(point: (0..<points.cols).map { points[top, $0] }, value: values[top])
  }

  /// Runs L-BFGS-B on the relaxed coordinates of every search in lockstep, one batched gradient per step.
  ///
  /// The solvers move z = x/ℓ, ℓ the lead model's lengthscale of each coordinate
  /// (Optuna's preconditioning): the acquisition depends on x through x/ℓ, so in
  /// z every coordinate curves alike, L-BFGS-B's first steps are well scaled, and
  /// `options.gradientTolerance` reads in units of lengthscales.
  private mutating func optimizeContinuous() throws(HoneError) {
    let coordinates = plan.relaxed
    let lengthscales = objective.lead.kernel.hyperparameters.lengthscales
    let scales = coordinates.map { lengthscales[$0] }
    let lower = coordinates.indices.map { plan.lower[$0] / scales[$0] }
    let upper = coordinates.indices.map { plan.upper[$0] / scales[$0] }
    var solvers: [LBFGSB] = []
    for p in 0..<points.rows {
      try solvers.append(
        LBFGSB(
          start: coordinates.indices.map { points[p, coordinates[$0]] / scales[$0] }, lower: lower, upper: upper,
          options: options))
    }
    while true {
      let active = solvers.indices.filter { solvers[$0].termination == nil }
      if active.isEmpty { break }
      var batch = points.selectingRows(active)
      for (r, p) in active.enumerated() {
        for (c, k) in coordinates.enumerated() { batch[r, k] = clamped(solvers[p].point[c] * scales[c], c) }
      }
      let (batchValues, gradient) = try objective.valuesAndGradient(at: batch)
      for (r, p) in active.enumerated() {
        try solvers[p].tell(
          value: -batchValues[r], gradient: coordinates.indices.map { -gradient[r, coordinates[$0]] * scales[$0] })
      }
    }
    for p in 0..<points.rows where -solvers[p].value > values[p] {
      for (c, k) in coordinates.enumerated() { points[p, k] = clamped(solvers[p].solution[c] * scales[c], c) }
      values[p] = -solvers[p].value
    }
  }

  /// x of relaxed coordinate `c` kept in its interval against the rounding of z·ℓ.
  private func clamped(_ x: Double, _ c: Int) -> Double {
    min(max(x, plan.lower[c]), plan.upper[c])
  }

  /// Improves each discrete coordinate in turn for every search, with one batched evaluation per coordinate.
  private mutating func sweepDiscrete() throws(HoneError) {
    for (k, sweep) in plan.sweeps {
      let grid = plan.grids[k]
      var owners: [Int] = []
      var proposals: [Double] = []
      for p in 0..<points.rows {
        switch sweep {
        case .exhaustive:
          for value in grid {
            owners.append(p)
            proposals.append(value)
          }
        case .stencil:
          let center = plan.nearestIndex(points[p, k], in: grid)
          owners.append(p)
          proposals.append(grid[center])
          var offset = 1
          while offset < grid.count {
            for index in [center - offset, center + offset] where grid.indices.contains(index) {
              owners.append(p)
              proposals.append(grid[index])
            }
            offset *= 2
          }
        }
      }
      var batch = points.selectingRows(owners)
      for r in owners.indices { batch[r, k] = proposals[r] }
      let batchValues = try objective.values(at: batch)
      var bestValue = [Double](repeating: -.infinity, count: points.rows)
      var bestProposal = (0..<points.rows).map { points[$0, k] }
      for r in owners.indices where batchValues[r] > bestValue[owners[r]] {
        bestValue[owners[r]] = batchValues[r]
        bestProposal[owners[r]] = proposals[r]
      }
      for p in 0..<points.rows {
        let snapped = grid[plan.nearestIndex(points[p, k], in: grid)]
        if bestValue[p] > values[p] {
          points[p, k] = bestProposal[p]
          values[p] = bestValue[p]
        } else if snapped != points[p, k] {
          // A relaxed coordinate must land on its grid, even at a loss; `run` undoes a round that lost.
          points[p, k] = bestValue[p] > -.infinity ? bestProposal[p] : snapped
          values[p] = bestValue[p]
        }
      }
    }
  }
}
