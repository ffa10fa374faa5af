"""One rule, one message, one default: the library's.

Distributions, samplers and pruners are checked by the library when they are
made (``hone_options_normalize``): each value rule raises the library's
``InvalidArgumentError``, a ``ValueError`` whose message is the one
``hone_study_create`` gives for the same spec. The defaults of the Python
signatures, of the C header's documentation and of the Swift doc comments are
compared with the ones the library fills in.
"""
import ctypes
import inspect
import json
import math
import re
from pathlib import Path

import pytest

import hone
from hone import pruners, samplers
from hone._lib import LIB
from hone.distributions import CategoricalDistribution, FloatDistribution, IntDistribution, _normalize
from hone.exceptions import Status
from hone.trial import Trial

ROOT = Path(__file__).resolve().parents[3]
NAN, INF = math.nan, math.inf


def study_create_error(options):
    """The status and message of hone_study_create for these options (which must fail)."""
    handle = ctypes.c_void_p()
    status = LIB.hone_study_create(ctypes.byref(handle), json.dumps(options).encode())
    if status == 0:
        LIB.hone_study_destroy(handle)
        return 0, ""
    return status, LIB.hone_last_error().decode()


def float_spec(low, high, log=False, step=None):
    return {"type": "float", "low": low, "high": high, "log": log, "step": step}


def int_spec(low, high, log=False, step=1):
    return {"type": "int", "low": low, "high": high, "log": log, "step": step}


def pruner_spec(type_, **options):
    return {"type": type_, "options": options}


