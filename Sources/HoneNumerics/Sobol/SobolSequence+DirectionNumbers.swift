// The primitive polynomials and initial direction numbers below are the first 1111 rows of
// new-joe-kuo-6.21201 by S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better
// two-dimensional projections", SIAM J. Sci. Comput. 30, 2635-2654 (2008),
// https://web.maths.unsw.edu.au/~fkuo/sobol/ -- the same table scipy.stats.qmc.Sobol ships.
// Their licence asks that this notice travel with the numbers:
//
// -----------------------------------------------------------------------------
// Licence pertaining to sobol.cc and the accompanying sets of direction numbers
// -----------------------------------------------------------------------------
// Copyright (c) 2008, Frances Y. Kuo and Stephen Joe
// All rights reserved.
//
// Redistribution and use in source and binary forms, with or without
// modification, are permitted provided that the following conditions are met:
//
//     * Redistributions of source code must retain the above copyright
//       notice, this list of conditions and the following disclaimer.
//
//     * Redistributions in binary form must reproduce the above copyright
//       notice, this list of conditions and the following disclaimer in the
//       documentation and/or other materials provided with the distribution.
//
//     * Neither the names of the copyright holders nor the names of the
//       University of New South Wales and the University of Waikato
//       and its contributors may be used to endorse or promote products derived
//       from this software without specific prior written permission.
//
// THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS ``AS IS'' AND ANY
// EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
// WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
// DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDERS BE LIABLE FOR ANY
// DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES
// (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES;
// LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND
// ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
// (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
// SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
// -----------------------------------------------------------------------------

/// Joe & Kuo's primitive polynomials and initial direction numbers for dimensions 2...1111.
///
/// The table is generated from scipy's `_sobol_direction_numbers.npz` (rows 1..<1111),
/// so an unscrambled sequence reproduces scipy.stats.qmc.Sobol point for point.
extension SobolSequence {
  /// The largest dimension the built-in direction numbers cover.
  public static let maxDimension = 1111

  /// One row of the table: a primitive polynomial and its initial direction numbers.
  struct DirectionRow: Sendable {
    /// The polynomial's coefficients as bits, leading and constant terms included
    /// (x^3 + x + 1 is 0b1011), so its degree is `bitWidth - leadingZeroBitCount - 1`.
    var polynomial: UInt32
    /// m_1...m_s, where m_k is odd and below 2^k and s is the polynomial's degree.
    var initial: [UInt32]
  }

  /// Rows for dimensions 2...maxDimension, parsed once from `packedTable`.
  ///
  /// Dimension 1 is the van der Corput sequence and needs no row.
  static let directionRows: [DirectionRow] = parseDirectionRows(packedTable)

  /// Splits the packed table into rows; each row is a polynomial followed by as many
  /// initial numbers as its degree, so no separators beyond whitespace are needed.
  static func parseDirectionRows(_ text: String) -> [DirectionRow] {
    var tokens: [UInt32] = []
    tokens.reserveCapacity(14333)
    var current: UInt32 = 0
    var inToken = false
    for byte in text.utf8 {
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a")) + 10
      default:
        if inToken { tokens.append(current) }
        current = 0
        inToken = false
        continue
      }
      current = current << 4 | digit
      inToken = true
    }
    if inToken { tokens.append(current) }

