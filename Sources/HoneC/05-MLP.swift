/// MLP: training a multilayer perceptron, predicting with it, saving and loading it.
///
/// Data goes through `hone_array` descriptors. Features `x` are `rows` rows of
/// `cols` features each, HONE_FLOAT32 or HONE_FLOAT64 (converted once to
/// float32). Targets `y` have as many rows as `x`, in any `hone_dtype`: one
/// column holding the class label (an integer 0, 1, ...) for "binary" and
/// "multiclass" tasks, or k columns holding k regression targets per row
/// (multi-output regression). Integer targets must be exact in float32, and
/// every value must be finite. Every array is read during the call only and
/// never kept.
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

/// Labelled rows from two descriptors: features `x` and as many rows of targets `y`.
func labelledRows(
  _ x: ConstPointer<hone_array>?, _ y: ConstPointer<hone_array>?, _ xName: String, _ yName: String
) throws(HoneError) -> (data: MLPDataset, features: ArrayArgument, targets: ArrayArgument) {
  let features = try ArrayArgument(x, xName)
  let targets = try ArrayArgument(y, yName)
  guard targets.rows == features.rows else {
    throw .invalidArgument("\(yName) has \(targets.rows) rows, \(xName) has \(features.rows)")
  }
  let data = try MLPDataset(features: try features.features(), rows: features.rows, targets: try targets.targets())
  return (data, features, targets)
}

/// Trains a model.
///
/// With a study, each epoch reports the monitored value (the validation metric,
/// or the training loss without validation) as the trial's intermediate value at
/// step = epoch (1, 2, ...) and asks the study's pruner; when it says prune,
/// training stops with status "pruned". Pruned and diverged trainings still
/// succeed (HONE_OK) and give a model: read the status from the result.
///
/// A regression model learns one output per column of `y`; `hone_mlp_predict`
/// then writes that many values per row, and `hone_mlp_evaluate` takes that many
/// targets per row.
///
/// - Parameter out: receives the new model handle; left untouched on failure.
/// - Parameter out_result_json: NULL, or receives the result, released with `hone_free`:
///   {"status": "completed" | "early_stopped" | "time_budget" | "pruned" | "diverged",
///   "epochs": 12, "best_epoch": 9, "best_value": 0.05, "message": null | "why it diverged",
///   "history": [{"epoch": 1, "train_loss": ..., "learning_rate": ..., "monitored": ...,
///   "validation": null | {"loss": ..., "accuracy": ..., ...}}, ...]}.
/// - Parameter x: the training features: HONE_FLOAT32 or HONE_FLOAT64, `rows` >= 1
///   rows of `cols` >= 1 features.
/// - Parameter y: the targets or class labels, any `hone_dtype`: as many rows as `x`;
///   1 column for classification, k >= 1 for regression with k outputs.
/// - Parameter x_val: NULL for none (then `y_val` must be NULL too), or the
///   validation features, with as many columns as `x`.
/// - Parameter y_val: the validation targets, with as many rows as `x_val` and as
///   many columns as `y`.
/// - Parameter config_json: the configuration; NULL or "" means all defaults.
/// - Parameter study: NULL, or the study whose running trial the training reports to.
/// - Parameter trial: the trial number; ignored without a study.
/// - Returns: HONE_STATE when the trial is not running or the study is multi-objective;
///   HONE_INVALID_ARGUMENT for a classification task with more than one column of `y`.
@c public func hone_mlp_train(
  _ out: UnsafeMutablePointer<hone_mlp?>?,
  _ out_result_json: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
  _ x: ConstPointer<hone_array>?,
  _ y: ConstPointer<hone_array>?,
  _ x_val: ConstPointer<hone_array>?,
  _ y_val: ConstPointer<hone_array>?,
  _ config_json: UnsafePointer<CChar>?,
  _ study: hone_study?,
  _ trial: Int64
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out, "out")
    let (data, features, targets) = try labelledRows(x, y, "x", "y")
    var validation: MLPDataset?
    if x_val != nil {
      let (v, vFeatures, vTargets) = try labelledRows(x_val, y_val, "x_val", "y_val")
      guard vFeatures.cols == features.cols else {
        throw .invalidArgument("x_val has \(vFeatures.cols) cols, x has \(features.cols)")
      }
      guard vTargets.cols == targets.cols else {
        throw .invalidArgument("y_val has \(vTargets.cols) cols, y has \(targets.cols)")
      }
      validation = v
    } else if y_val != nil {
      throw .invalidArgument("x_val is NULL but y_val is given")
    }
    let text = try config_json.map { (p) throws(HoneError) in try string(p, "config_json") }
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
    if let outResult = out_result_json {
      do throws(HoneError) {
        try copyOut(result.json.text, to: outResult)
      } catch {
        modelHandles.remove(handle)
        throw error
      }
    }
    out.pointee = handle
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

/// Predicts for rows of features.
///
/// Writes `x->rows * hone_mlp_n_outputs` values row-major: the predicted values
/// for regression, the class probabilities (each row sums to 1; for "binary",
/// P(0) then P(1)) for classification.
///
/// - Parameter out: receives the predictions.
/// - Parameter out_len: the length of `out`; must equal `x->rows * hone_mlp_n_outputs`.
/// - Parameter x: the features, HONE_FLOAT32 or HONE_FLOAT64; `cols` must equal the
///   model's feature count.
@c public func hone_mlp_predict(
  _ out: UnsafeMutablePointer<Double>?,
  _ out_len: UInt,
  _ model: hone_mlp?,
  _ x: ConstPointer<hone_array>?
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out, "out")
    let m = try modelHandles.object(model).model
    let a = try ArrayArgument(x, "x")
    guard a.cols == m.sizes[0] else {
      throw .invalidArgument("x has \(a.cols) cols, the model takes \(m.sizes[0]) features")
    }
    let k = m.task == .regression ? m.sizes[m.sizes.count - 1] : m.classCount
    let (need, overflow) = a.rows.multipliedReportingOverflow(by: k)
    guard !overflow, out_len == need else {
      throw .invalidArgument("out_len is \(out_len), the predictions of \(a.rows) rows need \(a.rows) * \(k) values")
    }
    let features = try a.features()
    let values =
      m.task == .regression
      ? try m.outputs(features, rows: a.rows) : try m.predictProbabilities(features, rows: a.rows)
    for i in values.indices { out[i] = Double(values[i]) }
  }
}

/// Evaluates the model on labelled rows.
///
/// - Parameter out_json: receives the metrics, released with `hone_free`: {"loss": ...}
///   plus "mse", "mae", "r2" for regression, or "accuracy", "precision", "recall", "f1",
///   "log_loss" and (when every class is present) "roc_auc" for classification.
/// - Parameter x: the features, HONE_FLOAT32 or HONE_FLOAT64; `cols` must equal the
///   model's feature count.
/// - Parameter y: the targets or class labels, any `hone_dtype`, as many rows as `x`:
///   1 column for classification, one per output for regression.
@c public func hone_mlp_evaluate(
  _ out_json: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
  _ model: hone_mlp?,
  _ x: ConstPointer<hone_array>?,
  _ y: ConstPointer<hone_array>?
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out_json, "out_json")
    let m = try modelHandles.object(model).model
    let data = try labelledRows(x, y, "x", "y").data
    try copyOut(try m.evaluate(data).json.text, to: out)
  }
}

/// Saves the model to a file in the versioned binary format, replacing any file there.
///
/// The format (magic "HONEMLP\0", format version 1, little-endian, CRC-32 at the
/// end) is documented in Sources/HoneNumerics/MLP/MLPModel+Serialization.swift.
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
