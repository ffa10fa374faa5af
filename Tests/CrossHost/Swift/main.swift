// Prints the parameters of 24 seeded trials, one JSON object per line (see trials.c).
import Glibc
import Hone

let kind = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "random"
let sampler: any Sampler
switch kind {
case "qmc": sampler = QMCSampler(seed: 123)
case "tpe": sampler = TPESampler(seed: 123)
case "cmaes": sampler = try CmaEsSampler(seed: 123)
case "nsgaii": sampler = try NSGAIISampler(populationSize: 6, seed: 123)
case "nsgaiii": sampler = try NSGAIIISampler(populationSize: 6, seed: 123)
case "brute_force": sampler = BruteForceSampler(seed: 123)
case "partial_fixed":
  sampler = try PartialFixedSampler(
    fixedParams: [("n", .int(5)), ("opt", .string("sgd"))], base: RandomSampler(seed: 123))
default: sampler = RandomSampler(seed: 123)
}
let finite = kind == "brute_force"
let study = try Study(direction: .minimize, sampler: sampler)
let choices = ["adam", "sgd", "rmsprop"]
try study.optimize(nTrials: 24) { trial in
  let x = try trial.suggestFloat("x", -5, 10, step: finite ? 2.5 : nil)
  let lr =
    finite
    ? try trial.suggestFloat("lr", 0.02, 0.1, step: 0.02) : try trial.suggestFloat("lr", 1e-5, 1e-1, log: true)
  let n = try trial.suggestInt("n", 1, 9, step: 2)
  let c = choices.firstIndex(of: try trial.suggestCategorical("opt", choices)) ?? 0
  var value = x * x + log(lr) + Double(n) + Double(c)
  if finite && c == 1 { value += try trial.suggestFloat("momentum", 0, 0.9, step: 0.3) }
  return value
}
for t in try study.trials {
  print(t.paramsJSON.text)
}
