extension Grouping {
  /// The hot loop of `dense`: `table[code]` holds the id given to `code` (or `.max`).
  static func denseLoop(
    _ codes: ContiguousArray<UInt32>, validity: Bitmap?, nullSlot: Int,
    table: inout ContiguousArray<UInt32>, ids: inout ContiguousArray<UInt32>,
    firstRows: inout ContiguousArray<Int>
  ) {
    let count = codes.count
    var next: UInt32 = 0
    codes.withUnsafeBufferPointer { codes in
      table.withUnsafeMutableBufferPointer { table in
        ids.withUnsafeMutableBufferPointer { ids in
          for index in 0..<count {
            var slot = Int(codes[index])
            if let validity, !validity[index] { slot = nullSlot }
            precondition(slot < table.count, "code outside its dictionary")
            var id = table[slot]
            if id == .max {
              id = next
              next += 1
              table[slot] = id
              firstRows.append(index)
            }
            ids[index] = id
          }
        }
      }
    }
  }
}
