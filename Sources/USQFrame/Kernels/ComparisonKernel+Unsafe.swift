extension ComparisonKernel {
  /// Row bit = `codes[row] == code`, 64 rows per word.
  static func equalLoop(_ codes: ContiguousArray<UInt32>, _ code: UInt32, count: Int) -> Bitmap {
    let wordCount = (count + 63) >> 6
    let words = ContiguousArray<UInt64>(unsafeUninitializedCapacity: wordCount) {
      words, initialized in
      codes.withUnsafeBufferPointer { codes in
        for wordIndex in 0..<wordCount {
          let base = wordIndex &<< 6
          let end = Swift.min(base &+ 64, count)
          var word: UInt64 = 0
          for index in base..<end {
            word |=
              UInt64(truncatingIfNeeded: codes[index] == code ? 1 : 0) &<< UInt64(index &- base)
          }
          words[wordIndex] = word
        }
      }
      initialized = wordCount
    }
    return Bitmap(words: words, count: count)
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
