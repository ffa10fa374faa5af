/// MLP: training a multilayer perceptron, predicting with it, saving and loading it.
///
/// Data is row-major: `x` holds `n_rows * n_features` values, row after row.
/// `y` holds one value per row: the target for regression, or the class label
/// (an integer 0, 1, ... stored as a double) for "binary" and "multiclass" tasks;
/// `hone_mlp_train_multioutput` takes several regression targets per row.
/// Every array is read during the call only and never kept.
///
/// The configuration is one JSON object with the keys of the MLP configuration:
/// "task" ("regression" (default), "binary", "multiclass"), "loss",
/// "hidden_layers" ([64]), "activation" ("relu", or one name per hidden layer),
/// "init", "optimizer" ("adam"),
/// "learning_rate" (0.001), "batch_size" (32), "epochs" (100), "weight_decay",
/// "l1" (0), "l2" (0), "dropout" (0, or one per hidden layer), "momentum" (0.9),
/// "beta1", "beta2", "epsilon", "schedule" ("constant" or {"type": ..., ...}),
/// "warmup_epochs" (0), "early_stopping_patience" (0: off), "min_delta" (0),
/// "validation_fraction" (0), "standardize" (true), "seed" (0), "threads" (1),
/// "metric" ("loss"), "gradient_clip" (0), "hypergradient_lr" (0),
/// "huber_delta" (1), "time_budget" (0 seconds: none). NULL or "" means all
/// defaults; an unknown key or a bad value is HONE_INVALID_ARGUMENT naming it.
///
/// A `hone_mlp` handle is looked up, never dereferenced: a destroyed or foreign
/// handle is HONE_INVALID_ARGUMENT, not a crash. A model never changes after
/// training, so one handle may be used by several threads at once.

import Hone

/// A trained model. Create one with `hone_mlp_train` or `hone_mlp_load` and
/// release it with `hone_mlp_destroy`.
public typealias hone_mlp = OpaquePointer

/// A model behind a handle: the registry holds objects, and models are values.
final class MLPBox: Sendable {
  let model: MLPModel
  init(_ model: MLPModel) { self.model = model }
}

/// Live model handles.
let modelHandles = HandleRegistry<MLPBox>(type: "hone_mlp", argument: "model")

func matrixCount(_ p: UnsafeRawPointer?, _ rows: UInt, _ cols: UInt, _ what: String) throws(HoneError) -> Int {
  guard p != nil else { throw .invalidArgument("\(what) is NULL") }
  guard rows >= 1 else { throw .invalidArgument("n_rows must be >= 1 (\(what) has no rows)") }
  guard cols >= 1 else { throw .invalidArgument("n_features must be >= 1") }
  let (n, overflow) = rows.multipliedReportingOverflow(by: cols)
  // Keep byte counts of 8-byte values representable too.
  guard !overflow, n <= UInt(Int.max / 8) else {
    throw .invalidArgument("\(what): \(rows) rows * \(cols) features overflows")
  }
  return Int(n)
}

/// Float32 features copied from C.
func floatMatrix(
  _ p: UnsafePointer<Float>?, _ rows: UInt, _ cols: UInt, _ what: String
) throws(HoneError) -> [Float] {
  let n = try matrixCount(p, rows, cols, what)
  guard let p else { throw .invalidArgument("\(what) is NULL") }
  return Array(UnsafeBufferPointer(start: p, count: n))
}

/// Float64 features converted once to Float32.
func doubleMatrix(
  _ p: UnsafePointer<Double>?, _ rows: UInt, _ cols: UInt, _ what: String
) throws(HoneError) -> [Float] {
  let n = try matrixCount(p, rows, cols, what)
  guard let p else { throw .invalidArgument("\(what) is NULL") }
  return UnsafeBufferPointer(start: p, count: n).map { Float($0) }
}

