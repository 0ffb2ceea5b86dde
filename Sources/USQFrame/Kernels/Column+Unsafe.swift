extension PrimitiveColumn {
  /// The values at the set bits of `selection` (which has `count` bits), `kept` of them.
  ///
  /// Dense selections (half the rows or more) copy every row and advance the output by its bit (no branch per
  /// row; the buffer has one spare slot for the write past the last kept row); sparse ones
  /// jump from set bit to set bit.
  func compactedValues(_ selection: Bitmap, kept: Int) -> ContiguousArray<Element> {
    precondition(selection.count == count, "selection length differs")
    let isSparse = kept < count / 2
    let result = ContiguousArray<Element>(unsafeUninitializedCapacity: kept + 1) {
      output, initialized in
      values.withUnsafeBufferPointer { values in
        selection.words.withUnsafeBufferPointer { words in
          var out = 0
          for wordIndex in 0..<words.count {
            var word = words[wordIndex]
            if word == 0 { continue }
            let base = wordIndex &<< 6
            if word == .max {
              for offset in 0..<64 { output[out &+ offset] = values[base &+ offset] }
              out &+= 64
            } else if isSparse || base &+ 64 > values.count {
              while word != 0 {
                output[out] = values[base &+ word.trailingZeroBitCount]
                out &+= 1
                word &= word &- 1
              }
            } else {
              for offset in 0..<64 {
                output[out] = values[base &+ offset]
                out &+= Int(truncatingIfNeeded: (word &>> UInt64(offset)) & 1)
              }
            }
          }
          precondition(out == kept, "kept count differs from the selection")
        }
      }
      initialized = kept
    }
    return result
  }

  /// The values at `indices` (each `< count`).
  func gatheredValues(_ indices: ContiguousArray<Int>) -> ContiguousArray<Element> {
    ContiguousArray(unsafeUninitializedCapacity: indices.count) { output, initialized in
      values.withUnsafeBufferPointer { values in
        indices.withUnsafeBufferPointer { indices in
          for position in 0..<indices.count {
            let index = indices[position]
            precondition(index >= 0 && index < values.count, "gather index out of range")
            output[position] = values[index]
          }
        }
      }
      initialized = indices.count
    }
  }
}

extension StringColumn {
  /// The codes at the set bits of `selection`.
  func compactedCodes(_ selection: Bitmap, kept: Int) -> ContiguousArray<UInt32> {
    PrimitiveColumn(values: codes).compactedValues(selection, kept: kept)
  }
}

extension Bitmap {
  /// The bits at the set bits of `selection` (same length), `kept` of them, packed.
  func compacted(_ selection: Bitmap, kept: Int) -> Bitmap {
    precondition(selection.count == count, "selection length differs")
    var output = ContiguousArray<UInt64>(repeating: 0, count: (kept + 63) >> 6)
    output.withUnsafeMutableBufferPointer { output in
      words.withUnsafeBufferPointer { source in
        selection.words.withUnsafeBufferPointer { selected in
          var out = 0
          for wordIndex in 0..<selected.count {
            var word = selected[wordIndex]
            let bits = source[wordIndex]
            while word != 0 {
              let offset = word.trailingZeroBitCount
              output[out &>> 6] |= (bits &>> UInt64(offset) & 1) &<< UInt64(out & 63)
              out &+= 1
              word &= word &- 1
            }
          }
          precondition(out == kept, "kept count differs from the selection")
        }
      }
    }
    return Bitmap(words: output, count: kept)
  }
}