# Each value rule: the Python call, and the spec the library judges in a study.
VALUE_RULES = [
    (lambda: FloatDistribution(2.0, 1.0), "distribution", float_spec(2.0, 1.0)),
    (lambda: FloatDistribution(0.0, 1.0, log=True), "distribution", float_spec(0.0, 1.0, log=True)),
    (lambda: FloatDistribution(0.1, 1.0, log=True, step=0.1), "distribution", float_spec(0.1, 1.0, True, 0.1)),
    (lambda: FloatDistribution(0.0, 1.0, step=0), "distribution", float_spec(0.0, 1.0, step=0.0)),
    (lambda: FloatDistribution(0.0, 1.0, step=-0.5), "distribution", float_spec(0.0, 1.0, step=-0.5)),
    (lambda: FloatDistribution(NAN, 1.0), "distribution", float_spec(NAN, 1.0)),
    (lambda: FloatDistribution(0.0, INF), "distribution", float_spec(0.0, INF)),
    (lambda: FloatDistribution(-1e308, 1e308), "distribution", float_spec(-1e308, 1e308)),
    (lambda: IntDistribution(2, 1), "distribution", int_spec(2, 1)),
    (lambda: IntDistribution(0, 10, log=True), "distribution", int_spec(0, 10, log=True)),
    (lambda: IntDistribution(1, 10, log=True, step=2), "distribution", int_spec(1, 10, True, 2)),
    (lambda: IntDistribution(0, 10, step=0), "distribution", int_spec(0, 10, step=0)),
    (lambda: IntDistribution(0, 2**63), "distribution", int_spec(0, 2**63)),
    (lambda: CategoricalDistribution([]), "distribution", {"type": "categorical", "choices": []}),
    (lambda: pruners.PercentilePruner(101.0), "pruner", pruner_spec("percentile", percentile=101.0)),
    (lambda: pruners.PercentilePruner(-1.0), "pruner", pruner_spec("percentile", percentile=-1.0)),
    (lambda: pruners.PercentilePruner(NAN), "pruner", pruner_spec("percentile", percentile=NAN)),
    (lambda: pruners.MedianPruner(n_startup_trials=-1), "pruner", pruner_spec("median", n_startup_trials=-1)),
    (lambda: pruners.MedianPruner(n_warmup_steps=-1), "pruner", pruner_spec("median", n_warmup_steps=-1)),
    (lambda: pruners.MedianPruner(interval_steps=0), "pruner", pruner_spec("median", interval_steps=0)),
    (lambda: pruners.MedianPruner(n_min_trials=0), "pruner", pruner_spec("median", n_min_trials=0)),
    (
        lambda: pruners.SuccessiveHalvingPruner(min_resource=0),
        "pruner",
        pruner_spec("successive_halving", min_resource=0),
    ),
    (
        lambda: pruners.SuccessiveHalvingPruner(min_resource="big"),
        "pruner",
        pruner_spec("successive_halving", min_resource="big"),
    ),
    (
        lambda: pruners.SuccessiveHalvingPruner(reduction_factor=1),
        "pruner",
        pruner_spec("successive_halving", reduction_factor=1),
    ),
    (
        lambda: pruners.SuccessiveHalvingPruner(min_early_stopping_rate=-1),
        "pruner",
        pruner_spec("successive_halving", min_early_stopping_rate=-1),
    ),
    (
        lambda: pruners.SuccessiveHalvingPruner(bootstrap_count=-1),
        "pruner",
        pruner_spec("successive_halving", min_resource=1, bootstrap_count=-1),
    ),
    (
        lambda: pruners.SuccessiveHalvingPruner(bootstrap_count=1),
        "pruner",
        pruner_spec("successive_halving", bootstrap_count=1),
    ),
    (lambda: pruners.HyperbandPruner(min_resource=0), "pruner", pruner_spec("hyperband", min_resource=0)),
    (lambda: pruners.HyperbandPruner(max_resource="big"), "pruner", pruner_spec("hyperband", max_resource="big")),
    (
        lambda: pruners.HyperbandPruner(min_resource=10, max_resource=9),
        "pruner",
        pruner_spec("hyperband", min_resource=10, max_resource=9),
    ),
    (lambda: pruners.HyperbandPruner(reduction_factor=1), "pruner", pruner_spec("hyperband", reduction_factor=1)),
    (lambda: pruners.HyperbandPruner(bootstrap_count=1), "pruner", pruner_spec("hyperband", bootstrap_count=1)),
    (lambda: pruners.ThresholdPruner(lower=2.0, upper=1.0), "pruner", pruner_spec("threshold", lower=2.0, upper=1.0)),
    (lambda: pruners.ThresholdPruner(lower=NAN), "pruner", pruner_spec("threshold", lower=NAN)),
    (
        lambda: pruners.ThresholdPruner(lower=0.0, n_warmup_steps=-1),
        "pruner",
        pruner_spec("threshold", lower=0.0, n_warmup_steps=-1),
    ),
    (
        lambda: pruners.ThresholdPruner(lower=0.0, interval_steps=0),
        "pruner",
        pruner_spec("threshold", lower=0.0, interval_steps=0),
    ),
    (lambda: pruners.PatientPruner(None, patience=-1), "pruner", pruner_spec("patient", patience=-1)),
    (
        lambda: pruners.PatientPruner(None, patience=1, min_delta=-1.0),
        "pruner",
        pruner_spec("patient", patience=1, min_delta=-1.0),
    ),
    (
        lambda: samplers.TPESampler(n_ei_candidates=0),
        "sampler",
        {"type": "tpe", "options": {"n_ei_candidates": 0}},
    ),
    (
        lambda: samplers.TPESampler(prior_weight=-1.0),
        "sampler",
        {"type": "tpe", "options": {"prior_weight": -1.0}},
    ),
    (lambda: samplers.RandomSampler(seed=-1), "sampler", {"type": "random", "seed": -1}),
    (lambda: samplers.QMCSampler(seed=2**64), "sampler", {"type": "qmc", "seed": 2**64}),
    (lambda: samplers.QMCSampler(qmc_type="halton"), "sampler", {"type": "qmc", "options": {"qmc_type": "halton"}}),
    (lambda: samplers.GridSampler({}), "sampler", {"type": "grid", "options": {"search_space": {}}}),
    (lambda: samplers.GridSampler({"x": []}), "sampler", {"type": "grid", "options": {"search_space": {"x": []}}}),
    (
        lambda: samplers.GPSampler(n_startup_trials=-1),
        "sampler",
        {"type": "gp", "options": {"n_startup_trials": -1}},
    ),
    (lambda: samplers.GPSampler(n_candidates=0), "sampler", {"type": "gp", "options": {"n_candidates": 0}}),
    (lambda: samplers.GPSampler(n_restarts=2**21), "sampler", {"type": "gp", "options": {"n_restarts": 2**21}}),
    (lambda: samplers.GPSampler(kernel="cubic"), "sampler", {"type": "gp", "options": {"kernel": "cubic"}}),
    (lambda: samplers.GPSampler(acquisition="ei"), "sampler", {"type": "gp", "options": {"acquisition": "ei"}}),
    (lambda: samplers.GPSampler(beta=1.0), "sampler", {"type": "gp", "options": {"beta": 1.0}}),
    (
        lambda: samplers.GPSampler(acquisition="ucb", beta=-1.0),
        "sampler",
        {"type": "gp", "options": {"acquisition": "ucb", "beta": -1.0}},
    ),
    (
        lambda: samplers.GPSampler(lengthscale_prior="flat"),
        "sampler",
        {"type": "gp", "options": {"lengthscale_prior": "flat"}},
    ),
    (
        lambda: samplers.BruteForceSampler(seed=2**64),
        "sampler",
        {"type": "brute_force", "seed": 2**64},
    ),
]