    var rows: [DirectionRow] = []
    rows.reserveCapacity(maxDimension - 1)
    var i = 0
    while i < tokens.count {
      let polynomial = tokens[i]
      let degree = UInt32.bitWidth - polynomial.leadingZeroBitCount - 1
      rows.append(DirectionRow(polynomial: polynomial, initial: Array(tokens[i + 1...i + degree])))
      i += 1 + degree
    }
    return rows
  }

  /// Hex tokens: for each dimension from 2 on, its polynomial, then m_1...m_s.
  ///
  /// A string rather than an array literal because the type checker takes seconds on
  /// a literal with tens of thousands of elements and a string costs nothing to compile.
  private static let packedTable = """
    3 1 7 1 3 b 1 3 1 d 1 1 1 13 1 1 3 3 19 1 3 5 d 25 1 1 5 5 11 29 1 1 5 5 5 2f 1 1 7 b 13 37 1 1 5 1
    1 3b 1 1 1 3 b 3d 1 3 5 5 1f 43 1 3 3 9 7 31 5b 1 1 1 f 15 15 61 1 3 1 d 1b 31 67 1 1 1 f 7 5 6d 1 3
    1 f d 19 73 1 1 5 5 13 3d 83 1 3 7 b 17 f 67 89 1 3 7 d d f 45 8f 1 1 3 d 7 23 3f 91 1 3 5 9 1 19 35
    9d 1 3 1 d 9 23 6b a7 1 3 1 5 1b 3d 1f ab 1 1 5 b 13 29 3d b9 1 3 5 3 3 d 45 bf 1 1 7 d 1 13 1 c1 1
    3 7 5 d 13 3b cb 1 1 3 9 19 1d 29 d3 1 3 5 d 17 1 37 d5 1 3 7 3 d 3b 11 e5 1 3 1 3 5 35 45 ef 1 1 5
    5 17 21 d f1 1 1 7 7 1 3d 7b f7 1 1 7 9 d 3d 31 fd 1 3 3 5 3 37 21 11d 1 3 1 f 1f d 31 f5 12b 1 3 5
    f 1f 3b 3f 61 12d 1 3 1 b b b 4d f9 14d 1 3 1 b 1b 2b 47 9 15f 1 1 7 f 15 b 51 2d 163 1 3 7 3 19 1f
    41 4f 165 1 3 1 1 13 b 3 cd 169 1 1 5 9 13 15 1d 9d 171 1 3 7 b 1 21 59 b9 187 1 3 3 3 f 9 4f 47 18d
    1 3 7 b f 27 77 1b 1a9 1 1 3 1 b 1f 61 e1 1c3 1 1 1 3 17 2b 39 b1 1cf 1 3 7 7 11 11 25 47 1e7 1 3 1
    5 1b 3f 7b d5 1f5 1 1 3 5 b 2b 35 85 211 1 3 5 5 1d 11 2f ad 1df 21b 1 3 3 b 3 1 6d 9 45 221 1 1 1 5
    11 27 17 5 157 22d 1 3 1 5 19 f 1f 67 1f3 233 1 1 1 b b 11 3f 69 b7 259 1 1 5 b 9 1d 61 e7 16b 25f 1
    1 5 f 13 2d 29 7 17f 269 1 3 7 7 1f 13 53 89 dd 26f 1 1 1 3 17 f 6f df 53 277 1 1 5 d 1f f 37 19 a1
    27d 1 1 3 d 19 2f 27 57 101 287 1 1 1 b 15 35 7d f9 125 295 1 1 7 b b 7 39 4f 143 2a3 1 1 5 5 11 d
    51 3 83 2a5 1 1 7 d 17 7 41 fb 1db 2af 1 3 5 1 9 2b 3 95 b 2b7 1 1 3 d 1f d d ff 1e7 2bd 1 3 3 1 5
    3f 59 5b 7f 2cf 1 1 3 3 1 13 7b 7f ed 2d1 1 1 5 7 17 1f 25 f3 121 2db 1 1 5 b 11 35 75 b7 1eb 2f5 1
    1 1 5 1 d d d1 159 2f9 1 1 3 f 1 39 73 7 21 313 1 3 1 b 7 2b 51 cf af 315 1 3 1 1 f 1b 3f ff 31 31f
    1 3 5 3 1b 3d 69 ab 131 323 1 1 5 3 1 3 39 f9 95 331 1 1 3 5 5 39 f d 9f 33b 1 1 1 b 7 b 69 8d e1
    34f 1 3 3 5 1b 3b 79 65 10f 35b 1 3 5 9 b 31 33 3b 73 361 1 1 7 1 17 2d 7d 47 1a3 36b 1 1 3 5 17 5
    69 6d 4b 36d 1 1 7 f 7 b 43 79 1c5 373 1 3 7 3 9 d 1f 1b 1c1 37f 1 3 1 f 13 27 27 59 f 385 1 1 1 1 1
    21 49 91 17b 38f 1 3 1 f f 2b 1d d 1e3 3b5 1 1 7 3 13 1b 55 83 1af 3b9 1 3 3 3 5 23 17 c3 15d 3c7 1
    3 3 7 9 1b 27 3b 129 3cb 1 1 3 9 b 11 d f1 9d 3cd 1 3 7 f 19 39 21 bd d5 3d5 1 1 7 1 9 37 49 53 d9
    3d9 1 3 3 d 13 1b 17 71 f9 3e3 1 3 5 3 17 2b 3 fd 1df 3e9 1 1 5 5 b 5 2d 75 d9 3fb 1 3 3 7 1d 25 21
    7b 93 409 1 3 1 f 5 5 25 e3 df 1cb 41b 1 1 7 5 5 27 3f ff 87 1e7 427 1 3 1 7 9 7 57 f9 d9 257 42d 1
    1 3 d 9 2f 7 e1 16b f7 465 1 3 7 d 13 d 9 43 9 2e1 46f 1 3 5 5 13 3b 7 29 13f 2a5 481 1 1 5 3 1f 3f
    f 2b cf 315 48b 1 1 7 9 d 27 3 2f 1f1 a9 4c5 1 3 1 7 15 11 61 13 19f 389 4d7 1 3 7 1 3 1f 47 6f a5
    7f 4e7 1 1 5 b 1 3d 53 77 cb 34f 4f3 1 3 3 d 9 3d 13 61 2f 23 4ff 1 1 7 7 f 1d 3f 5f 1a1 1d5 50d 1 3
    1 9 19 9 47 39 d5 181 519 1 3 5 d 1f 2f 65 39 27 155 523 1 1 3 3 1f 39 7d ad 16d 227 531 1 3 7 1 d
    39 43 9d 1c3 2c3 53d 1 1 1 7 15 d 69 59 1ad 3c5 543 1 1 5 9 11 33 2d 77 9d 8d 557 1 3 7 7 d 2d 5b 9
    81 2e5 56b 1 3 7 1 17 39 43 8d 97 23b 585 1 1 3 b 11 2f 5d 6b 177 9d 58f 1 3 3 5 b 15 2b 33 a9 393
    597 1 1 5 3 f 37 65 43 1c7 271 5a1 1 3 5 9 1 17 1d 2f 159 253 5c7 1 3 7 7 5 31 1d 9b 143 24d 5e5 1 3
    3 7 5 29 7f 3d 105 2cd 5f7 1 3 7 7 11 17 75 43 81 3f1 5fb 1 1 3 d b 27 15 cf 7b 131 613 1 1 3 9 1d 3
    5f 2f e7 49 615 1 3 1 9 1 1d 75 15 1b9 103 625 1 3 1 d 15 27 7d d3 1b7 2d3 637 1 1 7 3 11 3f 73 59
    31 305 643 1 3 7 d b 21 65 6b 3f 49 64f 1 1 5 5 d 39 3f 87 1b5 b1 65b 1 1 3 7 1b 3f 5d 2f 1a1 1e3
    679 1 1 3 1 17 1d 1 bf 31 17 67f 1 1 3 f 19 37 9 65 db 25f 689 1 3 1 7 7 13 33 fb 189 133 6b5 1 3 3
    3 19 37 11 4b 151 3 6c1 1 1 1 d 19 11 41 2d 1df 19d 6d3 1 1 7 7 1b 31 63 a1 d5 2d7 6df 1 3 5 1 17 5
    2b 29 fb 359 6fd 1 3 3 7 b 3d 27 57 17f 343 717 1 1 3 f d 7 1d 7 1f9 39b 71d 1 3 7 1 5 1f 2f 9d 1bd
    1f5 721 1 1 3 7 1 2b 9 93 73 25d 739 1 3 3 d 5 1 77 d3 1c7 3e9 747 1 1 3 5 d 13 3 f3 4b 34b 74d 1 3
    7 7 1 13 5b f9 165 24d 755 1 1 1 9 1 19 6d c5 117 19b 759 1 3 1 f 17 39 3b 87 bf 4b 763 1 1 5 f 1d
    15 27 fd 17f 15d 77d 1 3 3 5 13 2d 3d 97 c7 3d5 78d 1 3 5 d 9 3d 6b 8d 8d 1 793 1 3 1 b 1b 19 55 69
    135 3d3 7b1 1 3 3 b 13 7 73 df 15d 2b 7db 1 1 7 9 15 27 7b 15 113 39f 7f3 1 1 7 d f 29 2f f3 12f 1b5
    7f9 1 1 1 7 7 3 f 63 199 2cf 805 1 3 3 f 1b 31 71 7b 71 43 1d5 817 1 3 7 b 3 17 57 a9 77 1e3 c7 82b
    1 1 5 f 7 11 6d e5 b3 d5 2e5 82d 1 1 5 d b 11 19 87 193 22d 599 847 1 3 1 1 1 3d 43 d7 bd 3b1 4db
    863 1 1 7 d 11 21 9 dd 1ad d9 68f 865 1 1 3 b 1b 3 f 5d 5d 361 419 871 1 3 7 7 19 29 79 23 175 17b
    60b 87b 1 3 3 9 b 23 2d cd f1 9 3b 88d 1 3 1 7 3 33 7 b1 35 3cf 59 895 1 1 3 5 1b 1 71 e7 12b 2f7
    35d 89f 1 3 3 f 19 1d 5 ff 8b 37b 7ef 8a9 1 3 1 1 d 9 6d c1 1a3 5f 11 8b1 1 1 7 9 3 7 1d 29 87 347
    363 8cf 1 1 7 9 19 31 7b d9 71 38d d7 8d1 1 1 7 3 17 f 2b 85 d9 147 385 8e1 1 1 3 3 d 35 3f 7b 1dd
    2c7 56b 8e7 1 1 3 f 7 1d 4b 77 b5 3bd f7 8eb 1 1 1 b 1b 19 6d 97 10b 63 5b5 8f5 1 3 7 f 5 5 35 91 b
    2d5 5dd 90d 1 3 7 1 9 2b 47 e5 9d 25f 72b 913 1 3 3 d 19 1 5 1b 1d7 15d 7f 925 1 1 1 1 17 25 9 dd
    10d 381 695 929 1 1 3 3 1f 1d 33 13 137 229 7b1 93b 1 3 7 5 5 37 11 27 1db 29f 5f9 93d 1 1 7 1 1 23
    2f 1b 1b5 18b 663 945 1 1 7 3 d 17 2b 87 147 8b 185 949 1 3 7 3 9 19 5b 19 1ad db 201 951 1 1 3 5 d
    1d 77 c9 115 9d 7fb 95b 1 3 5 3 1d 39 d 11 a7 2e3 407 973 1 3 3 5 1d 15 5f 1b ff 2a7 5fb 975 1 3 7 f
    9 5 15 47 3d 3c1 4b1 97f 1 3 5 d f 39 21 5d 1cb 363 df 983 1 1 1 f 11 2b 7f bf 43 b1 431 98f 1 1 1 f
    17 7 15 c7 4b 125 64b 9ab 1 3 7 d f 27 15 95 41 2e5 13f 9ad 1 3 7 b 17 d 65 59 115 207 2c7 9b9 1 3 7
    f 13 1b 55 cb 1b9 61 767 9c7 1 3 1 3 1d 19 15 9b b bf c5 9d9 1 1 7 5 1b b 51 65 1c9 2a3 697 9e5 1 3
    1 5 19 5 41 c1 29 237 30d 9f7 1 3 1 5 b f 71 4d 19b 2b7 457 a01 1 1 3 9 b 35 77 ab 37 129 1fd a07 1
    1 1 1 b 27 71 8b a5 15b 253 a13 1 3 7 b 9 11 65 d 51 145 6c5 a15 1 3 1 1 15 2b 73 9 71 38b 285 a29 1
    1 7 3 9 19 75 c5 9f 1d7 1db a49 1 3 1 9 b 15 39 cf 1e5 265 67d a61 1 1 7 7 1b 37 31 df 59 55 5f3 a6d
    1 1 5 3 13 29 2d 33 1bf 12b 54b a79 1 3 1 d 1 21 75 8f 139 bb 431 a7f 1 1 7 7 5 b 41 61 179 179 5dd
    a85 1 3 1 1 15 23 5f 41 63 17 4d7 a91 1 1 5 9 3 25 5f a7 73 1a9 363 a9d 1 3 3 d 1 25 1b bd 51 2a7
    305 aa7 1 1 3 b 1 3d 63 e9 1ad 3c9 31 aab 1 1 1 7 19 3f 63 a5 f5 319 477 ab3 1 1 5 b b 2b 37 41 47
    11b 111 ab5 1 1 5 5 9 3 65 fb 163 17b 64b ad5 1 1 1 f 15 3f 55 63 31 2ed 537 adf 1 1 5 d 1b 9 79 2b
    ff 2cb 121 ae9 1 3 1 5 1b 13 11 df 4d 23b 587 aef 1 1 5 3 d 3b 7d fb c3 227 6c9 af1 1 3 3 f d 1b 31
    69 185 3cb 2f3 afb 1 3 5 f 17 2b 23 6b 1bf 2fb fd b03 1 3 5 b 15 3 11 27 1f1 197 263 b09 1 1 7 d f
    1f 71 11 17 1fb 7cb b11 1 1 7 f 3 f 1f 99 1a7 4f 1f7 b33 1 1 7 9 13 19 17 ab 1f9 39b 7c5 b3f 1 1 5 9
    15 1b 79 df 85 57 2b9 b41 1 1 5 5 9 13 6b 63 13f 2fd 5b5 b4b 1 1 3 3 13 19 3 65 ab 2d9 bb b59 1 1 3
    1 d 17 55 5d 123 d1 25 b5f 1 1 1 f 19 19 4d fd 14d 3b3 431 b65 1 1 3 9 11 1d 37 2f ff 131 7f5 b6f 1
    3 3 9 1d 3f 9 67 1e9 3ab 5f3 b7d 1 3 7 f 7 1f 59 af 171 153 253 b87 1 3 7 d 19 5 47 cf fb 16f 299
    b8b 1 3 3 3 15 19 4b 23 1f 141 643 b93 1 1 1 9 b 1 41 5 b 149 217 b95 1 1 5 3 13 d 11 2b 17b 1e5 17f
    baf 1 3 5 d d 9 55 93 1e9 313 46d bb7 1 3 1 1 5 33 25 81 c3 129 6f7 bbd 1 1 3 f 13 39 3b b5 1c7 2b9
    7f1 bc9 1 3 7 1 1b 9 41 91 145 bd c9 bdb 1 3 1 f 1f 17 13 5 1e5 245 21b bdd 1 1 7 d b f 41 53 b9 34f
    33f be7 1 3 5 7 7 37 49 f 12f 1ff 771 bed 1 3 5 9 7 15 2d f 18d 181 255 c0b 1 3 7 3 17 d 49 dd 1ff
    373 4f1 c0d 1 1 3 b 1 33 49 b9 21 3cf 5a1 c19 1 3 3 9 13 3b 15 27 153 25 8f c1f 1 1 7 1 1f 21 13 a7
    75 27b 27f c57 1 1 1 3 5 d 3b 53 163 15d 7af c61 1 1 1 5 13 3 35 85 61 35f 3d7 c6b 1 3 1 d 9 29 5b
    69 ad 61 271 c73 1 1 5 3 7 31 73 85 47 e7 427 c85 1 1 7 5 11 2b 2f 2d 1f1 223 2f5 c89 1 3 5 f 15 3d
    7b bf f9 1f 277 c97 1 3 7 9 11 7 b b9 7f a9 79f c9b 1 1 5 d b b 9 31 1d 7d 317 c9d 1 1 1 f 1f 29 d
    a7 111 1ad 39 cb3 1 3 5 3 1b 7 23 d1 41 109 571 cbf 1 3 1 d 1f 13 35 8f 87 9 3fd cc7 1 1 7 d 1f 5 73
    99 8f 3bd 26f ccd 1 1 5 b 19 13 1d 1f 129 3af 1bb cd3 1 3 3 5 15 b 7f 51 1df 19 2bb cd5 1 1 3 b 19
    1f 61 13 c3 30d 2c1 ce3 1 1 5 5 1f b 4b cf c5 375 7f5 ce9 1 1 1 b 9 17 1d e7 133 11 5d9 cf7 1 1 5 b
    b 2b 6f e9 133 20b 4eb d03 1 1 7 5 1 15 6b e5 157 3a5 d9 d0f 1 1 1 b 3 15 7d 83 195 257 5bd d1d 1 3
    5 5 9 27 21 51 185 97 32b d27 1 1 7 7 7 1 3b df 109 211 7e5 d2d 1 3 1 3 9 17 55 b5 2f 109 31 d41 1 3
    5 b 13 17 9 7 9d 12b 7bf d47 1 3 1 5 f 5 15 69 1d 153 411 d55 1 1 1 1 5 21 41 55 6f 2c1 1df d59 1 1
    1 7 9 23 4d 57 97 141 65 d63 1 1 5 7 11 1 33 c5 af 32b 4cd d6f 1 3 3 f 17 25 55 b9 ef 21f 2db d71 1
    3 1 7 7 37 6f 6d 121 1b7 f3 d93 1 1 7 b 11 35 23 d9 103 355 683 d9f 1 3 1 9 1 3f 57 11 49 235 443
    da9 1 1 3 3 b 29 1 39 127 107 405 dbb 1 1 5 1 1b 2d 6d a1 19b 1a5 573 dbd 1 3 5 b 19 23 2f bf 153
    1a1 6bf dc9 1 1 5 f 15 1 5d fb 15f d9 6e7 dd7 1 3 3 b 3 7 4b 9b 139 d3 1eb ddb 1 3 3 5 b 9 65 a1 1c5
    391 42b de1 1 1 3 1 f 2d 7f 8d a3 2d7 63d de7 1 3 3 7 1 21 3f 49 49 155 69b df5 1 3 5 d f 27 35 eb
    4d 63 3b5 e05 1 1 5 d 1f 11 61 d d7 12d 787 e1d 1 1 7 1 1 25 5b 5d 1b9 fb 46b e21 1 3 7 9 19 5 69 45
    51 3af 5b3 e27 1 3 7 b 1f 2b d d1 1b 3f9 1f5 e2b 1 1 7 f 1 21 1f e9 a1 1fb 183 e33 1 3 3 5 5 35 21
    b1 1f7 273 787 e39 1 1 7 b 7 3d 77 1f 1c9 e5 753 e47 1 1 5 f 13 5 35 c9 9d 375 421 e4b 1 3 7 9 1 23
    33 71 f9 1a9 3f1 e55 1 3 5 7 15 35 25 9b 77 159 277 e5f 1 3 5 7 f 1f 6d 45 1f7 253 757 e71 1 3 3 1
    19 23 41 83 193 2c1 1f7 e7b 1 3 7 7 13 21 b 99 2d 279 1f3 e7d 1 3 3 5 b 3 1d 5d 1e7 21 2bf e81 1 1 3
    f 15 35 6b b3 183 39f 6dd e93 1 1 3 7 15 2d 33 93 af 13d 169 e9f 1 1 1 7 7 d f f3 10d 31b 7ad ea3 1
    1 3 5 13 21 39 73 1bb 219 273 ebb 1 3 3 9 3 27 19 3d b9 2cd 419 ecf 1 3 7 3 7 25 6b 99 7 10d 62d edd
    1 1 7 3 7 29 5b 29 91 1e9 4dd ef3 1 1 5 9 7 7 69 51 193 197 11b ef9 1 1 7 9 1b 37 1d 4d c1 3c3 3b5
    f0b 1 1 5 3 19 33 6b 3f 193 395 32f f19 1 1 7 3 7 3d 13 33 1c9 257 217 f31 1 3 7 1 17 33 69 99 ef d7
    737 f37 1 1 3 5 1b 17 4f 31 1ef 2d 78f f5d 1 1 1 b b 2f 37 85 1ef 3e7 5b5 f6b 1 1 3 f 1b 33 5d 11
    163 2fb 68b f6d 1 3 1 3 1 3 4f 77 1f3 11 3e3 f75 1 1 1 1 f 2b 2d 11 a7 3cd 31f f83 1 1 1 3 1b 31 59
    1d 1e3 391 7e7 f91 1 1 3 3 5 b 4b 7 29 353 263 f97 1 3 1 3 7 39 27 7b 101 11b 1fb f9b 1 3 3 b 1b 17
    71 e5 bb 12b 85 fa7 1 1 3 d 9 3f 65 4d 1c3 a9 151 fad 1 3 7 3 3 3b 2d c3 e5 19f 199 fb5 1 3 5 3 b 13
    47 5d 2b 359 171 fcd 1 3 7 9 13 21 73 13 f1 2bf f7 fd3 1 3 5 b 5 23 15 9b 1cf 3ed 431 fe5 1 3 7 3 19
    f 6d 53 5d 45 4a5 fe9 1 3 5 7 5 15 5d 85 87 a7 387 1053 1 1 7 7 3 3b 79 a1 11d 32f 6e9 e79 1069 1 3
    1 1 3 2f 67 ab 17d 261 b9 175 107b 1 3 3 f 17 21 6b 83 1b9 1bd 2b1 80b 107d 1 3 3 b 7 35 65 a7 1b3
    323 4e7 ec5 1099 1 1 5 b f 3b 29 13 87 343 4ef 1f9 10d1 1 1 7 b 15 31 17 db 7f 3c1 429 181 10eb 1 3
    5 f 7 2f 75 d9 2d 2db 667 2dd 1107 1 1 7 b 1b 39 5b 57 51 23 4f5 3ef 111f 1 1 3 b f 25 35 db c1 3a9
    76b e95 1123 1 3 5 3 d b 1b 13 c7 189 3c5 893 113b 1 3 1 3 5 1 25 ad 19d 3ff 229 199 114f 1 3 1 7 f
    1d 7b 5f ff 175 707 f01 1157 1 3 5 d 15 39 33 11 1ff c3 485 727 1161 1 1 1 f 1d 13 7 49 127 207 24b
    dc3 116b 1 1 5 d d 23 73 bf 7b 217 2cd 67d 1185 1 3 3 5 17 15 2f fb 17b 399 45f 129 11b3 1 3 3 9 1d
    35 79 c9 87 c1 20b b7f 11d9 1 1 1 7 1d 2d 7d 9 63 363 1a9 259 11df 1 3 1 9 d f 43 b5 6d 125 519 c07
    120d 1 3 3 9 5 23 f d1 131 57 2ff aeb 1237 1 3 3 b 1b 39 71 7b b3 283 95 20b 123d 1 1 3 f b 11 43 df
    3f 291 14f ced 1267 1 1 1 9 19 1d 6d 9f 27 201 23b 6e1 1273 1 1 3 1 5 3f 4b 13 1c7 259 7b 2b3 127f 1
    1 1 3 15 5 2d a9 179 201 79f a05 12b9 1 1 3 b 3 21 77 45 fd 38b 325 5a9 12c1 1 1 5 d 1f f 11 7 1f3
    3d 2af 74b 12cb 1 3 7 b 11 21 49 4d 12b f3 281 929 130f 1 1 7 b 9 23 1f eb 167 287 17b 489 131d 1 3
    3 f 1f 19 5 43 21 2d 1b5 fe3 1321 1 1 3 b 7 11 25 57 14d fd 5ed b69 1339 1 1 7 f 7 f 6b bd 99 301
    5f1 d63 133f 1 3 5 d 5 3d 71 25 125 189 71 2b 134d 1 1 1 f 1d 2b 6b 1f a7 93 12d 3fd 1371 1 1 1 d 3
    1 23 5d c3 b5 7eb 5d3 1399 1 3 3 3 d 21 4d c7 99 dd 6a3 e57 13a3 1 3 5 d 7 31 7b 9b 1ef 2a9 333 329
    13a9 1 3 5 f 1b 3d 75 bd b7 377 269 fd5 1407 1 1 1 7 1f 3b 7d eb 185 171 1bf 40f 1431 1 3 5 1 5 27
    73 59 f9 179 1af ea3 1437 1 1 1 5 7 2f 3b 9d 4d 1bd 2bb d6f 144f 1 1 3 5 b 15 13 4b b 257 627 2df
    145d 1 3 5 3 13 d 29 45 c7 8f 6e1 c8f 1467 1 3 5 7 13 2b 19 29 29 b 66f adf 1475 1 3 1 9 13 2d 6f 61
    195 18f 1c9 c93 14a7 1 1 3 1 17 f 41 79 3b 3d9 33d 8d3 14ad 1 1 3 7 11 d 6b e5 4b 227 513 93b 14d3 1
    1 5 5 15 39 17 c7 1fd 8b 7d7 f23 150f 1 3 1 b 13 35 f e5 d7 2e5 2b7 337 151d 1 3 7 1 1d 3 11 a3 1a1
    22f 225 13f 154d 1 3 1 d 11 9 2f 85 16d 7 791 42f 1593 1 3 5 7 13 25 37 a3 12d f9 2b1 917 15c5 1 3 5
    d b 17 3d cd 101 179 267 5b1 15d7 1 3 5 1 17 25 d 4b 14b 1ef 243 d27 15dd 1 1 1 9 1 17 31 81 1db 21f
    373 9e3 15eb 1 3 1 5 17 3b 33 23 157 2b7 db 171 1609 1 3 3 1 1b 11 3f 61 47 1fb 789 265 1647 1 1 5 1
    15 1f b 6d f7 199 719 87d 1655 1 1 3 f 17 9 7 d1 12d 17 93 69b 1659 1 1 7 5 5 13 25 e5 f9 115 45b
    905 16a5 1 1 1 5 5 3f 5 f9 11d 1af 157 9a3 16bd 1 1 1 b 7 2d 23 4b 1f9 219 1d b67 1715 1 3 5 f b 27
    f 3f 107 9 c7 1bd 1719 1 3 3 3 1b 3f 35 ab e3 3f 419 33b 1743 1 1 3 d 7 b 73 b7 b3 3a9 6f9 17d 1745
    1 3 1 b d f 6b 51 35 127 6f9 ead 1775 1 3 3 d b 5 6d f3 3 1f9 143 55d 1789 1 3 3 b 15 33 11 b1 17d
    3a9 4ef f31 17ad 1 3 5 9 1b 19 55 c1 8f 23d 4a5 bb3 17b3 1 3 5 b d 9 51 15 9f 3b9 5b 6d7 17bf 1 1 3
    3 1b 3d b fd 187 14d 451 27b 17c1 1 3 3 f 9 39 5f 51 1a3 2df fb 475 1857 1 1 5 9 1f 27 3b d 13f 327
    4d9 981 185d 1 3 3 5 1b d 6b 8d 1a7 3a9 7eb ca1 1891 1 3 3 9 9 19 7d 17 1bb 343 4dd 34f 1897 1 1 7 f
    11 11 53 6b 19b 11d 34f 623 18b9 1 1 3 d 1d 3d 25 51 15d 2d7 5ad 7a5 18ef 1 3 7 b 1f d 3b 4d 111 24f
    4f1 5fd 191b 1 1 7 7 d 11 19 19 bb 149 15b 5c1 1935 1 3 7 7 5 33 25 63 dd 99 1f7 a17 1941 1 3 1 d 13
    1b b 45 b5 1df 49f c9d 1965 1 3 3 d 17 15 67 93 143 38d 3b3 13b 197b 1 3 1 3 17 1 1f 3b 5d 201 2d
    8df 198b 1 3 5 1 7 2b 6d 3b e7 29 5eb 951 19b1 1 3 1 5 1f 39 31 df 11b 3f5 b 2bd 19bd 1 1 5 1 13 35
    37 1f 1f 12b 1ef 2b5 19c9 1 3 3 9 5 21 4d fd 1ab 317 2db 3fb 19cf 1 3 7 b 1 9 77 cb 35 36d 6ab dab
    19e7 1 1 3 7 d 27 37 9f 1a7 71 675 d7f 1a1b 1 1 3 5 15 2f 33 3b 37 19b 3a3 fb 1a2b 1 3 7 3 1f 19 51
    73 195 ef 2e5 1c7 1a33 1 1 5 1 1f 3 65 53 1df 1eb 6f3 8b1 1a69 1 3 3 3 9 25 6b a1 cb 1f7 2ff d6b
    1a8b 1 3 7 9 1 1b 3d 77 e9 27 55f ff9 1ad1 1 1 5 9 1 1f 2d 33 171 24b 17f afd 1ae1 1 3 7 5 1f 7 31
    77 1e7 24f 65b 35 1af5 1 1 7 1 9 2f 1 df 171 2c7 643 77d 1b0b 1 3 5 3 15 25 6f 11 1e3 2e3 4a9 ad7
    1b13 1 3 3 7 11 b 33 75 1c7 bf 5d5 eed 1b1f 1 1 5 9 17 27 63 b5 157 1e5 63 78b 1b57 1 3 1 7 1d 31 1f
    47 1e9 20f 6e3 b5d 1b91 1 1 5 b 5 5 49 bd 141 39 4a7 e65 1ba7 1 1 5 f d 2d 7d cf 173 19f 13b 3d7
    1bbf 1 3 3 5 19 3b 21 1f ef 397 743 a95 1bc1 1 3 5 d 1b 3d 17 73 3d 19d 4fb de7 1bd3 1 3 7 f 5 3b 65
    51 2f 3c7 329 c75 1c05 1 1 5 b 1f f 27 19 ad 1f9 329 a75 1c11 1 1 5 9 13 d 5f 59 1ff 7f 573 b77 1c17
    1 1 5 5 1f 2d 9 39 5b 12f 50f c8f 1c27 1 3 3 3 13 f 71 bb d9 1e9 505 70b 1c4d 1 1 3 1 d 1d 39 8b ff
    c5 219 887 1c87 1 3 1 f b 7 35 ff 1d3 9 2f5 c5f 1c9f 1 3 3 f 15 d 9 bd 167 143 31 14d 1ca5 1 3 7 b 7
    25 15 77 191 9d 67b 42d 1cbb 1 1 5 7 11 21 73 e5 95 97 7eb 117 1cc5 1 1 5 f 5 31 4d 9b 17f 181 7c1
    3b1 1cc9 1 3 7 3 7 37 55 29 165 20f 6b3 653 1ccf 1 1 3 1 15 2d 73 15 c7 3c7 62d edf 1cf3 1 1 3 7 15
    27 75 bf a9 49 19d d59 1d07 1 1 1 d 1 1f 39 c3 e7 141 16f 403 1d23 1 3 7 3 b 1d 2f a1 47 1a3 6b9 1b5
    1d43 1 1 7 3 b 9 2b 41 9d 1 73b 337 1d51 1 1 1 5 15 f 1f 65 125 12b 7f 529 1d5b 1 1 7 1 1b 1 b e5 f1
    2c1 2b 5c3 1d75 1 3 7 1 5 f 49 b7 c1 37 541 31 1d85 1 3 3 3 13 3 37 15 a9 297 68b 89 1d89 1 1 1 d 7
    15 45 43 175 3c5 4f9 8e7 1e15 1 1 7 7 15 17 11 2b 155 34d 1d1 d1b 1e19 1 3 5 5 19 5 51 65 e9 8b 167
    809 1e2f 1 1 3 b f 27 37 3 1d7 2fd 477 f65 1e45 1 1 7 f 9 39 51 4f d7 1b1 14d f0f 1e51 1 1 5 5 13 2d
    53 1f d1 16b 2bd 517 1e67 1 3 7 5 1 d 37 a3 1b3 327 11f 7ef 1e73 1 3 3 7 3 3 11 c5 27 a9 1e9 6e9
    1e8f 1 1 3 5 1d 2b 57 a1 121 153 4d1 931 1ee3 1 3 3 9 15 9 4d 1 1c5 a7 66b 8b3 1f11 1 1 7 1 f 7 43
    21 c1 f1 407 923 1f1b 1 3 1 b 1 3f 2d 41 109 295 351 7bb 1f27 1 3 1 d 13 31 3 b 9f d5 293 b17 1f71 1
    3 5 b 9 1d 1b e3 fd 1c1 57b d63 1f99 1 1 3 1 7 3 4d 8f 115 30b 5db 1db 1fbb 1 1 1 5 b 17 57 83 189
    351 c1 c75 1fbd 1 3 5 b 3 3 59 9 1c1 f3 5dd 6cb 1fc9 1 3 1 9 1d 1d 71 f 41 263 87 e67 201b 1 1 1 9
    15 13 27 97 18b 1f5 53b 3bf aa5 2027 1 3 7 1 7 23 2d 21 77 e1 65f 69f 5b3 2035 1 1 1 3 19 37 25 4f
    a7 38b 433 10f fdb 2053 1 3 5 d 5 d 35 a5 1b5 43 6a9 c69 1f9f 2065 1 3 3 d 1b 39 5f 37 1bb f5 799
    6bd 789 206f 1 3 1 9 5 21 6d 23 63 33b 155 961 96b 208b 1 1 5 9 7 21 2b 27 57 31f 27b d99 1bf7 208d
    1 3 1 1 1f f 2d 1b 151 71 3db 811 9e1 209f 1 1 5 9 5 f 69 7b 1df 121 649 881 1215 20a5 1 3 5 b 1f 2f
    61 57 181 c3 411 28b cc7 20af 1 1 3 7 11 3 65 37 57 275 697 56b ab9 20bb 1 3 5 5 7 15 9 ed 139 225
    453 75 1827 20bd 1 1 3 9 9 5 37 c9 1e7 353 44f bb1 fd7 20c3 1 1 5 9 1f 13 3b 7 16b 17d 48f 809 1653
    20c9 1 3 3 f 17 3f 13 e3 183 33b 1e7 419 1d2f 20e1 1 3 1 5 17 19 3d f5 16b 35f 3c3 dff 194b 20f3 1 1
    5 1 5 1b 51 55 113 31 eb cdb 4ab 210d 1 1 5 7 17 35 55 6b 1ff 30b 4f1 445 1eb3 2115 1 3 3 1 9 15 4b
    db 3b 1e5 6cb f05 455 2129 1 3 5 1 d 29 13 8f 125 187 7e7 6ff 112f 212f 1 3 7 f 15 d 15 c3 d7 19d
    20b 833 925 213b 1 1 1 3 1d 33 2f 39 87 23f 3af 689 21d 2143 1 3 5 1 9 d 71 af 1bf 73 291 fed 1755
    2167 1 1 1 b 11 29 25 5f 129 243 38f 89f 953 216b 1 3 5 3 17 b 17 e7 5d 29b 2c7 61b 1f19 2179 1 1 7
    3 11 3b d b5 8d 3df 719 1c9 6af 2189 1 3 3 5 1f 3b 51 cd f5 219 419 3e5 717 2197 1 3 7 5 11 d 9 4f
    11 b9 5 8a3 1877 219d 1 3 7 d 7 35 3d 91 d 11d 4b3 3b3 b75 21bf 1 1 7 3 1f 13 45 d9 2f 1b9 765 2a1
    1163 21c1 1 1 1 1 19 9 17 e1 181 275 25b ea3 1091 21c7 1 3 1 9 5 25 1f ed 1af 4f 5f1 1cb 9db 21cd 1
    3 7 3 9 2b 69 b3 5 e1 31f 6f1 131d 21df 1 1 3 1 1d 2d 1d 9f 10b f7 1c7 34f f45 21e3 1 1 3 7 19 15 79
    39 1d3 113 2cf 5f1 1c97 21f1 1 3 1 3 b 23 77 7b 51 3d3 4a3 e27 10c5 21fb 1 1 1 7 f 19 79 eb 19 1e7
    369 6fb 7b9 2219 1 1 1 b 3 7 11 87 159 161 17f fab a0d 2225 1 3 7 f 1b d 61 7b 41 2a3 3b7 505 199f
    2237 1 3 7 3 7 1 47 13 145 2fd 151 4ad a89 223d 1 3 5 1 1f 25 b 47 a9 11b 53 ed9 1bab 2243 1 1 3 f
    11 1d 53 41 113 2a7 6d5 fa7 1e45 225b 1 1 3 1 15 b 29 5f ed 169 71b adf 94f 225d 1 3 7 b 1d 39 6f bb
    1d1 91 25d 7c3 1fad 2279 1 1 3 3 13 f 37 53 165 3e9 283 5ed 1981 227f 1 3 1 5 1d 23 49 17 4d 26b 5f3
    6bd 1fd1 2289 1 1 5 5 13 17 7 c5 1c1 151 2cd b69 13b 2297 1 3 5 9 7 3f 75 61 61 32d 785 b01 62b 229b
    1 1 1 b 1f 7 19 eb e7 85 3ef 55b 611 22b3 1 1 7 5 13 7 2f ab 10b f3 533 237 1791 22bf 1 1 5 1 7 31
    37 59 6d 2df 5af c79 185f 22cd 1 1 1 7 1 3d 9 67 3 3a1 5c9 b6f b8d 22ef 1 1 5 d 11 15 4b 31 ff 3fb
    489 855 499 22f7 1 3 1 3 d f 29 f7 d3 199 48b 20b a4b 22fb 1 3 7 7 15 3b 5b 95 1df 187 2a9 907 1869
    2305 1 1 5 b 1b 35 15 d3 c5 32f 2cf 645 ff 2327 1 1 3 3 9 21 3b 3 143 1 65 46f 1fa9 232b 1 3 3 1 1d
    5 11 8d 33 3df 349 147 f13 2347 1 3 1 5 b 13 17 59 af ad a5 b41 759 2355 1 1 1 f d 33 57 27 1ef 263
    53d 5fb 1b75 2359 1 1 3 b d 37 4b b9 39 3d 77d 803 174d 236f 1 1 5 5 7 35 b d9 d5 3a5 399 e17 1437
    2371 1 3 3 5 11 35 67 fb 171 30d 527 e85 1157 237d 1 3 5 d 1 27 19 eb 141 305 fb c27 18fd 2387 1 1 7
    3 1f 5 19 1d 145 181 521 7f 1261 238d 1 1 5 f f 1b f 55 ef f3 661 d91 a3d 2395 1 3 3 3 9 13 71 d 89
    a5 19 b8d 1d7d 23a3 1 3 1 3 b 15 3 61 1a1 b7 4b5 59d f7 23a9 1 1 7 3 11 15 7d 37 43 183 181 913 377
    23b1 1 3 5 5 1d b 67 df e9 281 85 19f 511 23b7 1 3 3 b 1 9 5 bd eb 3ef 553 f91 379 23bb 1 3 7 9 17
    13 13 b7 10d 193 66b de7 1445 23e1 1 3 7 3 1d 2d 11 45 1db 95 50b a81 1dc9 23ed 1 3 7 3 1b 25 29 49
    fd 3e9 1af 457 1ecf 23f9 1 1 7 5 3 7 57 8f 121 1ef 277 bc3 1807 240b 1 1 1 d 5 2d 11 a7 17 3cf 321
    7b7 1ab1 2413 1 3 1 b 7 15 27 17 d5 1ad 515 80b c5 241f 1 3 3 f 3 39 79 85 1d 2c7 7a9 9c1 bd 2425 1
    1 3 5 b 37 73 89 e9 2a1 3d9 b21 1717 2429 1 1 7 f 1d 2d 1 f1 149 143 39d b05 d03 243d 1 1 5 7 d 1f
    51 69 c7 91 c3 555 13ff 2451 1 3 7 b 3 37 b 1f 75 157 4f1 72d 993 2457 1 1 3 7 1d 39 3d b3 1ad 24f
    b1 799 86f 2461 1 3 5 b 17 31 65 89 153 143 40b 6d5 1e39 246d 1 3 1 d 15 23 37 4f 13 10d 41f a5b
    1bab 247f 1 3 3 b 9 9 5f a7 1b5 169 4a1 ff3 25b 2483 1 1 1 7 1f 3d 4d 41 1e9 291 2b3 977 1033 249b 1
    3 5 7 15 25 57 bf 137 1c5 7dd 33d a3b 249d 1 1 5 9 11 2f 23 65 5 32d 485 4ff 1cc5 24b5 1 1 5 3 b 23
    71 c7 171 2d1 385 5bf 1e79 24bf 1 3 1 5 9 3d 53 9d 187 2e3 7a5 84b 10f5 24c1 1 3 5 b 13 13 6f e1 17f
    db 3e5 2cd 1d51 24c7 1 3 1 b d 3f 23 7f d1 33f 1f5 bc9 db3 24cb 1 3 7 9 1d 7 b a3 51 233 5a5 c8f
    18e9 24e3 1 3 7 b 19 3 27 c3 1eb 2d 347 fb5 1323 2509 1 3 7 f d 5 43 8f 75 1f9 501 e5f 163f 2517 1 3
    7 9 9 13 15 dd 93 2fb 2ab 8a3 24d 251d 1 1 3 5 15 2f 35 6d 12b 327 481 4b9 1f19 2521 1 3 7 b 9 1f 2d
    2b 1f9 287 467 a79 1335 252d 1 1 5 f 1f 29 3f 71 18f 2d7 2a1 a1b 148b 2539 1 1 1 d 11 35 23 63 39 f3
    5a7 77f b0f 2553 1 3 7 b 17 33 d 9 31 1c1 3e5 c01 1137 2555 1 3 5 7 17 21 59 29 19f 35 2b9 459 5d1
    2563 1 1 3 7 1 d 1d d ff 2ed 4d d87 6e1 2571 1 3 3 7 d f 5d bf 135 365 2e3 411 bed 2577 1 3 5 d 5 13
    6d d3 15b 347 37d b83 1e37 2587 1 3 1 d 1b 3 77 9d 1e5 63 6a7 f37 23d 258b 1 3 7 b 1 17 7b 69 1f 167
    113 6ef e65 2595 1 3 3 5 1b b 7d 3 19d c7 7fb b4f b81 2599 1 3 3 3 f 31 79 9f e9 21f c1 fa7 141 259f
    1 1 3 5 9 2f 57 1 33 3f3 63b 8bf 1943 25af 1 3 7 9 1 21 57 89 1d5 2ed 585 325 1aa1 25bd 1 3 1 d 13
    2d 5f e3 1d 2a5 4fb d43 1163 25c5 1 1 7 5 7 3f 21 47 1bb 231 51f bfd 1b1f 25cf 1 1 1 d 9 25 17 45 d
    19f 5c7 4ad 35d 25d7 1 3 3 d 1b 15 d e9 69 309 159 98b 451 25eb 1 1 7 b 17 d 15 93 dd 225 49 aa9
    1887 2603 1 1 7 7 19 1b f 2d e3 27 4b 4a7 deb 2605 1 1 5 7 d 31 63 a7 e3 d 161 417 1f8b 2611 1 1 3 d
    1f 9 1b 7 1cd 2e1 617 cab 35 262d 1 3 1 1 15 29 61 a5 ab 335 24b 859 8f5 263f 1 3 1 b 11 29 1d bb 57
    257 5bb 573 172b 264b 1 1 1 9 9 31 59 cd 199 1c5 3d 783 4e9 2653 1 3 7 3 9 2b 59 8f 1af 53 4db 703
    e0f 2659 1 3 5 d 3 19 3b db 2b df 31d a5b 177f 2669 1 1 5 f 7 37 41 cf d5 137 507 4f5 1943 2677 1 3
    7 b 15 39 1f b7 15f 359 38f 693 1bf3 267b 1 3 5 b 1b 1 15 2f 183 17f 639 73 edd 2687 1 3 1 1 d 17 57
    ad b5 26b 675 f5b 17b9 2693 1 1 7 5 11 2b 25 3d 133 26d 6f9 37 73 2699 1 3 7 f 19 3d 7b f ed 29f 5c1
    1d3 773 26b1 1 1 7 5 1d 39 4b ed 55 2bb 9f df9 12a3 26b7 1 1 1 b 19 13 33 1 93 1f 37f a39 271 26bd 1
    3 7 5 1d f 73 af 18b 187 475 723 49d 26c3 1 3 5 7 11 7 b c1 59 f3 231 ecb 11c7 26eb 1 3 1 b 7 39 7
    7d 193 3b3 4ed 199 1f93 26f5 1 1 5 d 15 3f 73 e9 e7 399 6d3 e33 9d7 2713 1 1 5 b 3 1b f 5b 1f9 24f
    5ab f29 bb5 2729 1 1 3 b 15 9 6d 99 13d 215 251 f7f aed 273b 1 3 3 d 9 39 79 f5 db 363 3c7 317 1bb7
    274f 1 1 1 9 1d 15 63 23 177 3bf 149 ff7 1c03 2757 1 1 1 9 b 11 11 61 59 87 277 ee1 cb5 275d 1 1 1 f
    15 33 5b f9 1cb 321 2f5 931 7f1 276b 1 3 5 9 17 1d 4d 35 18f 2ff 719 87b 65d 2773 1 1 3 5 1d 5 2b 79
    11 35b 5c7 ec9 19f1 2779 1 1 3 7 7 3d 2d 6d 173 341 5b 99 11c9 2783 1 1 3 b 7 37 51 7b 185 8b 78d
    37b 6fd 2791 1 3 7 f 19 11 5d a5 1f7 2cd 611 5c3 65b 27a1 1 1 1 d d 3f d e1 165 23b 21 fe9 ed3 27b9
    1 1 3 b 1 1f 6b 91 197 3c1 1f5 bab 67 27c7 1 1 7 1 17 3f 31 c1 ad 119 19 9a1 1727 27cb 1 1 7 1 1 1
    55 4d 111 2b5 15d 4d7 1197 27df 1 1 5 b 7 3d 9 79 19 165 5a3 195 1e93 27ef 1 1 7 d b 35 b cf 91 d3
    6a7 439 845 27f1 1 1 3 b 1b 17 13 9 129 117 5c9 8e1 18f3 2807 1 3 3 5 f 2d 3 29 131 57 717 d85 14e5
    2819 1 3 3 d 9 25 4f 7d 103 231 43f ffb 319 281f 1 3 5 7 1f 37 7 91 15b 3a1 24d adf 1711 2823 1 1 7
    f 3 19 1 b5 d f3 28d 8bb 1d15 2831 1 3 5 5 11 35 41 7 21 247 553 521 90f 283b 1 3 3 7 1b 2f 61 c9 bb
    141 3f 5eb 1eed 283d 1 1 3 5 17 9 3 a5 3d 13 6fd ec7 bdd 2845 1 3 1 d f 2b 7d bf 43 111 60f 8b3 1485
    2867 1 1 1 d 19 35 6b 21 12b f9 5c3 8b9 38b 2875 1 3 5 1 17 25 55 11 cf 283 299 b75 144f 2885 1 1 7
    7 19 39 3b 29 f 2ef 2ef 6d5 1b8d 28ab 1 3 3 1 d 19 7f 5d 119 265 36b 8af 18c9 28ad 1 1 5 3 1d 37 4f
    f9 2b 13d 215 3e3 7c7 28bf 1 3 3 f 11 31 4f 1f c1 e9 59d a37 333 28cd 1 1 5 f 19 3 7b 91 179 9 1c7
    4a7 f71 28d5 1 3 5 3 f 13 29 e7 51 189 3 13 969 28df 1 1 3 1 1b 2b 71 b3 7 355 3b3 aab 129 28e3 1 1
    1 b 1d 27 35 bf 1bb 2b1 211 d01 1d07 28e9 1 3 7 5 3 1d 13 43 1b9 71 3b5 ad1 1049 28fb 1 3 5 b b 37
    55 a9 d7 32f 323 929 f7f 2909 1 1 7 9 5 2d 6f 5 1a3 177 12f 6bd 1189 290f 1 3 5 f 1d 2b 4f 13 17 1a1
    17d 21d 133b 2911 1 1 3 f 3 1f 75 27 75 131 4cb 4c7 8f 291b 1 1 5 9 5 2f 57 ef b5 161 619 cf1 781
    292b 1 3 3 1 3 f 35 dd 1b9 3db 7cd 9e1 1f7b 2935 1 1 7 b f 39 6f 8b 89 373 759 b07 161d 293f 1 3 5 5
    15 b 5 d 1b 3cd 24b 533 55d 2941 1 1 7 b 1d 33 5d 1d d9 dd 37 9ad 7bb 294b 1 3 3 d 3 b 31 4b 17b 173
    5a1 319 1dd1 2955 1 1 1 d 13 2d 59 f9 5b 289 69f 393 15f3 2977 1 3 1 7 7 1d 1 4d 139 37f 207 303 127
    297d 1 3 1 f 5 3 1 39 14b 6d 1e5 b25 1aaf 2981 1 1 1 f 11 3 23 63 f5 3cb 347 9cd af3 2993 1 3 3 3 9
    25 39 fb 145 13d 211 521 18eb 299f 1 1 1 f 19 3b 1 77 5f f 31b 947 193f 29af 1 3 1 5 1 31 75 15 2f
    b3 35f 55 685 29b7 1 3 7 3 9 25 13 dd 1c7 3cd 23b 593 331 29bd 1 1 1 f 11 9 43 d5 7f 377 513 b61
    1d1b 29c3 1 3 1 d 1b 1b 29 2b ab 26f 2b3 187 1315 29d7 1 3 1 d 11 11 7b ef 8f e3 47f 207 198f 29f3 1
    3 7 5 7 3f 61 27 65 22b 421 17d 1ed3 29f5 1 3 5 1 3 1b 55 81 a1 36b 799 dd5 2b7 2a03 1 3 3 5 15 3b
    19 b7 23 19 3db 5b3 b5 2a0f 1 3 5 d 1 f 7f ed 15d 151 5d3 94f 1e83 2a1d 1 3 5 5 1f 5 6d 33 199 2dd
    573 c87 17a1 2a21 1 1 5 7 d 23 71 19 107 185 12b 9d9 6f7 2a33 1 3 7 b f 2f 61 49 37 4b 71 a87 3ff
    2a35 1 3 1 1 3 d 45 d3 121 1e3 537 313 2a5 2a4d 1 1 3 3 11 7 25 4d 1f9 89 459 159 b9f 2a69 1 1 1 d 3
    b 5f c7 1c5 6d 1df e8d ef 2a6f 1 1 7 f 13 35 3 91 167 35f 15b ef9 be3 2a71 1 1 7 f 19 3f 7f 81 7d c3
    9b 8a3 1fd9 2a7b 1 1 7 d 9 31 79 73 49 77 73b 2d7 2f 2a7d 1 3 3 d d b 47 7 2d 24f 85 967 15bb 2aa5 1
    1 1 d 17 1d 57 59 1f5 47 6df 45f 2af 2aa9 1 1 7 7 d 7 d b7 35 3b7 755 f97 1a73 2ab1 1 3 7 b 7 1 1b
    2f 3d 15 397 3c1 443 2ac5 1 3 5 5 1 1b 1 5 3f 9d 511 419 1705 2ad7 1 3 7 9 13 21 11 85 1a9 31d 6b9
    99 77 2adb 1 3 3 7 d 25 1 d7 1fd 3eb 3d 931 1d57 2aeb 1 1 7 1 1d 13 1f 4f c7 22b 4b9 643 17c9 2af3 1
    3 1 1 5 1f 6f 7f 14d 1ad 747 f55 1523 2b01 1 1 7 5 5 5 7b bf 2f 3e1 10d fd3 83f 2b15 1 1 5 f 1 9 57
    5 2f 1cf 361 715 1cbd 2b23 1 3 1 3 17 3f 7b 53 1ff 309 3f 505 11b9 2b25 1 3 3 7 1b 19 1f 41 1b9 211
    717 765 143 2b2f 1 3 7 5 b 13 7 5 18d 32b 2f3 b43 1079 2b37 1 3 1 d 9 15 d 7 10f 21b 6e9 cab 14cd
    2b43 1 1 7 1 1f d 2f 83 b5 1c9 617 a67 19fd 2b49 1 3 3 7 1d 37 19 cb 1a3 5b 1b5 487 163b 2b6d 1 1 3
    d 1d 13 47 d9 151 149 1f5 3ab 89d 2b7f 1 1 3 1 1 1b 11 c9 61 11d 4f5 fcb 89f 2b85 1 1 1 1 3 29 d c7
    8d 81 5eb c39 1751 2b97 1 3 3 9 3 11 77 29 10f 3a5 36d 2bd 895 2b9b 1 1 1 7 f 2f 3 c3 73 335 2d5 34b
    17b7 2bad 1 3 5 f 11 21 55 41 129 23b 463 ab7 165f 2bb3 1 1 5 b 1b f 25 eb 19f 125 59f ab3 104b 2bd9
    1 3 7 7 1 37 47 23 133 b 191 759 3a5 2be5 1 3 1 b 15 25 3 b1 77 153 22f f97 d6d 2bfd 1 3 3 9 11 11
    61 77 12d a9 9d cc3 8d5 2c0f 1 3 3 9 1d 3 6f 65 163 365 177 a31 1cd1 2c21 1 3 5 9 7 15 7b 63 157 2b5
    787 645 133b 2c2b 1 1 3 5 d 1f 63 11 4b 181 603 611 1ba5 2c2d 1 3 3 5 1f 23 6b b 197 3fb 525 e09
    1c23 2c3f 1 3 3 d 11 21 63 f5 191 3bd 9d 79d 623 2c41 1 3 1 b 1b f b 6d 1ad 133 777 a8d 35d 2c4d 1 1
    5 d d 23 37 ff 137 3bd 70b a71 144b 2c71 1 1 1 b 13 3 59 25 d3 30f 54b def 1bdf 2c8b 1 1 5 5 15 31
    4f 11 1fd 14b b7 ef7 357 2c8d 1 3 7 5 1d 13 55 6d 69 20b 34d d39 1d35 2c95 1 1 1 7 19 11 7d 83 35
    2f5 fd bad b7b 2ca3 1 3 3 9 13 17 69 27 15f 2a5 d3 191 1fa7 2caf 1 3 5 1 5 b 11 3 195 1d5 621 b31
    c3d 2cbd 1 1 3 d f 5 75 b3 8b 91 1dd 471 9e9 2cc5 1 1 7 9 5 15 9 5d d3 3c3 4b7 d0f 132f 2cd1 1 1 1 9
    d 2b 11 35 51 319 623 9db e63 2cd7 1 3 3 d 19 15 5 3b 1e9 3db 795 ab 1779 2ce1 1 3 3 7 1 27 59 ab
    193 1d3 6e7 d5f ae7 2ce7 1 1 3 9 13 31 5b 7d a3 3f5 59 b21 1a81 2ceb 1 1 5 9 9 b f f1 2b 129 6b7 605
    71d 2d0d 1 3 7 f 1d 17 67 ef bf 21 413 e41 19b3 2d19 1 3 3 9 15 33 7b 37 df 285 5b7 fb5 1703 2d29 1
    1 5 7 3 29 1b eb 187 12f 7e5 c73 1db7 2d2f 1 1 1 9 5 31 31 1d 179 fb 75f 3f9 515 2d37 1 1 3 3 d 29
    1b 2f df 17 205 c9b 1a4b 2d3b 1 1 7 1 1f 19 2f 9 1ff 26f 7ff 4ef 5e7 2d45 1 1 3 f f 17 35 1 105 253
    55 f1 1b87 2d5b 1 3 3 b 11 5 51 49 95 30d 7f3 c5b 1097 2d67 1 3 7 7 1d 3b 31 4f 18d 385 451 88f 1885
    2d75 1 3 3 b d 1b 19 ad 6b 49 4f1 249 1483 2d89 1 1 7 f 1d 17 49 e5 eb 377 5bd fe9 a1f 2d8f 1 1 3 9
    11 f 53 ad cf 36f 6a5 5e5 b 2da7 1 1 3 5 5 25 41 a1 27 1a5 481 7d7 14eb 2dab 1 1 7 b 17 25 5 b 9 1f3
    11 9d 1673 2db5 1 3 7 d 19 9 31 7 27 3b1 545 6df 5a1 2de3 1 1 5 3 15 f 71 51 109 345 14d e29 17f5
    2df1 1 3 1 b d 1b 49 6d 129 147 12b cb5 1b2d 2dfd 1 1 3 d 13 27 7b 49 41 5 425 88b 13bf 2e07 1 1 3 1
    b 1f 15 73 1c5 359 2c7 1ef 225 2e13 1 3 7 7 f 1d 4f 67 2f 2c9 6c7 c31 18b1 2e15 1 1 5 5 1d 9 61 21
    1d7 2c1 149 5dd 545 2e29 1 3 3 1 15 9 6f d1 47 2f 1eb 85f 705 2e49 1 3 3 3 b 27 15 87 1bd 103 25f
    ee3 1549 2e4f 1 1 7 9 b 19 71 fb 18b 13d 13d 5b 7bb 2e5b 1 3 1 9 3 15 67 85 185 3af 4d3 6d5 1b97
    2e5d 1 1 3 7 1 b 5 f 1f1 1dd 1df c07 1b39 2e61 1 1 3 3 f 27 69 83 1db 1d1 b5 361 ee5 2e6b 1 1 7 9 13
    3f 7b 83 19f 20d 1c9 9a7 c3f 2e8f 1 3 7 f 19 23 7b 2d 155 325 1e5 fd1 1b99 2e91 1 1 1 5 1d 9 2f e3
    33 363 751 639 8df 2e97 1 1 7 f 1f 9 47 75 11d 2c7 345 59b 1883 2e9d 1 3 1 1 5 13 4f 19 12d 19f 74f
    285 cb3 2eab 1 3 1 3 11 33 63 b9 1bf 2b 20b db 1ad 2eb3 1 3 1 d 1d d 33 5d 7 3e3 2f5 bc9 1ad1 2eb9 1
    1 3 f 7 19 4b 11 9b 3d5 4cf 4cd 7cb 2edf 1 3 5 3 1b 2d 47 49 e1 2fb 179 473 b2f 2efb 1 1 3 1 1 27 45
    71 1d 173 41b 319 ea5 2efd 1 1 3 d 17 3d 1b b7 133 1af 541 ac5 fbf 2f05 1 3 7 5 5 3b 75 c5 12f 2d1
    36d 2d3 641 2f09 1 3 5 1 1b 21 63 ed 1e5 2c7 299 c05 13f1 2f11 1 1 3 1 d 9 67 c9 17 3b7 7ed a5 82d
    2f17 1 3 5 d 5 1d 37 55 dd 2a5 263 e1d 11d7 2f3f 1 1 1 1 7 3d 9 e9 105 231 3b9 fb7 98b 2f41 1 3 3 d
    1 11 67 47 df d5 341 6d3 1b57 2f4b 1 3 5 f 19 35 39 bb 19 2b7 4b7 ff9 b3d 2f4d 1 1 7 1 7 1f 57 81
    1ed 207 613 483 121d 2f59 1 1 1 f 15 11 17 1d 13 ff 39f 6ff c15 2f5f 1 1 3 9 11 21 5f 81 af 1cd 11f
    a49 915 2f65 1 3 5 7 17 13 3f d1 f9 247 55d 7f7 8b1 2f69 1 3 3 5 5 13 4f f1 1cb 163 5af cf1 e37 2f95
    1 1 7 9 15 29 61 77 81 301 605 da7 1e3d 2fa5 1 1 7 b 9 1d 23 ff 8d 3a9 6e3 29 571 2faf 1 3 7 1 d 33
    3d 9d b1 34f 725 dd3 11d 2fb1 1 1 1 f 15 d 9 37 18d 13 5d7 4e7 1c43 2fcf 1 1 7 7 19 25 35 ed 13f c5
    10d 4b5 5cd 2fdd 1 1 5 f 17 11 23 f7 143 327 e9 e61 1137 2fe7 1 1 3 7 9 3b 55 69 1ed 2fb 667 187 5ab
    2fed 1 3 3 9 f 21 5 fd 81 271 5f7 ae9 17a9 2ff5 1 3 1 1 7 2f 15 a1 eb 53 18d deb 1741 2fff 1 3 7 b 3
    29 19 75 177 30b 511 e83 1fb5 3007 1 1 3 7 1f 13 67 ad 1db bd 7f3 b69 453 3015 1 1 7 3 19 7 5d ff
    133 71 765 8b9 1b07 3019 1 3 5 f 9 39 4f 8f a5 5 56d c1 2b5 302f 1 3 5 1 1d 2d 5b 31 bd 1cd 1b7 503
    1e9b 3049 1 1 3 d b 3d 29 e7 175 2b7 18b 393 1511 304f 1 3 7 b 5 33 43 35 1e3 5f 797 f7 1615 3067 1
    3 7 5 5 39 2d eb 89 319 42d 67d 615 3079 1 3 5 3 19 37 67 b1 51 35d 47f 8f 1de7 307f 1 1 3 1 15 29
    43 83 fd 1af 4f5 c6d d65 3091 1 3 1 1 15 7 4d dd 101 297 47 b85 9b1 30a1 1 3 5 3 3 17 2d 6b 12b 2e3
    3f5 3 c5d 30b5 1 1 5 1 3 25 6d 25 f3 3d7 4c5 69b f1d 30bf 1 1 5 5 1f 7 5 c1 18d 363 5d7 d6b 1d11
    30c1 1 1 1 1 11 3b 61 e9 185 255 3f5 65f 1e3 30d3 1 1 1 b 7 29 6b 35 6f 7d 5e9 781 1ddf 30d9 1 3 3 3
    1f 1d 75 3 16d 3cb 473 84b 1719 30e5 1 1 1 d 17 3 1 a7 1db 27f 713 f01 c09 30ef 1 1 5 3 5 2f 41 7b
    113 30f 5f 77 1da7 3105 1 3 1 f d 21 5d ed 1d3 1af 2c1 fad fc3 310f 1 3 5 1 13 7 65 e7 9b 2e1 565
    d0f 803 3135 1 1 5 9 f 31 2d a3 1b1 2fd 7ef c9 a1d 3147 1 3 7 9 13 29 1f 59 5d 26f 69 2e9 1139 314d
    1 1 5 1 b 2d 7f 55 185 1b7 33d 1dd 1f1d 315f 1 3 3 f d 29 1 cf 1b3 249 137 6bd ab1 3163 1 3 3 3 d 31
    15 1f c5 31f 583 b8f 1bdd 3171 1 3 1 3 7 2b 9 8d 85 243 423 5d 3bd 317b 1 3 7 1 f 33 17 d5 17d 353
    2bb 8d5 d5b 31a3 1 3 5 9 19 23 43 8d 23 199 58f 16d 66d 31a9 1 3 3 b f 21 1b b5 5d 57 6e1 db7 549
    31b7 1 3 5 3 19 3f 6f 89 141 333 2c1 60b 1c67 31c5 1 3 1 1 5 39 63 3b 19b 2f5 55b f71 e6f 31c9 1 3 5
    b b 15 19 93 ef 1c7 2c5 3b9 1c07 31db 1 3 3 f 5 35 5b cd 155 3f 2d3 61d 1bdf 31e1 1 1 7 f b 15 63 4f
    3f 251 7d7 e2d 1497 31eb 1 3 3 1 9 15 2d af 1c5 1b3 73f a59 1b2f 31ed 1 1 3 f f 21 79 79 fb 1af 467
    ce9 1067 31f3 1 1 1 9 1f f 47 1d 159 187 487 af9 159 31ff 1 3 7 1 17 1d 5f 97 147 2d7 287 657 b9b
    3209 1 1 7 7 9 1d 4f 5b 7f 38d 50d 523 14c3 320f 1 1 5 b d 25 59 49 95 1dd 775 d0f 20d 321d 1 3 5 7
    5 3b 37 ff df 1cb 7eb ed 106d 3227 1 1 1 7 1b b 5f 41 145 343 38b ed9 ecb 3239 1 1 1 b 1b 21 63 af
    33 391 14b 73b 1025 324b 1 3 5 5 d 25 1f 63 111 199 723 f05 1573 3253 1 1 3 7 17 13 6b 55 11b 20b
    1fd 1c3 1a5 3259 1 3 5 7 d 9 33 51 57 26b 3d af3 1497 3265 1 1 1 f 9 2d 23 db 191 10f 3b9 289 1abf
    3281 1 1 7 b 9 2d 11 db a9 345 5cb 645 b55 3293 1 1 7 7 15 2b 25 21 123 167 47 b53 1b7d 3299 1 3 3 d
    1f 35 25 f 95 3b5 227 d75 154f 329f 1 3 1 5 13 2d 51 df c1 1b7 7ff f27 315 32a9 1 1 7 3 b 3f 23 3d
    ff 233 1cb baf d1f 32b7 1 1 5 9 d 31 2f b9 ef dd 5fd e33 7fd 32bb 1 3 7 3 19 25 7f df 33 165 1e3 efd
    1ad9 32c3 1 1 7 9 1f 25 71 1f 183 341 4db 607 159f 32d7 1 3 1 9 17 3b 77 dd 49 b9 7d7 b45 a03 32db 1
    1 1 d 7 21 35 b3 43 b9 605 70f 1233 32e7 1 3 1 b 1f 25 17 d7 10d 165 cf 285 107b 3307 1 3 3 d 13 1b
    6b 37 5b 47 69f 717 59 3315 1 1 3 f 3 13 23 f7 31 211 5f3 cf5 1807 332f 1 1 7 7 17 19 6b 8b 1e3 1f7
    4fd f3 1ec7 3351 1 3 3 d 3 f b c5 87 347 3d9 113 1597 335d 1 3 5 3 19 2f 5f 15 71 133 3e9 bf9 127
    3375 1 1 3 9 13 13 63 d5 16b 1c1 2df b23 9d9 3397 1 1 3 9 5 31 3f 3d 9d 359 1f1 af1 1b4b 339b 1 1 1
    9 1 29 6d 77 1f3 3ab 363 e5b 1f57 33ab 1 3 1 1 d 21 6d 7b 121 3 4f7 ad5 10a9 33b9 1 3 1 b 9 39 53 dd
    5f 2b 4a5 1c9 1bdd 33c1 1 1 7 3 b 31 21 db e5 121 2ad d1f 118f 33c7 1 3 1 3 13 2b 43 c1 29 303 197
    51 f33 33d5 1 1 7 b 5 1d 33 af 129 21b 1 8c5 1927 33e3 1 3 7 f 15 21 75 b7 1ff 1e9 503 cd1 175b 33e5
    1 3 7 5 9 3 7d 93 167 225 171 be9 965 33f7 1 3 5 7 13 5 41 61 1e3 179 5f3 5b1 bb3 33fb 1 1 5 1 b 15
    29 71 115 83 5c3 413 93f 3409 1 3 3 1 f 11 65 45 1bb 361 331 58d 146f 341b 1 1 3 3 3 37 5f 63 4b c3
    789 f5b 16df 3427 1 3 1 3 13 17 5d d5 f1 227 51b 249 1e31 3441 1 3 1 b 17 f 35 f9 1d3 207 5f 2e5 199
    344d 1 1 1 f 1d 25 2b cb e9 36d 4d 78d aa9 345f 1 3 7 b 1b 27 2b a1 ff f 5b7 341 1ef 3469 1 1 7 b 3
    35 51 43 177 337 76f bf5 18b 3477 1 1 1 1 f 25 5d e9 f7 1f5 529 ccb 1521 347b 1 3 3 7 7 b 5 69 8b
    3d7 4d7 213 f29 3487 1 1 5 3 13 31 6b e3 169 65 163 a59 1cd7 3493 1 1 7 5 19 29 65 79 d1 125 791 8d3
    15b5 3499 1 1 3 7 7 1 9 d 1cf 3fb 3e3 c57 6b 34a5 1 3 5 b 5 23 7f 61 105 315 327 327 1871 34bd 1 1 7
    5 b d 2d 5b 1a1 65 7b5 e3d 83b 34c9 1 1 3 7 5 3f 39 31 cb 9d 73 571 1fb5 34db 1 3 5 5 3 2b f 9b 7f
    1e9 48d e75 1303 34e7 1 1 7 7 1d 1d 45 d7 19f 16f 173 76d 17bb 34f9 1 1 1 3 b 21 59 95 1b1 2c1 59d
    63d 1f9 350d 1 3 5 1 d 25 13 77 5 245 7f5 661 833 351f 1 3 7 d 5 31 67 f5 d7 203 85 7d7 78d 3525 1 3
    1 9 1 3 19 c5 fd 183 693 8db dd 3531 1 3 5 f 15 9 49 c9 195 3e7 1b5 f25 179d 3537 1 1 3 1 1f 37 19
    53 1a5 18b 70f 851 1e75 3545 1 1 3 1 17 15 79 b7 7d 15b 8f e65 10dd 354f 1 3 3 3 11 2d 11 df 10b 31b
    717 51d 9b 355d 1 1 1 f 11 3b 5 85 f 2cb 5df 99 b47 356d 1 1 1 1 1b d 77 4d f3 3e3 73b e87 1257 3573
    1 3 1 5 1f 31 2b a5 31 261 4f1 475 1f9 357f 1 1 7 d b 3f 15 fd e5 249 607 e87 102d 359d 1 3 7 b 17
    1b 11 83 127 37f 5d5 583 caf 35a1 1 1 5 9 1d 7 61 f 71 1bd 35b 5cb 461 35b9 1 3 1 9 d 31 63 6b 143
    c9 2a9 bff 14a1 35cd 1 1 1 f 9 13 3d a1 7 57 24b 897 afb 35d5 1 3 3 f f 13 5f 2d 12b 33d 3d5 d97 1e7
    35d9 1 1 1 9 3 25 7 13 e3 d 18d 201 4e9 35e3 1 1 5 f f d 11 6f 87 3a1 479 32b 709 35e9 1 3 1 3 1b 39
    1f 13 117 67 2b5 277 d51 35ef 1 1 1 1 f d 43 53 17 31f 6c7 80f d23 3601 1 3 3 7 3 1 3d 1f 29 215 7e9
    fe3 1b33 360b 1 1 5 7 11 1b 51 4f 6b cd 1d 61 1313 361f 1 1 1 5 13 31 5b c9 11b 3b5 28b eeb 13d1
    3625 1 1 7 9 b d 49 c5 25 db 78b d29 1781 362f 1 1 7 f b 7 4b cd 7 333 18f 295 1957 363b 1 3 3 3 1b
    25 5f 29 133 a5 435 d9d 233 3649 1 3 5 3 15 31 39 b3 6d 273 6fd 1af b7d 3651 1 1 7 5 b 13 2b 89 95
    2a7 607 f5 565 365b 1 3 5 5 f 3 45 51 87 9f 553 d49 18d3 3673 1 3 5 1 9 3d 31 35 13f 19 66f 511 267
    3675 1 3 5 b 1f 2b 9 65 47 397 14f c4b 16bf 3691 1 3 1 1 f 5 1d 6d 1ff 3b1 363 e5d 1b03 369b 1 3 3 f
    11 31 5b 6f d7 1d 757 61 9c9 369d 1 3 1 d 13 3d b 6f a3 309 215 459 14db 36ad 1 1 7 9 11 37 75 5b
    1c7 121 22d 391 1167 36cb 1 3 1 7 19 13 7b 25 1 115 2cd b95 1175 36d3 1 3 7 3 13 17 57 eb d1 1c9 7f9
    b4d 70d 36d5 1 3 3 5 5 2b 17 3d 15f 317 3b 7d9 b5d 36e3 1 1 3 7 5 1 1b e7 181 101 4ed a8d 70f 36ef 1
    3 1 1 1b 13 57 fd 83 2ad 6cf f8f a5b 3705 1 3 7 b 15 11 b 51 bf 281 71d bbd 1c53 370f 1 3 3 5 f 1f
    29 d5 37 3a3 7a1 31 1795 371b 1 1 7 f 7 1b 41 df 71 4f 753 38f 1545 3721 1 3 7 7 17 37 33 a7 1ef 19
    631 d77 31f 372d 1 1 3 7 1b f 5f c1 151 19f 3cf c0d 3c7 3739 1 1 7 f 13 7 5d 29 1b1 227 191 c61 f83
    3741 1 1 7 b d f 35 45 1b1 3b 45d d1f 1857 3747 1 1 7 3 17 5 73 c9 e1 6d 76f f39 1879 3753 1 1 1 b
    11 1 27 8f 169 293 451 17 133b 3771 1 1 1 9 1b 39 55 e3 105 77 759 f7d 1b57 3777 1 3 7 7 f 7 6b 11
    13b 31 637 389 1e6d 378b 1 3 1 7 1d 3 2f ed 9d 301 347 c7f c7b 3795 1 1 3 f 19 27 3f f 6f 359 371
    5e1 1df7 3799 1 1 7 1 3 23 29 d7 63 37f 401 5cb 1263 37a3 1 3 5 1 1 1f 19 f7 71 349 18d 721 1b39
    37c5 1 1 3 5 13 29 31 f3 e1 3cd f1 af 411 37cf 1 1 1 7 f f 69 8d 53 4b 68b dc3 1463 37d1 1 1 7 5 d
    1b 2f c7 1bd 349 3bf 485 8a1 37d7 1 3 5 f 17 1f 1f 51 55 21 311 a4f 1e77 37dd 1 1 5 d 15 3 2f 63 eb
    3af 6c3 9a3 1ed3 37e1 1 1 1 3 11 35 55 db 49 83 53b 36b 4a7 37f3 1 1 5 7 11 3f 71 7 b9 22d 2ed deb
    136d 3803 1 3 3 f f 15 2b 6f 9b 2b1 159 1a7 e0d 3805 1 1 5 1 f 1d 5d 5 169 2c9 2b7 f61 1a9 3817 1 3
    7 7 d 29 73 af 13b 3a9 7b b19 1169 381d 1 1 3 b 19 5 67 35 1a7 32b 291 18f 1c59 3827 1 1 1 1 1 d 65
    d3 17f 145 61 6a7 114d 3833 1 3 7 9 1f 2d 53 9d 1fd 2bd 349 451 e3b 384b 1 1 1 7 1 9 45 11 81 119
    489 b81 1e0d 3859 1 3 7 1 b 1d 33 8f 4d 1b1 6bb 90d 1609 3869 1 1 1 1 15 2b d 43 b1 1f9 65d 4f3 1315
    3871 1 1 3 b 1b 3f 6f 2f e9 30d 1c5 68f c89 38a3 1 1 3 d 1d 1b 77 8d 1ed 3cb 1cd 487 279 38b1 1 1 3
    f 17 5 4f d7 a3 95 70d 95f 3d 38bb 1 3 5 d 13 5 1 27 199 231 2c5 33d 54d 38c9 1 3 3 d 13 2b 9 b1 1c1
    1bf 49 83b 1625 38cf 1 3 5 1 17 d 3f 6d cb 251 33d fb1 1ae1 38e1 1 1 5 7 3 9 35 af 187 a9 503 ed1
    1163 38f3 1 1 5 7 1d 2b 9 5 d1 4d 39f b7d 1fd1 38f9 1 3 5 f 11 31 5 8f 83 303 695 39d 87f 3901 1 1 3
    b 1b 1b 1b 9f a1 3f7 633 fd1 7bf 3907 1 3 1 3 17 39 77 43 1e1 241 185 cf7 14cd 390b 1 3 5 1 13 27 57
    3d 149 291 6ed 1f 6ab 3913 1 1 3 1 5 19 f f1 83 32f 6d7 bd5 1f67 3931 1 3 3 d 1b d 4d 57 1b5 39 26d
    407 1ed3 394f 1 3 1 d 17 33 75 25 14b 2e9 25d c6b 1269 3967 1 1 5 5 13 11 63 a7 57 2d1 2e1 315 875
    396d 1 3 5 d 1 33 77 d3 a5 12b 52f bed d0f 3983 1 1 5 f 1d 2d 11 81 43 159 611 a91 1cc9 3985 1 1 1 9
    17 7 d d1 7 197 13d c05 1c77 3997 1 1 1 5 9 3b 59 3 1e7 1c3 1f9 9c3 1d8b 39a1 1 3 1 7 15 1 15 cb 65
    1a1 56d abf 575 39a7 1 3 7 d 7 1f 3 f7 15d 1e5 4eb 225 18b1 39ad 1 1 7 7 1b 21 6b c5 125 2d9 6d9 a0b
    67 39cb 1 3 5 9 19 23 5 fd 89 d5 7f9 d3b 711 39cd 1 1 7 d f 23 43 53 127 af 347 b0f 347 39d3 1 3 3 b
    3 11 37 8d f7 3df 75 ed7 4c5 39ef 1 1 5 1 b 25 57 e9 1c9 28d 383 b75 c21 39f7 1 1 3 f 3 1f 43 a7 1b5
    9 28b 455 473 39fd 1 1 3 1 7 3f 43 11 b 373 73f 795 128f 3a07 1 3 7 9 13 21 71 75 1ef 27 703 a01
    158f 3a29 1 1 7 5 1 3 67 25 c9 df 44d 36d 1953 3a2f 1 1 5 9 1d 31 33 21 1b7 395 35d 529 857 3a3d 1 1
    3 3 1 5 11 5d d9 26b 265 54d 17cf 3a51 1 3 1 b 3 15 5 29 f af 34b b79 1ac1 3a5d 1 3 3 7 9 39 37 7f
    4f 11f 1bd 89d 1f35 3a61 1 1 7 d 17 11 5d 81 9d 87 6d3 715 1057 3a67 1 1 1 5 1f 3b 63 21 1a9 149 377
    16f 6e1 3a73 1 1 7 9 11 35 4d 8b 1b3 183 31 e41 6ed 3a75 1 3 3 f 15 39 2d a1 14b 2cf 111 d97 104d
    3a89 1 1 3 9 3 3 69 c9 175 36d 397 4ef 19f9 3ab9 1 3 1 f d 2b d 63 49 a3 161 df1 15e1 3abf 1 3 7 3 5
    9 45 b1 1c1 2f 30d 465 1095 3acd 1 1 1 5 3 2d 1 7b 199 387 cd 809 1dd5 3ad3 1 3 5 9 13 2f 57 87 1e1
    31f 65 d51 8c1 3ad5 1 3 1 d 3 19 f 1b b5 3c7 29d a11 1c51 3adf 1 1 7 3 1f 5 67 35 1 38f 4b9 e71 1a1d
    3ae5 1 1 3 1 5 5 31 87 119 2eb 2f9 b9d 1f1b 3ae9 1 3 3 5 13 3d 7d c7 12b 203 555 171 1b73 3afb 1 3 1
    7 5 29 3f e5 11b 23b 93 1bf 291 3b11 1 3 1 b 5 f 37 7 103 3d 1b 595 15ff 3b2b 1 1 5 1 3 35 33 fd 9b
    229 50d e97 19a7 3b2d 1 3 5 9 5 29 15 9f 65 311 7bd ed7 1e0d 3b35 1 3 7 7 9 3 5f 69 81 d5 4bf 403
    1643 3b3f 1 1 3 3 1d d 9 fd 1c1 141 155 b3f ab 3b53 1 3 7 b 15 b 4b 23 2b 3c5 2a3 8a9 1c07 3b59 1 1
    5 f 1f 5 1d 89 137 2ef 2f 557 1721 3b63 1 1 3 f 11 1 2d 45 37 289 343 239 1dbf 3b65 1 3 1 d 1f 7 17
    f 187 91 735 721 57b 3b6f 1 1 3 f 5 9 4f 4d 69 18f 78d 9c7 12ad 3b71 1 3 1 3 11 2f 13 d 6b 1db 2f7
    b75 eb1 3b77 1 1 7 b 3 7 79 d1 18d 36d 125 34f 1b7f 3b8b 1 1 1 f 1d 2d 5 6d 14f 1cd 8f 3a3 fcd 3b99
    1 3 1 7 b 39 49 59 c9 ad 323 f71 1455 3ba5 1 1 5 b b 21 25 1d 107 3fb 291 5ad 1e7f 3ba9 1 3 3 d 1f
    19 25 2f 105 25f 6a7 a2b 1a1 3bb7 1 1 1 1 1f 3d 2d 73 113 ef 7c5 769 10e9 3bbb 1 3 5 3 1f 3 b ad 14f
    243 4a9 8ab 1ec3 3bd1 1 1 7 9 1d 2d d 43 18f b1 50d f19 8b1 3be7 1 1 7 b b 33 79 e3 1d5 389 3a1 a4b
    1045 3bf3 1 3 7 9 d 27 37 a7 17 93 643 823 1225 3bff 1 1 3 f 1b 35 b 9b 9d 275 103 bc1 11fd 3c0d 1 3
    1 7 f 2f 33 1 103 25b 377 b11 19b5 3c13 1 3 5 3 1 2f 5b 2b 169 23b 1d 5ad 10ad 3c15 1 1 3 9 b 33 37
    17 19f 115 58f d93 5f7 3c1f 1 1 3 b 1d 31 65 4b 12b 2c5 325 fc5 1125 3c23 1 1 7 3 17 1 25 33 17b 303
    515 e85 1a11 3c25 1 1 5 3 17 b 7d b1 177 299 3b7 629 a2b 3c3b 1 1 1 1 1 5 47 ff 15 1cb 1d3 823 1527
    3c4f 1 1 5 d 17 1d 6d 9d 16b 3cb 225 287 499 3c5d 1 1 3 9 7 f 65 3 16d d5 2e9 483 17d3 3c6d 1 3 5 f
    f 13 2f b3 12f 209 4ff db 96f 3c83 1 3 3 d 1b b 53 a5 171 3dd 105 f5d 12c9 3c8f 1 1 3 b 1f 3b 1 b9
    35 2bf 5bf b77 453 3c9d 1 3 3 7 19 3 51 1b 5d 209 1b1 b2b 16e5 3ca7 1 3 3 b 1d f 31 a7 13b 39f 21f
    d91 10d3 3cab 1 3 1 3 1d 21 35 f b7 2b3 2bf 51f d41 3cb9 1 3 5 d 17 31 3 b 1 165 57f 19f 1c2b 3cc7 1
    3 7 f 1 19 5b 71 143 173 bd 39d 49d 3ce9 1 3 3 3 11 3b 77 c7 73 df 36d 891 c1 3cfb 1 1 1 5 5 23 1f
    3b 1b5 19b 25 965 ed5 3cfd 1 3 1 d 9 25 1 f1 3b 9d 6f9 4c7 233 3d03 1 3 5 d 3 15 19 5f f 2e9 55 2bd
    14f1 3d17 1 3 7 1 1f 21 6f c3 23 391 7dd b87 19d3 3d1b 1 3 5 1 13 3 4b 77 6f 199 3b7 5b1 135d 3d21 1
    3 1 f 13 3b 3 9b ed 291 7af cfb 185b 3d2d 1 1 5 1 3 13 2d 69 179 371 a7 8cf 1183 3d33 1 1 7 7 d d 63
    59 c9 117 a1 9b3 1771 3d35 1 1 7 3 d 11 61 81 89 179 5ef b7 e8d 3d41 1 1 7 9 9 5 2d 87 73 b5 695 db1
    1123 3d4d 1 1 1 1 13 23 45 71 131 1a3 3b5 b99 f7 3d65 1 1 5 d 17 3d d 8b 1f5 32b 43 5dd 195d 3d69 1
    1 3 d f 29 1b d9 125 d 91 a47 1b4f 3d7d 1 3 3 d f 25 47 7b 11d 31 273 503 1769 3d81 1 3 3 b 9 19 b 1
    cb 161 543 7cf aef 3d95 1 3 5 1 7 31 65 e7 1f3 3f 7b9 89f 1e95 3db1 1 1 7 1 11 f 73 8b 17d 3af 26f
    fc5 b9b 3db7 1 1 3 5 d 37 17 57 8b 31b 685 55f 4a1 3dc3 1 3 3 5 5 2d 61 fd f1 14d 285 22b 1ebb 3dd1
    1 3 5 1 1 1 59 1b 197 1fd 599 261 933 3ddb 1 3 7 1 1b 1d 5 9d 1ef 32b 50d 477 33b 3de7 1 1 3 3 19 31
    7f 6f bf 3 34d 567 9d9 3deb 1 1 5 7 5 33 65 9b ed 1cd 33f c13 f0b 3df9 1 3 7 1 1d 23 69 5b 11d 2c1
    83 18b 177b 3e05 1 3 5 3 d 15 53 ad dd 33b 6ef 78b 1a47 3e09 1 1 3 5 3 19 5f 73 cd 239 5a7 3a5 1919
    3e0f 1 1 7 9 1f 3 11 af 91 1bf 529 42d 197f 3e1b 1 1 3 3 17 1 4f 33 1a5 1a3 369 f63 709 3e2b 1 1 5 1
    3 27 f 55 a9 29d 397 18d 15cb 3e3f 1 3 5 1 15 3d 57 d9 fb 26b 443 fa9 e5 3e41 1 1 1 b 17 37 55 79
    16b 363 13b 1bf d2d 3e53 1 3 3 d 1d 13 59 55 89 1d5 751 acd f87 3e65 1 3 7 d 13 3f 3d 4d 43 169 b
    6fb 125f 3e69 1 1 3 b 7 f 7f 69 b3 359 687 e3f d3d 3e8b 1 1 1 7 13 15 63 a1 1f3 207 507 b9d 1df 3ea3
    1 1 3 d 1d 33 5f fb 37 207 7a3 b41 173f 3ebd 1 1 3 b 17 3f 79 ed af 137 2bd 603 94f 3ec5 1 1 7 5 5
    2d 49 61 5 99 2cb 7f5 d19 3ed7 1 1 1 3 d 7 43 ad 1a9 34b 5d9 aa9 1449 3edd 1 1 7 1 17 3 77 b 4d 8d
    771 8dd 10ad 3ee1 1 1 7 f 1 17 4f fb 1b7 25b 195 991 18ef 3ef9 1 3 7 b 1d 1b 2f ff 2f 295 7af 3ef
    e69 3f0d 1 3 7 5 13 27 23 73 1a1 175 123 149 25b 3f19 1 3 1 9 b 21 1b c1 cf 1a7 51f 559 1c8b 3f1f 1
    1 3 b 9 1d 53 11 1f1 1ed 149 c45 172f 3f25 1 3 1 5 1f 33 1d ab 33 1ed 655 dad ffb 3f37 1 1 5 9 15 2b
    69 cf f5 16b 4a7 2bb 473 3f3d 1 1 3 b 13 5 51 77 f7 a9 539 2d 19a5 3f43 1 3 1 b 3 33 3 65 9f b fd
    12b 13b3 3f45 1 3 1 5 b 35 55 27 39 285 7d7 40f e2b 3f49 1 3 5 3 11 3d 61 a5 19f 165 11b 259 1581
    3f51 1 3 7 3 9 33 31 55 3 e3 89 135 f3 3f57 1 1 5 3 b 3b b 83 199 2bf 1c7 7b 1a47 3f61 1 3 7 9 19 31
    15 ab 11f 17b 29b 139 2c9 3f83 1 1 3 9 7 23 2f 3 16f 245 65b 681 f41 3f89 1 3 1 1 1d 39 23 37 ff 28d
    337 895 1823 3f91 1 3 7 f 11 f 75 53 167 a3 73 bb7 14fd 3fab 1 1 5 3 15 3d 23 61 47 2af cf b65 419
    3fb5 1 1 1 f d f 7d 51 107 295 1a1 cab 685 3fe3 1 1 7 3 3 13 6f c1 1bb 153 293 4bb 615 3ff7 1 3 1 3
    1b 3 3 ad 187 d5 323 cd1 c87 3ffd 1 1 5 f 13 1 7 d3 9d 25b 193 56b 62f
    """
}
