// The numerics' public API throws HoneError and reads and writes JSON, so a
// module that imports HoneNumerics sees HoneSupport too.
@_exported public import HoneSupport