/// `columns` targets (or one label) per row, converted to Float32.
func targets(_ p: UnsafePointer<Double>?, _ rows: UInt, _ columns: UInt = 1, _ what: String) throws(HoneError)
  -> [Float]
{
  guard columns >= 1 else { throw .invalidArgument("n_targets must be >= 1") }
  let n = try matrixCount(p, rows, columns, what)
  guard let p else { throw .invalidArgument("\(what) is NULL") }
  return UnsafeBufferPointer(start: p, count: n).map { Float($0) }
}

/// The shared body of the training entry points, after the features are converted.
func trainMLP(
  _ out: UnsafeMutablePointer<hone_mlp?>?, _ outResult: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
  x: () throws(HoneError) -> [Float], rows: UInt, y: UnsafePointer<Double>?, targetColumns: UInt = 1,
  xVal: (() throws(HoneError) -> [Float])?, yVal: UnsafePointer<Double>?, valRows: UInt,
  config configJSON: UnsafePointer<CChar>?, study: hone_study?, trial: Int64
) throws(HoneError) {
  let out = try required(out, "out")
  let features = try x()
  let data = try MLPDataset(features: features, rows: Int(rows), targets: try targets(y, rows, targetColumns, "y"))
  var validation: MLPDataset?
  if let xVal {
    let v = try xVal()
    validation = try MLPDataset(
      features: v, rows: Int(valRows), targets: try targets(yVal, valRows, targetColumns, "y_val"))
  } else if yVal != nil || valRows != 0 {
    throw .invalidArgument("x_val is NULL but y_val or n_val_rows is given")
  }
  let text = try configJSON.map { (p) throws(HoneError) in try string(p, "config_json") }
  let config = try JSON.parseOptions(text).map { (j) throws(HoneError) in try MLPConfig(json: j) } ?? MLPConfig()
  let result: MLPTrainingResult
  if let study {
    result = try studyHandles.object(study).trainMLP(
      trial: try trialNumber(trial), data: data, validation: validation, config: config)
  } else {
    result = try MLP.train(data, validation: validation, config: config)
  }
  // Both outputs or neither: a result that cannot be copied out releases the model.
  let handle = try modelHandles.register(MLPBox(result.model))
  if let outResult {
    do throws(HoneError) {
      try copyOut(result.json.text, to: outResult)
    } catch {
      modelHandles.remove(handle)
      throw error
    }
  }
  out.pointee = handle
}

/// Trains a model on float32 features.
///
/// With a study, each epoch reports the monitored value (the validation metric,
/// or the training loss without validation) as the trial's intermediate value at
/// step = epoch (1, 2, ...) and asks the study's pruner; when it says prune,
/// training stops with status "pruned". Pruned and diverged trainings still
/// succeed (HONE_OK) and give a model: read the status from the result.
///
/// - Parameter out: receives the new model handle; left untouched on failure.
/// - Parameter out_result_json: NULL, or receives the result, released with `hone_free`:
///   {"status": "completed" | "early_stopped" | "time_budget" | "pruned" | "diverged",
///   "epochs": 12, "best_epoch": 9, "best_value": 0.05, "message": null | "why it diverged",
///   "history": [{"epoch": 1, "train_loss": ..., "learning_rate": ..., "monitored": ...,
///   "validation": null | {"loss": ..., "accuracy": ..., ...}}, ...]}.
/// - Parameter x: the training features, `n_rows * n_features` row-major.
/// - Parameter n_rows: the number of training rows; must be >= 1.
/// - Parameter n_features: the number of features per row; must be >= 1.
/// - Parameter y: `n_rows` targets or class labels.
/// - Parameter x_val: NULL for none (then `y_val` must be NULL and `n_val_rows` 0),
///   or the validation features, `n_val_rows * n_features`.
/// - Parameter y_val: `n_val_rows` validation targets or labels.
/// - Parameter n_val_rows: the number of validation rows.
/// - Parameter config_json: the configuration; NULL or "" means all defaults.
/// - Parameter study: NULL, or the study whose running trial the training reports to.
/// - Parameter trial: the trial number; ignored without a study.
/// - Returns: HONE_STATE when the trial is not running or the study is multi-objective.
@c public func hone_mlp_train(
  _ out: UnsafeMutablePointer<hone_mlp?>?,
  _ out_result_json: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
  _ x: UnsafePointer<Float>?,
  _ n_rows: UInt,
  _ n_features: UInt,
  _ y: UnsafePointer<Double>?,
  _ x_val: UnsafePointer<Float>?,
  _ y_val: UnsafePointer<Double>?,
  _ n_val_rows: UInt,
  _ config_json: UnsafePointer<CChar>?,
  _ study: hone_study?,
  _ trial: Int64
) -> hone_status {
  capture { () throws(HoneError) in
    let xVal: (() throws(HoneError) -> [Float])? =
      x_val == nil ? nil : { () throws(HoneError) in try floatMatrix(x_val, n_val_rows, n_features, "x_val") }
    try trainMLP(
      out, out_result_json, x: { () throws(HoneError) in try floatMatrix(x, n_rows, n_features, "x") },
      rows: n_rows, y: y, xVal: xVal, yVal: y_val, valRows: n_val_rows, config: config_json, study: study,
      trial: trial)
  }
}

