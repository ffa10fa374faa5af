"""The version of the Python package; it must equal the library's ``hone_version()``."""

__version__ = "0.3.0"
