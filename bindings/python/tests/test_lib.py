"""The ctypes layer: loading, the version check, signatures, status mapping, memory."""
import ctypes
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import hone
from hone import _abi, _lib
from hone.exceptions import Status


def test_version_matches_library():
    assert hone.__version__ == "0.3.0"
    assert _lib.LIB.hone_version().decode() == hone.__version__
    major, minor, patch = (int(p) for p in hone.__version__.split("."))
    assert _lib.LIB.hone_version_number() == major * 1_000_000 + minor * 1_000 + patch


def test_version_mismatch_is_refused(monkeypatch):
    monkeypatch.setattr(_lib, "__version__", "9.9.9")
    with pytest.raises(ImportError, match=r"version mismatch: the Python package is 9\.9\.9 but .* is 0\.3\.0"):
        _lib.load_library(_lib.LIB_PATH)


def test_import_fails_on_version_mismatch():
    # A fresh interpreter whose package claims another version must not import.
    code = (
        "import sys, types\n"
        "sys.modules['hone._version'] = types.SimpleNamespace(__version__='0.0.1')\n"
        "try:\n"
        "    import hone\n"
        "except ImportError as e:\n"
        "    print('refused:', e)\n"
        "else:\n"
        "    print('imported')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=_child_env()
    ).stdout
    assert out.startswith("refused: hone: version mismatch: the Python package is 0.0.1"), out


def test_missing_library_is_an_import_error(tmp_path):
    env = _child_env()
    env["HONE_LIBRARY"] = str(tmp_path / "nowhere.so")
    proc = subprocess.run([sys.executable, "-c", "import hone"], capture_output=True, text=True, env=env)
    assert proc.returncode != 0
    assert "ImportError: hone: HONE_LIBRARY=" in proc.stderr and "names no file" in proc.stderr


def _child_env():
    import os

    env = dict(os.environ)
    # The child must import the same package as this process.
    package_root = os.path.dirname(os.path.dirname(hone.__file__))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
    return env


HEADER = Path(__file__).resolve().parents[3] / "include" / "hone.h"


def _header_prototypes():
    """name: the parameter declarations of every function prototype in include/hone.h."""
    text = re.sub(r"/\*.*?\*/", "", HEADER.read_text(), flags=re.S)
    prototypes = {}
    for match in re.finditer(r"[\w*\s]\b(hone_\w+)\s*\(([^()]*)\)\s*;", text):
        params = " ".join(match.group(2).split())
        prototypes[match.group(1)] = [] if params in ("", "void") else [p.strip() for p in params.split(",")]
    return prototypes


def _is_pointer(ctype):
    return ctype in (ctypes.c_void_p, ctypes.c_char_p) or issubclass(ctype, ctypes._Pointer)


@pytest.mark.skipif(shutil.which("nm") is None, reason="needs nm to list the library's symbols")
def test_every_exported_function_is_declared():
    out = subprocess.run(
        ["nm", "-D", "--defined-only", str(_lib.LIB_PATH)], capture_output=True, text=True, check=True
    ).stdout
    exported = {line.split()[-1] for line in out.splitlines() if " T hone_" in line}
    assert exported, out
    assert exported == set(_abi.FUNCTIONS)
    for name in exported:
        fn = getattr(_lib.LIB, name)
        restype, argtypes = _abi.FUNCTIONS[name]
        assert fn.restype == restype and tuple(fn.argtypes) == tuple(argtypes), name


def test_a_fast_path_must_pass_the_declared_types():
    c = ctypes
    declared = [c.POINTER(c.c_double), c.c_void_p, c.c_int64, c.c_char_p, c.c_double, c.c_double, c.c_double, c.c_bool]
    fn = _lib.unconverted("hone_trial_suggest_float", declared)
    assert fn.restype == _abi.FUNCTIONS["hone_trial_suggest_float"][0] and fn.argtypes is None
    # A Python int where C takes int64 would go as a 32-bit int: such a list is refused.
    with pytest.raises(ImportError, match="hone_trial_suggest_float"):
        _lib.unconverted("hone_trial_suggest_float", declared[:2] + [c.c_int] + declared[3:])


def test_suggestions_keep_every_bit_of_their_arguments(study):
    t = study.ask()
    assert t.suggest_int("n", -(2**63), 2**63 - 1, step=2**62) in (-(2**63), -(2**62), 0, 2**62)
    assert t.suggest_int("big", 2**40, 2**40) == 2**40
    assert t.suggest_float("tiny", 5e-324, 5e-324) == 5e-324
    assert t.suggest_float("g", 0.0, 1.0, step=0.25) in (0.0, 0.25, 0.5, 0.75, 1.0)
    assert study.trials[0].distributions["big"] == hone.distributions.IntDistribution(2**40, 2**40)


def test_generated_signatures_match_the_header():
    # The header is written by the same generator, but from a separate emitter:
    # every prototype must have an entry with as many parameters, each a pointer
    # exactly where the header's is.
    prototypes = _header_prototypes()
    assert set(prototypes) == set(_abi.FUNCTIONS)
    for name, params in prototypes.items():
        restype, argtypes = _abi.FUNCTIONS[name]
        assert len(argtypes) == len(params), name
        for param, argtype in zip(params, argtypes):
            assert _is_pointer(argtype) == ("*" in param), (name, param, argtype)
    assert _abi.FUNCTIONS["hone_free"][0] is None
    assert _abi.FUNCTIONS["hone_study_create"][1][0] == ctypes.POINTER(ctypes.c_void_p)