/// Trains a model on float64 features, converted once to float32; see `hone_mlp_train`.
///
/// - Parameter out: receives the new model handle; left untouched on failure.
/// - Parameter out_result_json: NULL, or receives the result as in `hone_mlp_train`.
/// - Parameter x: the training features, `n_rows * n_features` row-major.
/// - Parameter n_rows: the number of training rows; must be >= 1.
/// - Parameter n_features: the number of features per row; must be >= 1.
/// - Parameter y: `n_rows` targets or class labels.
/// - Parameter x_val: NULL, or the validation features, `n_val_rows * n_features`.
/// - Parameter y_val: `n_val_rows` validation targets or labels.
/// - Parameter n_val_rows: the number of validation rows.
/// - Parameter config_json: the configuration; NULL or "" means all defaults.
/// - Parameter study: NULL, or the study whose running trial the training reports to.
/// - Parameter trial: the trial number; ignored without a study.
@c public func hone_mlp_train_f64(
  _ out: UnsafeMutablePointer<hone_mlp?>?,
  _ out_result_json: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
  _ x: UnsafePointer<Double>?,
  _ n_rows: UInt,
  _ n_features: UInt,
  _ y: UnsafePointer<Double>?,
  _ x_val: UnsafePointer<Double>?,
  _ y_val: UnsafePointer<Double>?,
  _ n_val_rows: UInt,
  _ config_json: UnsafePointer<CChar>?,
  _ study: hone_study?,
  _ trial: Int64
) -> hone_status {
  capture { () throws(HoneError) in
    let xVal: (() throws(HoneError) -> [Float])? =
      x_val == nil ? nil : { () throws(HoneError) in try doubleMatrix(x_val, n_val_rows, n_features, "x_val") }
    try trainMLP(
      out, out_result_json, x: { () throws(HoneError) in try doubleMatrix(x, n_rows, n_features, "x") },
      rows: n_rows, y: y, xVal: xVal, yVal: y_val, valRows: n_val_rows, config: config_json, study: study,
      trial: trial)
  }
}

