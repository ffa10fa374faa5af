// Prints the parameters of 24 seeded trials, one JSON object per line (see trials.c).
import Glibc
import Hone

let kind = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "random"
let sampler: any Sampler
switch kind {
case "qmc": sampler = QMCSampler(seed: 123)
case "tpe": sampler = TPESampler(seed: 123)
default: sampler = RandomSampler(seed: 123)
}
let study = try Study(direction: .minimize, sampler: sampler)
let choices = ["adam", "sgd", "rmsprop"]
try study.optimize(nTrials: 24) { trial in
  let x = try trial.suggestFloat("x", -5, 10)
  let lr = try trial.suggestFloat("lr", 1e-5, 1e-1, log: true)
  let n = try trial.suggestInt("n", 1, 9, step: 2)
  let c = choices.firstIndex(of: try trial.suggestCategorical("opt", choices)) ?? 0
  return x * x + log(lr) + Double(n) + Double(c)
}
for t in try study.trials {
  print(t.paramsJSON.text)
}