@pytest.mark.parametrize("make, kind, spec", VALUE_RULES)
def test_each_value_rule_raises_the_librarys_message(make, kind, spec):
    with pytest.raises(hone.InvalidArgumentError) as info:
        make()
    error = info.value
    assert isinstance(error, ValueError)
    assert error.status == Status.INVALID_ARGUMENT
    key = {"distribution": "search_space", "sampler": "sampler", "pruner": "pruner"}[kind]
    status, message = study_create_error({key: {"x": spec} if kind == "distribution" else spec})
    assert status == Status.INVALID_ARGUMENT
    # The study names where the spec sits ("search_space 'x': "), the check "distribution: ".
    assert str(error) and str(error).removeprefix("distribution: ") in message


def test_a_zero_float_step_gets_the_librarys_message(study):
    trial = study.ask()
    with pytest.raises(hone.InvalidArgumentError) as info:
        trial.suggest_float("x", 0.0, 1.0, step=0)
    _, message = study_create_error({"search_space": {"x": float_spec(0.0, 1.0, step=0.0)}})
    assert str(info.value) in message


@pytest.mark.parametrize(
    "make",
    [
        lambda: FloatDistribution("0", 1.0),
        lambda: FloatDistribution(0.0, 1.0, step="0.1"),
        lambda: IntDistribution(0, 2.5),
        lambda: IntDistribution("0", 1),
        lambda: CategoricalDistribution("abc"),
        lambda: pruners.PercentilePruner("50"),
        lambda: pruners.MedianPruner(n_startup_trials=1.5),
        lambda: pruners.HyperbandPruner(max_resource=9.0),
        lambda: pruners.ThresholdPruner(),
        lambda: pruners.PatientPruner("median", patience=1),
        lambda: samplers.RandomSampler(seed=1.5),
        lambda: samplers.GPSampler(n_candidates="8"),
        lambda: samplers.GPSampler(kernel=None),
    ],
)
def test_a_value_of_the_wrong_kind_is_a_type_error_here(make):
    with pytest.raises(TypeError):
        make()


def test_a_choice_of_another_type_is_kept_with_a_warning_as_in_optuna():
    with pytest.warns(UserWarning, match="cannot store it"):
        assert CategoricalDistribution([[1]]).choices == ([1],)


def test_distributions_take_the_librarys_grid():
    # As a study does (and Optuna), high is lowered onto the step grid.
    d = FloatDistribution(0, 1, step=0.25)
    assert (d.low, d.high, d.step, d.log) == (0.0, 1.0, 0.25, False)
    assert IntDistribution(0, 10, step=3).high == 9
    assert FloatDistribution(0, 1, step=0.3).high == _normalize("distribution", float_spec(0, 1, step=0.3))["high"]
    assert FloatDistribution(0, 1) == FloatDistribution(0.0, 1.0)


# The spec the library fills in for each Python class, with the required options given.
REFERENCE = {
    pruners.NopPruner: ("pruner", {"type": "nop"}),
    pruners.MedianPruner: ("pruner", {"type": "median"}),
    pruners.PercentilePruner: ("pruner", {"type": "percentile", "options": {"percentile": 25.0}}),
    pruners.SuccessiveHalvingPruner: ("pruner", {"type": "successive_halving"}),
    pruners.HyperbandPruner: ("pruner", {"type": "hyperband"}),
    pruners.ThresholdPruner: ("pruner", {"type": "threshold", "options": {"lower": 0.0}}),
    pruners.PatientPruner: ("pruner", {"type": "patient", "options": {"patience": 2}}),
    pruners.WilcoxonPruner: ("pruner", {"type": "wilcoxon"}),
    samplers.TPESampler: ("sampler", {"type": "tpe"}),
    samplers.RandomSampler: ("sampler", {"type": "random"}),
    samplers.QMCSampler: ("sampler", {"type": "qmc"}),
    samplers.GridSampler: ("sampler", {"type": "grid", "options": {"search_space": {"x": [1]}}}),
    samplers.GPSampler: ("sampler", {"type": "gp"}),
    samplers.BruteForceSampler: ("sampler", {"type": "brute_force"}),
    samplers.PartialFixedSampler: (
        "sampler",
        {"type": "partial_fixed", "options": {"fixed_params": {"x": 1}, "base_sampler": {"type": "random"}}},
    ),
    samplers.CmaEsSampler: ("sampler", {"type": "cmaes"}),
}