/// Trains a regression model with several targets per row (multi-output regression).
///
/// As `hone_mlp_train`, with "task" "regression" (the default) and `n_targets`
/// output units; `hone_mlp_predict` then writes `n_targets` values per row, and
/// `hone_mlp_evaluate` takes `n_targets` targets per row.
///
/// - Parameter out: receives the new model handle; left untouched on failure.
/// - Parameter out_result_json: NULL, or receives the result as in `hone_mlp_train`.
/// - Parameter x: the training features, `n_rows * n_features` row-major.
/// - Parameter n_rows: the number of training rows; must be >= 1.
/// - Parameter n_features: the number of features per row; must be >= 1.
/// - Parameter y: the targets, `n_rows * n_targets` row-major.
/// - Parameter n_targets: the number of targets per row; must be >= 1.
/// - Parameter x_val: NULL, or the validation features, `n_val_rows * n_features`.
/// - Parameter y_val: the validation targets, `n_val_rows * n_targets` row-major.
/// - Parameter n_val_rows: the number of validation rows.
/// - Parameter config_json: the configuration; NULL or "" means all defaults.
/// - Parameter study: NULL, or the study whose running trial the training reports to.
/// - Parameter trial: the trial number; ignored without a study.
/// - Returns: HONE_INVALID_ARGUMENT for a classification task with more than one target.
@c public func hone_mlp_train_multioutput(
  _ out: UnsafeMutablePointer<hone_mlp?>?,
  _ out_result_json: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
  _ x: UnsafePointer<Float>?,
  _ n_rows: UInt,
  _ n_features: UInt,
  _ y: UnsafePointer<Double>?,
  _ n_targets: UInt,
  _ x_val: UnsafePointer<Float>?,
  _ y_val: UnsafePointer<Double>?,
  _ n_val_rows: UInt,
  _ config_json: UnsafePointer<CChar>?,
  _ study: hone_study?,
  _ trial: Int64
) -> hone_status {
  capture { () throws(HoneError) in
    let xVal: (() throws(HoneError) -> [Float])? =
      x_val == nil ? nil : { () throws(HoneError) in try floatMatrix(x_val, n_val_rows, n_features, "x_val") }
    try trainMLP(
      out, out_result_json, x: { () throws(HoneError) in try floatMatrix(x, n_rows, n_features, "x") },
      rows: n_rows, y: y, targetColumns: n_targets, xVal: xVal, yVal: y_val, valRows: n_val_rows,
      config: config_json, study: study, trial: trial)
  }
}

/// The number of values `hone_mlp_predict` writes per row.
///
/// The number of outputs for regression; the number of classes for
/// classification (2 for "binary").
///
/// - Parameter out: receives the count.
@c public func hone_mlp_n_outputs(
  _ out: UnsafeMutablePointer<UInt>?,
  _ model: hone_mlp?
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out, "out")
    let m = try modelHandles.object(model).model
    out.pointee = UInt(m.task == .regression ? m.sizes[m.sizes.count - 1] : m.classCount)
  }
}

/// The number of features per row the model takes.
///
/// - Parameter out: receives the count.
@c public func hone_mlp_n_features(
  _ out: UnsafeMutablePointer<UInt>?,
  _ model: hone_mlp?
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out, "out")
    out.pointee = UInt(try modelHandles.object(model).model.sizes[0])
  }
}

/// Describes a model as JSON.
///
/// {"task": "regression" | "binary" | "multiclass", "loss": "mse", "activation": "relu"
/// (an array of names when the hidden layers differ),
/// "sizes": [n_features, hidden..., outputs], "n_features": 2, "n_outputs": 2,
/// "n_classes": 0 for regression, "standardized": true}. "n_outputs" is the number of
/// values `hone_mlp_predict` writes per row.
///
/// - Parameter out: receives the text; release it with `hone_free`.
@c public func hone_mlp_info_json(
  _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
  _ model: hone_mlp?
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out, "out")
    let m = try modelHandles.object(model).model
    let k = m.task == .regression ? m.sizes[m.sizes.count - 1] : m.classCount
    let info: JSON = .object([
      ("task", .string(m.task.rawValue)), ("loss", .string(m.loss.rawValue)),
      ("activation", m.activationJSON), ("sizes", .array(m.sizes.map { .number(Double($0)) })),
      ("n_features", .number(Double(m.sizes[0]))), ("n_outputs", .number(Double(k))),
      ("n_classes", .number(Double(m.classCount))), ("standardized", .bool(m.standardizer != nil)),
    ])
    try copyOut(info.text, to: out)
  }
}

