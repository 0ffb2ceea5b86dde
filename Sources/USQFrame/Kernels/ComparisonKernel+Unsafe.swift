extension ComparisonKernel {
  /// Row bit = `codes[row] == code`, 64 rows per word; full words compare 16 codes at a time.
  static func equalLoop(_ codes: ContiguousArray<UInt32>, _ code: UInt32, count: Int) -> Bitmap {
    let wordCount = (count + 63) >> 6
    let words = ContiguousArray<UInt64>(unsafeUninitializedCapacity: wordCount) {
      words, initialized in
      codes.withUnsafeBufferPointer { codes in
        for wordIndex in 0..<wordCount {
          words[wordIndex] = equalWord(codes, wordIndex, code)
        }
      }
      initialized = wordCount
    }
    return Bitmap(words: words, count: count)
  }

  /// Bit `i` = `codes[64 × wordIndex + i] == code`, for the rows that exist.
  @inline(__always)
  static func equalWord(_ codes: UnsafeBufferPointer<UInt32>, _ wordIndex: Int, _ code: UInt32)
    -> UInt64
  {
    let base = wordIndex &<< 6
    guard base &+ 64 <= codes.count else {
      var word: UInt64 = 0
      for index in base..<codes.count {
        word |= UInt64(truncatingIfNeeded: codes[index] == code ? 1 : 0) &<< UInt64(index &- base)
      }
      return word
    }
    let raw = UnsafeRawBufferPointer(codes)
    let target = SIMD16<UInt32>(repeating: code)
    let lowWeights = SIMD16<UInt32>(
      1 << 0, 1 << 1, 1 << 2, 1 << 3, 1 << 4, 1 << 5, 1 << 6, 1 << 7, 1 << 8, 1 << 9, 1 << 10,
      1 << 11, 1 << 12, 1 << 13, 1 << 14, 1 << 15)
    let highWeights = lowWeights &<< 16
    let zero = SIMD16<UInt32>(repeating: 0)
    @inline(__always) func half(_ row: Int) -> UInt32 {
      // Each lane that matches contributes its own bit; the lanes' sum is their union.
      let low = raw.loadUnaligned(fromByteOffset: row &* 4, as: SIMD16<UInt32>.self)
      let high = raw.loadUnaligned(fromByteOffset: (row &+ 16) &* 4, as: SIMD16<UInt32>.self)
      let bits =
        zero.replacing(with: lowWeights, where: low .== target)
        | zero.replacing(with: highWeights, where: high .== target)
      return bits.wrappedSum()
    }
    return UInt64(half(base)) | UInt64(half(base &+ 32)) &<< 32
  }

  /// Row bit = `bits[codes[row]]` (each 0 or 1), 64 rows per word.
  static func tableLoop(
    _ codes: ContiguousArray<UInt32>, _ bits: ContiguousArray<UInt64>, count: Int
  )
    -> Bitmap
  {
    let wordCount = (count + 63) >> 6
    let words = ContiguousArray<UInt64>(unsafeUninitializedCapacity: wordCount) {
      words, initialized in
      codes.withUnsafeBufferPointer { codes in
        bits.withUnsafeBufferPointer { bits in
          for wordIndex in 0..<wordCount {
            let base = wordIndex &<< 6
            let end = Swift.min(base &+ 64, count)
            var word: UInt64 = 0
            for index in base..<end {
              let code = Int(codes[index])
              precondition(code < bits.count, "code outside its dictionary")
              word |= bits[code] &<< UInt64(index &- base)
            }
            words[wordIndex] = word
          }
        }
      }
      initialized = wordCount
    }
    return Bitmap(words: words, count: count)
  }
}
