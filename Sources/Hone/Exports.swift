// The lower layers' public types are part of `import Hone`: a host catches
// HoneError, reads JSON, and trains an MLPModel without importing the layers.
@_exported public import HoneNumerics
@_exported public import HoneSupport
