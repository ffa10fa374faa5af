#ifndef HONE_CCPUID_SHIM_H
#define HONE_CCPUID_SHIM_H

// The CPUID and XGETBV instructions for Swift, which cannot emit assembly.
// Swift's ClangImporter compiles these static inline functions into the
// calling module; nothing is linked. On other architectures there is no CPUID:
// hone_cpuid_supported() is 0 and the others return zeros.

#include <stdint.h>

/// The four registers one CPUID leaf returns.
typedef struct {
  uint32_t eax, ebx, ecx, edx;
} hone_cpuid_registers;

/// 1 where the CPUID instruction exists (x86-64), else 0.
static inline int hone_cpuid_supported(void) {
#if defined(__x86_64__)
  return 1;
#else
  return 0;
#endif
}

/// CPUID of `leaf` and `subleaf`; the caller checks that leaf 0 lists `leaf`.
static inline hone_cpuid_registers hone_cpuid(uint32_t leaf, uint32_t subleaf) {
  hone_cpuid_registers r = {0, 0, 0, 0};
#if defined(__x86_64__)
  __asm__ __volatile__("cpuid" : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx) : "a"(leaf), "c"(subleaf));
#else
  (void)leaf;
  (void)subleaf;
#endif
  return r;
}

/// XCR0, the register state the OS saves on a context switch (XGETBV with ECX = 0).
///
/// Only valid when CPUID leaf 1 reports OSXSAVE (ECX bit 27); otherwise the
/// instruction faults, so the caller checks that bit first. The bytes spell
/// XGETBV for assemblers that predate it.
static inline uint64_t hone_xgetbv0(void) {
#if defined(__x86_64__)
  uint32_t lo, hi;
  __asm__ __volatile__(".byte 0x0f, 0x01, 0xd0" : "=a"(lo), "=d"(hi) : "c"(0));
  return ((uint64_t)hi << 32) | lo;
#else
  return 0;
#endif
}

#endif
