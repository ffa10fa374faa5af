/* hone_hypervolume on mutated hone_array descriptors and extreme values.
 *
 * Input layout:
 *   byte 0   rows - 1 (1 to MAX_ROWS, taken % MAX_ROWS)
 *   byte 1   bits 0-2: objectives - 1 (1 to MAX_COLS, taken % MAX_COLS); bit 3:
 *            points are HONE_FLOAT64 (else HONE_FLOAT32); bit 4: the reference
 *            has the other float type; bits 5-7: the mutation (none,
 *            points.dtype, points.rows, points.cols, reference.rows,
 *            reference.cols, reference.dtype, a NULL or misaligned pointer)
 *   byte 2   the value: a dtype is byte % 6 (integers are refused, 4 and 5 are
 *            no hone_dtype); a count is byte % (maximum + 2), or from 0xfc up
 *            SIZE_MAX, 2^63, 2^62, 2^61, counts whose bytes overflow; for the
 *            pointers byte % 5: out NULL, points NULL, reference NULL,
 *            points.data NULL, points.data 4 bytes off its start
 *   then     rows * objectives bytes of points, then objectives bytes of the
 *            reference: a byte maps to (b - 128) / 16, or from 0xf8 up to NaN,
 *            +inf, -inf, DBL_MAX, -DBL_MAX, a denormal, 1e300 or -0
 *
 * Every buffer holds the largest shape at 8 bytes a value, so a mutated shape
 * never makes the library read past it. Hypervolume has no failure but a bad
 * argument: every call gives HONE_OK or HONE_INVALID_ARGUMENT, a failure leaves
 * `out` untouched, an unmutated call without NaN and with a finite reference
 * succeeds, and a success is >= 0 (+inf included, NaN not) and does not change,
 * beyond rounding, when the points come in the reverse order.
 *
 * MAX_ROWS and MAX_COLS keep WFG's cost, exponential in the objectives, small. */
#include "fuzz_common.h"

#include <float.h>
#include <math.h>

#define MAX_ROWS 16
#define MAX_COLS 5
#define CAPACITY ((MAX_ROWS + 2) * (MAX_COLS + 2))

static double value(uint8_t b) {
  static const double special[8] = {NAN, INFINITY, -INFINITY, DBL_MAX, -DBL_MAX, 4.9e-324, 1e300, -0.0};
  return b >= 0xf8 ? special[b - 0xf8] : (b - 128) / 16.0;
}

static size_t count(uint8_t b, size_t maximum) {
  static const size_t huge[4] = {SIZE_MAX, (size_t)1 << 63, (size_t)1 << 62, (size_t)1 << 61};
  return b >= 0xfc ? huge[b - 0xfc] : b % (maximum + 2);
}

/* Writes `v` as element i of a buffer of `dtype`. */
static void store(void *buffer, hone_dtype dtype, size_t i, double v) {
  if (dtype == HONE_FLOAT64) ((double *)buffer)[i] = v;
  else ((float *)buffer)[i] = (float)v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_cursor c = {data, size, 0};
  size_t rows = fuzz_u8(&c) % MAX_ROWS + 1;
  uint8_t shape = fuzz_u8(&c);
  uint8_t v = fuzz_u8(&c);
  size_t cols = (shape & 7) % MAX_COLS + 1;
  hone_dtype pt = (shape & 8) ? HONE_FLOAT64 : HONE_FLOAT32;
  hone_dtype rt = (shape & 16) ? (pt == HONE_FLOAT64 ? HONE_FLOAT32 : HONE_FLOAT64) : pt;
  int mutation = shape >> 5;

  /* 8-byte aligned storage, one spare value for the misaligned pointer. */
  static double points[CAPACITY + 1];
  static double reference[CAPACITY + 1];
  memset(points, 0, sizeof points);
  memset(reference, 0, sizeof reference);
  int nan = 0, finite_reference = 1;
  for (size_t i = 0; i < rows * cols; i++) {
    double x = value(fuzz_u8(&c));
    store(points, pt, i, x);
    nan |= isnan(x);
  }
  for (size_t j = 0; j < cols; j++) {
    double x = value(fuzz_u8(&c));
    store(reference, rt, j, x);
    /* A float64 beyond float32's range is infinite once stored as float32. */
    double stored = rt == HONE_FLOAT64 ? x : (double)(float)x;
    finite_reference &= isfinite(stored) != 0;
  }

  hone_array pa = {points, pt, rows, cols};
  hone_array ra = {reference, rt, 1, cols};
  double out = -1.0;
  double *outp = &out;
  const hone_array *pp = &pa, *rp = &ra;
  switch (mutation) {
    case 1: pa.dtype = (hone_dtype)(v % 6); break;
    case 2: pa.rows = count(v, MAX_ROWS); break;
    case 3: pa.cols = count(v, MAX_COLS); break;
    case 4: ra.rows = count(v, MAX_ROWS); break;
    case 5: ra.cols = count(v, MAX_COLS); break;
    case 6: ra.dtype = (hone_dtype)(v % 6); break;
    case 7:
      switch (v % 5) {
        case 0: outp = NULL; break;
        case 1: pp = NULL; break;
        case 2: rp = NULL; break;
        case 3: pa.data = NULL; break;
        default: pa.data = (const char *)points + 4; break;
      }
      break;
    default: break;
  }

  hone_status s = CALL(hone_hypervolume(outp, pp, rp));
  FUZZ_CHECK(s == HONE_OK || s == HONE_INVALID_ARGUMENT, "status %d", (int)s);
  if (s != HONE_OK) {
    FUZZ_CHECK(out == -1.0, "a failed call wrote out = %g", out);
    FUZZ_CHECK(mutation != 0 || nan || !finite_reference, "a valid call failed");
    return 0;
  }
  FUZZ_CHECK(out >= 0, "hypervolume %g", out);

  if (mutation == 0) {
    /* The same points in the reverse order. */
    static double reversed[CAPACITY];
    size_t width = pt == HONE_FLOAT64 ? sizeof(double) : sizeof(float);
    for (size_t i = 0; i < rows; i++) {
      memcpy((char *)reversed + (rows - 1 - i) * cols * width, (const char *)points + i * cols * width, cols * width);
    }
    hone_array qa = {reversed, pt, rows, cols};
    double again = -1.0;
    FUZZ_CHECK(CALL(hone_hypervolume(&again, &qa, &ra)) == HONE_OK, "the reversed points failed");
    FUZZ_CHECK(again == out || fabs(again - out) <= 1e-9 * out, "%.17g reversed, %.17g in order", again, out);
  }
  return 0;
}