def test_enums_take_every_generated_value():
    assert {"HONE_" + s.name: s.value for s in Status} == _abi.hone_status_values
    assert {"HONE_TRIAL_" + s.name: s.value for s in hone.TrialState} == _abi.hone_trial_state_values


@pytest.mark.parametrize(
    "status, cls, builtin",
    [
        (Status.INVALID_ARGUMENT, hone.InvalidArgumentError, ValueError),
        (Status.NOT_FOUND, hone.NotFoundError, KeyError),
        (Status.STATE, hone.StateError, RuntimeError),
        (Status.EXHAUSTED, hone.ExhaustedError, hone.HoneError),
        (Status.NUMERIC, hone.NumericError, ArithmeticError),
        (Status.STORAGE, hone.StorageError, hone.HoneError),
        (Status.OUT_OF_MEMORY, hone.OutOfMemoryError, MemoryError),
        (Status.INTERNAL, hone.InternalError, hone.HoneError),
    ],
)
def test_every_status_maps_to_its_error(status, cls, builtin):
    # Leave a known last error on this thread, then map each status with it.
    handle = ctypes.c_void_p()
    assert _lib.LIB.hone_study_create(ctypes.byref(handle), b"[]") == Status.INVALID_ARGUMENT
    with pytest.raises(cls) as info:
        _lib._check(status)
    assert isinstance(info.value, builtin) and isinstance(info.value, hone.HoneError)
    assert info.value.status == status
    assert str(info.value) == "study options must be a JSON object, not array"


def test_ok_status_raises_nothing():
    assert _lib._check(Status.OK) is None


def test_unknown_option_key_is_named():
    handle = ctypes.c_void_p()
    status = _lib.LIB.hone_study_create(ctypes.byref(handle), b'{"direction": "minimize", "bogus_key": 1}')
    with pytest.raises(hone.InvalidArgumentError, match="unknown key 'bogus_key'"):
        _lib._check(status)
    assert handle.value is None


def test_unknown_sampler_option_is_named():
    sampler = hone.samplers.RandomSampler(seed=1)
    sampler._options = lambda: {"tempo": 3}
    with pytest.raises(hone.InvalidArgumentError, match="unknown key 'tempo'"):
        hone.create_study(sampler=sampler)


def test_strings_from_the_library_are_freed_after_reading(monkeypatch, study):
    freed = []
    real_free = _lib.LIB.hone_free

    class Spy:
        def __getattr__(self, name):
            return getattr(_lib.LIB, name)

        def hone_free(self, p):
            freed.append(p.value)
            real_free(p)

    monkeypatch.setattr(_lib, "LIB", Spy())
    study.optimize(lambda t: t.suggest_float("x", 0, 1), n_trials=3)
    monkeypatch.undo()
    trials = json.loads(study._text(_lib.LIB.hone_study_trials_json))
    assert len(trials) == 3
    # Each of the three tells read its trial back as text and freed it.
    assert len(freed) == 3 and all(freed)


BLAS_INFO_KEYS = {
    "library", "lapacke", "lapacke_error", "version", "config", "kernel", "kernel_source",
    "requested_kernel", "requested_kernel_took", "threads", "cpu",
}


def test_blas_info_is_a_dict_with_the_keys():
    info = hone.blas_info()
    assert isinstance(info, dict)
    assert BLAS_INFO_KEYS <= info.keys()
    assert set(info["cpu"]) >= {"vendor", "features", "os_avx_state", "os_avx512_state"}
    assert isinstance(info["cpu"]["features"], list)
    assert info["kernel_source"] in ("hone", "user", "openblas", "preloaded")
    assert info["kernel"] and "openblas" in info["library"]
    assert info["threads"] >= 1
    if info["requested_kernel"] is None:
        assert info["requested_kernel_took"] is None
    else:
        assert info["requested_kernel_took"] == (info["requested_kernel"].lower() == info["kernel"].lower())


def test_import_chooses_the_kernel_and_restores_the_environment():
    # A fresh interpreter without OPENBLAS_CORETYPE: importing hone loads OpenBLAS,
    # and the variable Hone set for that load is gone again afterwards.
    # os.environ is a copy taken at start-up, so the C environment is read through libc.
    code = (
        "import ctypes, json\n"
        "import hone\n"
        "getenv = ctypes.CDLL(None).getenv\n"
        "getenv.restype = ctypes.c_char_p\n"
        "print(json.dumps([hone.blas_info(), getenv(b'OPENBLAS_CORETYPE')]))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_CORETYPE"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    info, variable = json.loads(out.stdout)
    assert variable is None
    assert info["kernel_source"] in ("hone", "openblas")
    if info["kernel_source"] == "hone":
        assert info["requested_kernel_took"] is True
    else:
        assert info["requested_kernel"] is None
