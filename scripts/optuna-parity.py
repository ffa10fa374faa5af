#!/usr/bin/env python3
"""Runs Optuna's own user-facing tests and tutorials against Hone, and reports the pass rate.

    scripts/optuna-parity.py /path/to/optuna-checkout \\
        --optuna-python /venv-with-optuna/bin/python --hone-python .venv/bin/python

The same test files run twice, in copies outside the checkout: once under the
real Optuna installed in ``--optuna-python`` (the baseline), once under Hone
through the alias package in ``scripts/optuna-alias`` (``import optuna`` gives
``hone``). The figure is the share of the tests that pass under Optuna that also
pass under Hone. CI has no Optuna checkout, so this is a script, not a test.

What counts as user-facing (``AREAS``, ``INTERNAL``, ``DESELECT``):
- the study, trial, distribution, pruner, sampler and storage tests;
- less the files whose subject is one of Optuna's private modules (its Parzen
  estimator, its GP internals, its RDB models…): Hone has its own internals;
- less the storage back ends that Optuna has and Hone does not claim: gRPC,
  Redis and the cached RDB wrapper (parametrizations named for them).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, List, Tuple

ROOT = Path(__file__).resolve().parent.parent
ALIAS = ROOT / "scripts" / "optuna-alias"

AREAS = [
    "tests/study_tests",
    "tests/trial_tests",
    "tests/test_distributions.py",
    "tests/pruners_tests",
    "tests/samplers_tests",
    "tests/storages_tests",
]

# Files that test Optuna's private modules rather than its API.
INTERNAL = [
    "tests/samplers_tests/tpe_tests/test_parzen_estimator.py",
    "tests/samplers_tests/tpe_tests/test_probability_distributions.py",
    "tests/samplers_tests/tpe_tests/test_truncnorm.py",
    "tests/samplers_tests/test_lazy_random_state.py",
    "tests/samplers_tests/test_gp.py",
    "tests/samplers_tests/test_base_gasampler.py",
    "tests/storages_tests/rdb_tests",
    "tests/storages_tests/test_cached_storage.py",
    "tests/storages_tests/test_grpc.py",
    "tests/storages_tests/journal_tests/test_combination_with_grpc.py",
    "tests/storages_tests/test_with_server.py",
]

# Parametrizations over back ends that only Optuna has.
DESELECT = "not journal_redis and not cached_sqlite and not grpc"


# Edits to Optuna's test harness (optuna/testing), which is scaffolding, not API:
# it names back ends that only Optuna has and disposes of SQLAlchemy engines.
# Each pattern must match, so that a new checkout cannot drift past them silently.
HARNESS_PATCHES = {
    "storages.py": [
        ("from optuna.storages import GrpcStorageProxy\n", ""),
        (
            "        if isinstance(self.storage, optuna.storages.RDBStorage):\n"
            "            self.storage.engine.dispose()\n"
            "        elif isinstance(self.storage, optuna.storages._CachedStorage):\n"
            "            self.storage._backend.engine.dispose()\n"
            "        elif self.storage_specifier == \"grpc_rdb\":\n"
            "            assert isinstance(self.backend_storage, optuna.storages.RDBStorage)\n"
            "            self.backend_storage.engine.dispose()\n",
            "",
        ),
    ],
}


# Edits to Optuna's test files for the Hone run only (the baseline runs them as
# written, so every test they hold stays in the denominator). A module-level
# import of one of Optuna's private classes would otherwise take down every test
# in the file; the placeholder is a class that nothing in Hone is an instance of,
# so the tests that use it still fail, honestly.
TEST_PATCHES = {
    "tests/samplers_tests/test_samplers.py": [
        (
            "from optuna.samplers._lazy_random_state import LazyRandomState\n",
            "class LazyRandomState:  # optuna-parity: Optuna's private RNG wrapper; Hone has none\n    pass\n",
        ),
    ],
}


def patch_tests(work: Path) -> None:
    for name, edits in TEST_PATCHES.items():
        path = work / name
        text = path.read_text()
        for old, new in edits:
            if old not in text:
                sys.exit(f"optuna-parity: the test patch for {name} no longer matches this checkout")
            text = text.replace(old, new)
        path.write_text(text)


def harness(checkout: Path, into: Path) -> Path:
    """A copy of Optuna's optuna/testing and optuna/_imports.py, with HARNESS_PATCHES applied."""
    root = into / "optuna"
    shutil.copytree(checkout / "optuna" / "testing", root / "testing")
    shutil.copy(checkout / "optuna" / "_imports.py", root / "_imports.py")
    for name, edits in HARNESS_PATCHES.items():
        path = root / "testing" / name
        text = path.read_text()
        for old, new in edits:
            if old not in text:
                sys.exit(f"optuna-parity: the harness patch for testing/{name} no longer matches this checkout")
            text = text.replace(old, new)
        path.write_text(text)
    return root