def python_defaults(function):
    return {
        name: p.default
        for name, p in inspect.signature(function).parameters.items()
        if p.default is not inspect.Parameter.empty
    }


def test_python_signature_defaults_are_the_librarys():
    compared = {}
    for cls, (kind, spec) in REFERENCE.items():
        core = _normalize(kind, spec)
        values = dict(core.get("options", {}), seed=core.get("seed"))
        given = spec.get("options", {})
        for name, default in python_defaults(cls.__init__).items():
            # A Python function: the library's spec only says whether there is one ("constraints").
            if name in given or name == "constraints_func":
                continue
            assert name in values, f"{cls.__name__}.{name} has a default the library does not know"
            assert default == values[name] and type(default) is type(values[name]) or (
                isinstance(default, float) and default == values[name]
            ), f"{cls.__name__}.{name}: Python {default!r}, library {values[name]!r}"
            compared[f"{cls.__name__}.{name}"] = default
    # Distribution flags: the classes and the suggest methods.
    for function, spec in [
        (FloatDistribution.__init__, float_spec(0, 1)),
        (IntDistribution.__init__, int_spec(0, 1)),
        (Trial.suggest_float, float_spec(0, 1)),
        (Trial.suggest_int, int_spec(0, 1)),
    ]:
        core = _normalize("distribution", {k: v for k, v in spec.items() if k in ("type", "low", "high")})
        for name, default in python_defaults(function).items():
            assert default == core[name], f"{function.__qualname__}.{name}: Python {default!r}, library {core[name]!r}"
            compared[f"{function.__qualname__}.{name}"] = default
    classes = {key.split(".")[0] for key in compared}
    # PartialFixedSampler's two arguments are required, as in Optuna: it has no defaults.
    assert {c.__name__ for c in REFERENCE} - {"NopPruner", "RandomSampler", "PartialFixedSampler"} <= classes
    assert len(compared) >= 40, sorted(compared)


def scalar(text):
    """A documented default written as JSON (a number, string, true, false, null or [ints])."""
    return json.loads(text)


SCALAR = r'(-?\d+(?:\.\d+)?(?:e-?\d+)?|"[^"]*"|true|false|null|\[[\d, ]*\])'


def balanced(text, start):
    """The text of the {...} block that opens at ``start``."""
    depth = 0
    for i in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            return text[start + 1 : i]
    raise AssertionError("unbalanced braces in the header")


def top_level(block):
    """``block`` with every nested {...} removed."""
    while re.search(r"\{[^{}]*\}", block):
        block = re.sub(r"\{[^{}]*\}", "", block)
    return block


def header_comment(name):
    """The documentation comment of the C function ``name`` in include/hone.h, without the stars."""
    header = (ROOT / "include" / "hone.h").read_text()
    end = header.index(f"hone_status {name}(")
    start = header.rindex("/**", 0, end)
    return re.sub(r"\n\s*\* ?", " ", header[start:end])


