internal import CCPUID

/// The CPU features that decide which OpenBLAS kernel fits, read with CPUID and XGETBV.
///
/// A feature counts only where the OS also saves the registers it uses: AVX
/// needs the SSE and AVX state bits of XCR0, AVX-512 also the opmask and ZMM
/// bits 5–7. Off x86-64 there is no CPUID, the vendor is empty and no feature is set.
public struct CPUFeatures: Sendable, Equatable {
  /// The vendor string of CPUID leaf 0, e.g. "GenuineIntel" or "AuthenticAMD"; empty off x86-64.
  public var vendor = ""
  /// The instruction-set extensions the CPU reports (leaf 1 ECX, leaf 7 EBX, leaf 7.1 EAX).
  public var fma = false, avx = false, avx2 = false
  public var avx512f = false, avx512cd = false, avx512bw = false, avx512dq = false, avx512vl = false
  public var avx512bf16 = false
  /// Whether the OS saves the SSE and AVX register state (XCR0 bits 1–2).
  public var osAVXState = false
  /// Whether the OS also saves the AVX-512 opmask and ZMM state (XCR0 bits 5–7).
  public var osAVX512State = false

  /// The features of the CPU this process runs on.
  public static let current = CPUFeatures.read()

  /// The names of the extensions the CPU reports, in a fixed order.
  public var names: [String] {
    let all: [(String, Bool)] = [
      ("fma", fma), ("avx", avx), ("avx2", avx2), ("avx512f", avx512f), ("avx512cd", avx512cd),
      ("avx512bw", avx512bw), ("avx512dq", avx512dq), ("avx512vl", avx512vl), ("avx512_bf16", avx512bf16),
    ]
    return all.filter(\.1).map(\.0)
  }

  /// AVX, AVX2 and FMA with the OS saving the YMM state: what OpenBLAS's Haswell and Zen kernels need.
  public var usableAVX2: Bool { osAVXState && avx && avx2 && fma }

  /// The AVX-512 subsets OpenBLAS's SkylakeX kernels use (F, CD, BW, DQ, VL) with the OS saving ZMM state.
  public var usableAVX512: Bool {
    usableAVX2 && osAVX512State && avx512f && avx512cd && avx512bw && avx512dq && avx512vl
  }

  /// Reads the features with CPUID, asking only for leaves that leaf 0 lists.
  static func read() -> CPUFeatures {
    var f = CPUFeatures()
    guard hone_cpuid_supported() != 0 else { return f }
    let leaf0 = hone_cpuid(0, 0)
    f.vendor = vendorString(leaf0)
    let maxLeaf = leaf0.eax
    guard maxLeaf >= 1 else { return f }
    let leaf1 = hone_cpuid(1, 0)
    f.fma = bit(leaf1.ecx, 12)
    f.avx = bit(leaf1.ecx, 28)
    // XGETBV faults unless the OS has turned on XSAVE (OSXSAVE, leaf 1 ECX bit 27).
    if bit(leaf1.ecx, 27) {
      let xcr0 = hone_xgetbv0()
      f.osAVXState = xcr0 & 0x6 == 0x6
      f.osAVX512State = f.osAVXState && xcr0 & 0xE0 == 0xE0
    }
    guard maxLeaf >= 7 else { return f }
    let leaf7 = hone_cpuid(7, 0)
    f.avx2 = bit(leaf7.ebx, 5)
    f.avx512f = bit(leaf7.ebx, 16)
    f.avx512dq = bit(leaf7.ebx, 17)
    f.avx512cd = bit(leaf7.ebx, 28)
    f.avx512bw = bit(leaf7.ebx, 30)
    f.avx512vl = bit(leaf7.ebx, 31)
    // Leaf 7's EAX is the highest subleaf; subleaf 1 holds AVX512_BF16 in EAX bit 5.
    if leaf7.eax >= 1 { f.avx512bf16 = bit(hone_cpuid(7, 1).eax, 5) }
    return f
  }

  private static func bit(_ register: UInt32, _ n: UInt32) -> Bool { register >> n & 1 == 1 }

  /// The 12 vendor bytes of leaf 0, in EBX, EDX, ECX order.
  private static func vendorString(_ r: hone_cpuid_registers) -> String {
    var bytes: [UInt8] = []
    for register in [r.ebx, r.edx, r.ecx] {
      for shift in stride(from: UInt32(0), to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: register >> shift)) }
    }
    return String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
  }
}