def run_pytest(python: str, workdir: Path, xml: Path, env: Dict[str, str], timeout: int) -> None:
    args = [python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--continue-on-collection-errors"]
    args += [f"--junitxml={xml}", "-k", DESELECT]
    if subprocess.run([python, "-c", "import pytest_timeout"], capture_output=True).returncode == 0:
        args += ["--timeout=300"]  # one hung test must not end the run
    args += [a for a in AREAS]
    args += [f"--ignore={p}" for p in INTERNAL]
    log = xml.with_suffix(".log")
    with open(log, "w") as out:
        subprocess.run(args, cwd=workdir, env=env, stdout=out, stderr=subprocess.STDOUT, timeout=timeout)


def outcomes(xml: Path) -> Dict[str, Tuple[str, str]]:
    """Test id -> (outcome, first line of the failure message)."""
    result: Dict[str, Tuple[str, str]] = {}
    for case in ET.parse(xml).getroot().iter("testcase"):
        key = f"{case.get('classname')}::{case.get('name')}"
        outcome, message = "passed", ""
        for child in case:
            if child.tag in ("failure", "error"):
                outcome = "failed"
                message = (child.get("message") or "").splitlines()[0][:160] if child.get("message") else ""
                break
            if child.tag == "skipped":
                outcome = "skipped"
        result[key] = (outcome, message)
    return result


def tutorials(checkout: Path) -> List[Path]:
    return sorted(p for p in (checkout / "tutorial").rglob("*.py") if p.name[0].isdigit())


def run_script(python: str, script: Path, env: Dict[str, str], timeout: int) -> Tuple[bool, str]:
    with tempfile.TemporaryDirectory() as cwd:
        try:
            done = subprocess.run(
                [python, str(script)], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
            )
        except subprocess.TimeoutExpired:
            return False, "timed out"
    tail = (done.stderr.strip().splitlines() or [""])[-1][:160]
    return done.returncode == 0, tail


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("checkout", type=Path, help="an Optuna source checkout (its tests/ and tutorial/)")
    parser.add_argument("--optuna-python", default=sys.executable, help="a Python with the real Optuna")
    parser.add_argument("--hone-python", default=sys.executable, help="a Python that imports hone")
    parser.add_argument("--out", type=Path, default=Path("optuna-parity"), help="where logs and results go")
    parser.add_argument("--baseline", type=Path, help="reuse this baseline junit XML instead of running Optuna")
    parser.add_argument("--skip-tests", action="store_true")
    parser.add_argument("--skip-tutorials", action="store_true")
    parser.add_argument("--timeout", type=int, default=5400, help="seconds per pytest run")
    args = parser.parse_args()

    checkout = args.checkout.resolve()
    if not (checkout / "tests").is_dir() or not (checkout / "optuna" / "testing").is_dir():
        parser.error(f"{checkout} is not an Optuna checkout (no tests/ or optuna/testing/)")
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)

    base_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "HONE_OPTUNA_HARNESS")}
    base_env.setdefault("OMP_NUM_THREADS", "1")
    hone_env = dict(base_env)
    paths = [str(ALIAS)]
    if "HONE_LIBRARY" in os.environ:  # a development tree: the bindings beside the library
        paths.append(str(ROOT / "bindings" / "python"))
    hone_env["PYTHONPATH"] = os.pathsep.join(paths)
    scratch = tempfile.TemporaryDirectory()
    hone_env["HONE_OPTUNA_HARNESS"] = str(harness(checkout, Path(scratch.name)))
    report: Dict[str, object] = {}

    if not args.skip_tests:
        with tempfile.TemporaryDirectory() as tmp:
            # Copies, so that the checkout's own optuna/ package never shadows either side.
            work = Path(tmp)
            shutil.copytree(checkout / "tests", work / "tests")
            base_xml = args.baseline or out / "optuna.xml"
            if args.baseline is None:
                run_pytest(args.optuna_python, work, base_xml, base_env, args.timeout)
            hone_xml = out / "hone.xml"
            patch_tests(work)
            run_pytest(args.hone_python, work, hone_xml, hone_env, args.timeout)
        base, ours = outcomes(base_xml), outcomes(hone_xml)
        internal = tuple(p.removesuffix(".py").replace("/", ".") for p in INTERNAL)
        expected = [k for k, (o, _) in base.items() if o == "passed" and not k.startswith(internal)]
        passed = [k for k in expected if ours.get(k, ("missing", ""))[0] == "passed"]
        per_file: Dict[str, List[int]] = defaultdict(lambda: [0, 0])
        reasons: Counter = Counter()
        for k in expected:
            module = k.split("::")[0]
            per_file[module][1] += 1
            outcome, message = ours.get(k, ("missing", "not collected (the module did not import)"))
            if outcome == "passed":
                per_file[module][0] += 1
            else:
                reasons[message or outcome] += 1
        report["tests"] = {
            "optuna_passed": len(expected),
            "hone_passed": len(passed),
            "rate": len(passed) / len(expected) if expected else 0.0,
            "per_file": {m: {"hone": h, "optuna": n} for m, (h, n) in sorted(per_file.items())},
            "top_failures": reasons.most_common(40),
        }
        print(f"tests: {len(passed)} of {len(expected)} that pass under Optuna pass under Hone "
              f"({100 * len(passed) / max(1, len(expected)):.1f}%)")
        for m, (h, n) in sorted(per_file.items()):
            print(f"  {h:4d} / {n:4d}  {m}")

    if not args.skip_tutorials:
        rows = []
        for script in tutorials(checkout):
            ok_optuna, why_optuna = run_script(args.optuna_python, script, base_env, 600)
            ok_hone, why_hone = (run_script(args.hone_python, script, hone_env, 600) if ok_optuna else (False, ""))
            rows.append({"script": str(script.relative_to(checkout)), "optuna": ok_optuna, "hone": ok_hone,
                         "why": why_hone if ok_optuna and not ok_hone else why_optuna if not ok_optuna else ""})
        runnable = [r for r in rows if r["optuna"]]
        report["tutorials"] = {"runnable": len(runnable), "hone": sum(r["hone"] for r in runnable), "rows": rows}
        print(f"tutorials: {sum(r['hone'] for r in runnable)} of the {len(runnable)} that run under Optuna run under Hone")
        for r in rows:
            mark = "ok " if r["hone"] else ("-- " if r["optuna"] else "n/a")
            print(f"  {mark} {r['script']}  {r['why']}")

    (out / "report.json").write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
