"""Builds the ``hone`` package with ``libhone.so`` inside it.

``pip install ./bindings/python`` and ``pip wheel ./bindings/python`` run
``swift build -c release --product hone`` in the repository root (two levels
above this file) and ship the library as ``hone/libhone.so``. Set
``HONE_LIBRARY`` to a built libhone.so to ship that one and skip the Swift
build; set ``SWIFT`` to choose the toolchain's ``swift``.

The wheel is tagged ``py3-none-<platform>``: it holds a native library but no
extension module, so any Python 3 on the platform can load it.
"""

import base64
import hashlib
import io
import os
import shutil
import subprocess
import sysconfig
import zipfile
from pathlib import Path
from typing import Optional

from setuptools import Command, Distribution, setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent
LIBRARY = "libhone.so"


def built_library() -> Path:
    """The libhone.so to ship: $HONE_LIBRARY, else a fresh release build of the repository."""
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
    swift = os.environ.get("SWIFT") or shutil.which("swift")
    if swift is None:
        raise SystemExit("swift is not on PATH: install Swift 6.3, or set HONE_LIBRARY to a built libhone.so")
    command = [swift, "build", "-c", "release", "--product", "hone"]
    subprocess.run(command, cwd=REPO_ROOT, check=True)
    bin_dir = subprocess.run(
        command + ["--show-bin-path"], cwd=REPO_ROOT, check=True, stdout=subprocess.PIPE, text=True
    ).stdout.strip()
    return Path(bin_dir) / LIBRARY


class BuildPyWithLibrary(build_py):
    """build_py that also puts libhone.so into the package."""

    def run(self) -> None:
        super().run()
        # An editable install imports the package from the source tree, so the library goes there.
        package_dir = HERE / "hone" if self.editable_mode else Path(self.build_lib) / "hone"
        self.mkpath(str(package_dir))
        # Always copy: copy_file skips a source older than the target, which a
        # HONE_LIBRARY switched to an older build would be.
        shutil.copy2(built_library(), package_dir / LIBRARY)

    def get_outputs(self, include_bytecode: bool = True) -> list:
        return super().get_outputs(include_bytecode) + [str(Path(self.build_lib) / "hone" / LIBRARY)]


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
                add(f"{dist_info}/METADATA", self.metadata())
                add(f"{dist_info}/WHEEL", wheel_info.encode())
                records.append(f"{dist_info}/RECORD,,")
                wheel.writestr(f"{dist_info}/RECORD", "\n".join(records) + "\n")


setup(distclass=PlatformDistribution, cmdclass={"build_py": BuildPyWithLibrary, "bdist_wheel": BdistWheel})
