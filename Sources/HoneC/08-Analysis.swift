/// Analysis: measures of a set of results that need no study.

import Hone

/// The exact hypervolume of points with respect to a reference point, for minimization.
///
/// The hypervolume is the volume of the region that the points dominate and that
/// dominates the reference: the union of the boxes from each point to the
/// reference, over the points that are below the reference in every objective.
/// Points that are not, dominated points and duplicates add nothing, as in
/// Optuna's `compute_hypervolume`. To measure a maximized objective, negate it
/// and its reference coordinate.
///
/// One objective takes O(n), two and three O(n log n); four or more use WFG,
/// whose cost can grow exponentially with the number of objectives.
///
/// A point with +inf in a coordinate adds nothing; a point with -inf in a
/// coordinate and below the reference in every other one makes the hypervolume
/// +inf. The result is +inf also when the volume exceeds the largest double.
///
/// - Parameter out: receives the hypervolume, >= 0 or +inf.
/// - Parameter points: the points, HONE_FLOAT64 or HONE_FLOAT32: `rows` >= 1 points of
///   `cols` >= 1 objectives; no NaN.
/// - Parameter reference: the reference point, HONE_FLOAT64 or HONE_FLOAT32: 1 row of
///   as many columns as `points`; finite.
/// - Returns: HONE_INVALID_ARGUMENT for a bad descriptor, a NaN, a reference that
///   is not finite or whose shape does not fit `points`, or more than 64 objectives
///   together with more than 64 points.
@c public func hone_hypervolume(
  _ out: UnsafeMutablePointer<Double>?,
  _ points: ConstPointer<hone_array>?,
  _ reference: ConstPointer<hone_array>?
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out, "out")
    let p = try ArrayArgument(points, "points")
    let r = try ArrayArgument(reference, "reference")
    guard r.rows == 1, r.cols == p.cols else {
      throw .invalidArgument("reference is \(r.rows) x \(r.cols); it must be 1 x \(p.cols), one value per column of points")
    }
    let reference = try r.doubles()
    out.pointee = try p.withDoubles { (v) throws(HoneError) in try Hypervolume.compute(values: v, rows: p.rows, reference: reference) }
  }
}
