/// The xoshiro256** generator of Blackman and Vigna, seeded through SplitMix64.
///
/// Samplers derive one generator per (seed, trial, parameter) so that a seeded
/// study gives the same suggestions whatever order workers ask in.
///
/// Inlinable, so that the numerics' inner loops (dropout masks, shuffles, weight
/// initialization) draw without a call into this module, as they did when both
/// were one module.
public struct Xoshiro256: RandomNumberGenerator, Sendable {
  @usableFromInline var s0, s1, s2, s3: UInt64

  /// Creates a generator whose whole state is expanded from `seed`.
  @inlinable
  public init(seed: UInt64) {
    var sm = SplitMix64(state: seed)
    s0 = sm.next()
    s1 = sm.next()
    s2 = sm.next()
    s3 = sm.next()
  }

  /// Creates a generator for one stream of a seeded sampler.
  @inlinable
  public init(seed: UInt64, stream: UInt64, substream: UInt64 = 0) {
    var h = SplitMix64(state: seed)
    let a = h.next() ^ stream &* 0x9E37_79B9_7F4A_7C15
    var g = SplitMix64(state: a)
    self.init(seed: g.next() ^ substream &* 0xD1B5_4A32_D192_ED03)
  }

  @inlinable
  public mutating func next() -> UInt64 {
    let result = rotl(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotl(s3, 45)
    return result
  }

  /// A uniform double in [0, 1) with 53 random bits.
  @inlinable
  public mutating func nextUnit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  @inlinable
  func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

/// SplitMix64, used to expand seeds and to hash stream identifiers.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  public var state: UInt64

  @inlinable
  public init(state: UInt64) { self.state = state }

  @inlinable
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// The 64-bit FNV-1a hash of a string's UTF-8 bytes, stable across runs and hosts.
///
/// Swift's `Hasher` is seeded per process, so it cannot name a random stream.
@inline(__always)
package func stableHash(_ s: String) -> UInt64 {
  var h: UInt64 = 0xCBF2_9CE4_8422_2325
  for b in s.utf8 {
    h ^= UInt64(b)
    h &*= 0x0000_0100_0000_01B3
  }
  return h
}

/// A seed from the system's entropy source, for samplers created without one.
package func entropySeed() -> UInt64 {
  var g = SystemRandomNumberGenerator()
  return g.next()
}