def test_the_c_header_states_the_librarys_sampler_and_pruner_defaults():
    text = header_comment("hone_study_create")
    references = {
        "tpe": [("sampler", {"type": "tpe"})],
        "qmc": [("sampler", {"type": "qmc"})],
        "gp": [("sampler", {"type": "gp"}), ("sampler", {"type": "gp", "options": {"acquisition": "ucb"}})],
        "cmaes": [("sampler", {"type": "cmaes"})],
        "brute_force": [("sampler", {"type": "brute_force"})],
        "median": [("pruner", {"type": "median"})],
        "successive_halving": [("pruner", {"type": "successive_halving"})],
        "hyperband": [("pruner", {"type": "hyperband"})],
        "threshold": [
            ("pruner", {"type": "threshold", "options": {"lower": 0.0}}),
            ("pruner", {"type": "threshold", "options": {"upper": 0.0}}),
        ],
        "patient": [("pruner", {"type": "patient", "options": {"patience": 2}})],
    }
    compared = {}
    for component, refs in references.items():
        match = re.search(rf"\b{component}(?: options)?: *\{{", text)
        assert match, f"the header documents no options of {component}"
        block = top_level(balanced(text, match.end() - 1))
        found = 0
        for key, value, note in re.findall(rf'"(\w+)": {SCALAR}(?: \| [^,]*)?( \([^)]*\))?', block):
            cores = [_normalize(kind, spec) for kind, spec in refs]
            # The reference that leaves the key to its default, and matches the note.
            core = next(
                c["options"]
                for c, (_, spec) in zip(cores, refs)
                if key not in spec.get("options", {}) and ("ucb" in note) == (spec.get("options", {}).get("acquisition") == "ucb")
            )
            assert key in core, f"{component}: the header documents '{key}', which the library does not know"
            assert scalar(value) == core[key], f"{component}.{key}: header {value}, library {core[key]!r}"
            compared[f"{component}.{key}"] = value
            found += 1
        assert found >= 1, f"no default of {component} found in the header"
    assert len(compared) >= 25, sorted(compared)


def test_the_c_header_states_the_librarys_mlp_defaults():
    header = (ROOT / "include" / "hone.h").read_text()
    start = header.index("The configuration is one JSON object")
    text = re.sub(r"\n\s*\* ?", " ", header[start : header.index("NULL or", start)])
    core = _normalize("mlp", None)
    compared = {}
    for key, value in re.findall(rf'"(\w+)" \({SCALAR}', text):
        assert key in core, f"the header documents '{key}', which the library does not know"
        assert scalar(value) == core[key] or [scalar(value)] == core[key], f"{key}: header {value}, library {core[key]!r}"
        compared[key] = value
    assert len(compared) >= 24, sorted(compared)


def swift_file(name):
    (path,) = ROOT.glob(f"Sources/**/{name}")
    return path.read_text()


def test_the_swift_pruner_docs_state_the_librarys_defaults():
    text = swift_file("Pruner+JSON.swift")
    bullets = re.findall(r"/// - `(\w+)`[^:]*: (.*?)(?=\n/// - |\n///\n)", text, re.S)
    compared = {}
    for component, body in bullets:
        body = re.sub(r"\n/// +", " ", body)
        for key, value in re.findall(r"`(\w+)` \((?:[^()]*?; )?default ([^),;]+)\)", body):
            spec = REFERENCE[{c._type: c for c in REFERENCE if issubclass(c, pruners.BasePruner)}[component]][1]
            core = _normalize("pruner", spec)["options"]
            assert scalar(value) == core[key], f"{component}.{key}: Swift doc {value}, library {core[key]!r}"
            compared[f"{component}.{key}"] = value
    assert {key.split(".")[0] for key in compared} == {
        "median",
        "successive_halving",
        "hyperband",
        "threshold",
        "patient",
        "wilcoxon",
    }
    assert len(compared) >= 17, sorted(compared)


def snake(name):
    return {"initialization": "init", "hypergradientLR": "hypergradient_lr"}.get(
        name, re.sub(r"([A-Z])", lambda m: "_" + m.group(1).lower(), name)
    )


def test_the_swift_mlp_config_docs_state_the_librarys_defaults():
    text = swift_file("MLPConfig.swift")
    body = text[text.index("public struct MLPConfig") :]
    core = _normalize("mlp", None)
    compared = {}
    # A doc line, then the properties it documents ("default 0.9 and 0.999" covers two).
    for doc, names in re.findall(r"/// ([^\n]*)\n((?:  public var \w+[^\n]*\n)+)", body):
        names = re.findall(r"public var (\w+)", names)
        match = re.search(r"default ([^;.]*?(?:\d\.\d+[^;.]*?)?)(?:\.$|;|$)|(\S+) \(default\)", doc)
        if not match:
            continue
        values = (match.group(1) or match.group(2)).split(" and ")
        assert len(values) == len(names), f"{names}: {doc}"
        for name, value in zip(names, values):
            key = snake(name)
            value = value.strip()
            expected = core[key]
            stated = scalar(value) if re.fullmatch(SCALAR, value) else value
            assert stated == expected or [stated] == expected, f"{name}: Swift doc {value!r}, library {expected!r}"
            compared[key] = value
    assert len(compared) >= 20, sorted(compared)