/// Predicts for float32 features.
///
/// Writes `n_rows * hone_mlp_n_outputs` values row-major: the predicted values
/// for regression, the class probabilities (each row sums to 1; for "binary",
/// P(0) then P(1)) for classification.
///
/// - Parameter out: receives the predictions.
/// - Parameter out_len: the length of `out`; must equal `n_rows * hone_mlp_n_outputs`.
/// - Parameter x: the features, `n_rows * n_features` row-major.
/// - Parameter n_rows: the number of rows; must be >= 1.
/// - Parameter n_features: must equal the model's feature count.
@c public func hone_mlp_predict(
  _ out: UnsafeMutablePointer<Double>?,
  _ out_len: UInt,
  _ model: hone_mlp?,
  _ x: UnsafePointer<Float>?,
  _ n_rows: UInt,
  _ n_features: UInt
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out, "out")
    let m = try modelHandles.object(model).model
    let features = try floatMatrix(x, n_rows, n_features, "x")
    guard Int(n_features) == m.sizes[0] else {
      throw .invalidArgument("n_features is \(n_features), the model takes \(m.sizes[0])")
    }
    let k = m.task == .regression ? m.sizes[m.sizes.count - 1] : m.classCount
    let (need, overflow) = n_rows.multipliedReportingOverflow(by: UInt(k))
    guard !overflow, out_len == need else {
      throw .invalidArgument("out_len is \(out_len), the predictions of \(n_rows) rows need \(n_rows) * \(k) values")
    }
    let values =
      m.task == .regression
      ? try m.outputs(features, rows: Int(n_rows)) : try m.predictProbabilities(features, rows: Int(n_rows))
    for i in values.indices { out[i] = Double(values[i]) }
  }
}

/// Evaluates the model on labelled rows.
///
/// - Parameter out_json: receives the metrics, released with `hone_free`: {"loss": ...}
///   plus "mse", "mae", "r2" for regression, or "accuracy", "precision", "recall", "f1",
///   "log_loss" and (when every class is present) "roc_auc" for classification.
/// - Parameter x: the features, `n_rows * n_features` row-major.
/// - Parameter n_rows: the number of rows; must be >= 1.
/// - Parameter n_features: must equal the model's feature count.
/// - Parameter y: `n_rows` targets or class labels; a regression model with k outputs
///   takes `n_rows * k` targets, row-major.
@c public func hone_mlp_evaluate(
  _ out_json: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
  _ model: hone_mlp?,
  _ x: UnsafePointer<Float>?,
  _ n_rows: UInt,
  _ n_features: UInt,
  _ y: UnsafePointer<Double>?
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out_json, "out_json")
    let m = try modelHandles.object(model).model
    let features = try floatMatrix(x, n_rows, n_features, "x")
    let columns = m.task == .regression ? UInt(m.sizes[m.sizes.count - 1]) : 1
    let data = try MLPDataset(features: features, rows: Int(n_rows), targets: try targets(y, n_rows, columns, "y"))
    try copyOut(try m.evaluate(data).json.text, to: out)
  }
}

/// Saves the model to a file in the versioned binary format, replacing any file there.
///
/// The format (magic "HONEMLP\0", format version 1, little-endian, CRC-32 at the
/// end) is documented in Sources/Hone/MLP/MLPModel+Serialization.swift.
///
/// - Parameter path: the file to write.
/// - Returns: HONE_STORAGE when the file cannot be written.
@c public func hone_mlp_save(
  _ model: hone_mlp?,
  _ path: UnsafePointer<CChar>?
) -> hone_status {
  capture { () throws(HoneError) in
    let m = try modelHandles.object(model).model
    try m.save(to: try string(path, "path"))
  }
}

/// Loads a model saved by `hone_mlp_save`.
///
/// - Parameter out: receives the new model handle; left untouched on failure.
/// - Parameter path: the file to read.
/// - Returns: HONE_STORAGE when the file cannot be read; HONE_INVALID_ARGUMENT,
///   naming the problem, for a file that is truncated, corrupt or not a model.
@c public func hone_mlp_load(
  _ out: UnsafeMutablePointer<hone_mlp?>?,
  _ path: UnsafePointer<CChar>?
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out, "out")
    let model = try MLPModel(contentsOf: try string(path, "path"))
    out.pointee = try modelHandles.register(MLPBox(model))
  }
}

/// Destroys a model handle. NULL is ignored.
@c public func hone_mlp_destroy(_ model: hone_mlp?) {
  if let model { modelHandles.remove(model) }
}
