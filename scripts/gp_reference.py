"""Reference values for Tests/HoneNumericsTests/GPAcquisitionTests.swift, computed with mpmath at 60 digits.

Prints Swift array literals of (z, value) pairs for
  log h(z) = log(phi(z) + z*Phi(z))          (LogEI's log_h, Ament et al. 2023)
  Phi(z)/h(z), phi(z)/h(z)                    (its derivative ratios)
  log Phi(z)                                  (LogPI)
  erfcx(x) = exp(x^2) erfc(x)
Run: python3 scripts/gp_reference.py   (needs `pip install mpmath`)
"""
import mpmath as mp

mp.mp.dps = 60

Z = ["-1e4", "-1e3", "-100", "-40", "-20", "-10", "-5", "-2", "-1", "-0.5", "0", "0.5", "1", "2", "5", "10"]
X = ["-3", "-0.5", "0", "0.3", "1", "5", "11.9", "12.1", "30", "1e3", "1e6"]


def phi(z):
    return mp.exp(-z * z / 2) / mp.sqrt(2 * mp.pi)


def cdf(z):
    return mp.erfc(-z / mp.sqrt(2)) / 2


def h(z):
    return phi(z) + z * cdf(z)


def literal(rows):
    return "[\n" + "".join(f"    ({z}, {mp.nstr(v, 20, min_fixed=-1, max_fixed=-1)}),\n" for z, v in rows) + "  ]"


def main():
    zs = [(z, mp.mpf(z)) for z in Z]
    print("logH =", literal([(s, mp.log(h(z))) for s, z in zs]))
    print("cdfOverH =", literal([(s, cdf(z) / h(z)) for s, z in zs]))
    print("densityOverH =", literal([(s, phi(z) / h(z)) for s, z in zs]))
    print("logCDF =", literal([(s, mp.log(cdf(z))) for s, z in zs]))
    print("erfcx =", literal([(s, mp.exp(mp.mpf(s) ** 2) * mp.erfc(mp.mpf(s))) for s in X]))


if __name__ == "__main__":
    main()
