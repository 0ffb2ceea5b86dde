import USQFrame

extension UsageRows {
  /// `values` (seconds) as whole days after `firstDay` (values before it are not expected).
  static func offsets(_ values: ContiguousArray<Int64>, from firstDay: Int64)
    -> ContiguousArray<Int64>
  {
    ContiguousArray(unsafeUninitializedCapacity: values.count) { buffer, count in
      values.withUnsafeBufferPointer { times in
        for row in 0..<times.count { buffer[row] = (times[row] &- firstDay) / 86_400 }
      }
      count = values.count
    }
  }

  /// `codes = codes × radix + day` (null: `radix - 1`).
  static func pack(
    days: ContiguousArray<Int64>, validity: Bitmap?, radix: Int,
    into codes: inout ContiguousArray<Int>
  ) {
    days.withUnsafeBufferPointer { days in
      codes.withUnsafeMutableBufferPointer { codes in
        for row in 0..<codes.count {
          let day = validity.map { $0[row] } ?? true ? Int(days[row]) : radix - 1
          codes[row] = codes[row] &* radix &+ day
        }
      }
    }
  }

  /// `codes = codes × radix + dictionary code` (null: `radix - 1`; no column: unchanged).
  static func pack(_ column: StringColumn?, radix: Int, into codes: inout ContiguousArray<Int>) {
    guard let column else { return }
    column.codes.withUnsafeBufferPointer { source in
      codes.withUnsafeMutableBufferPointer { codes in
        if let validity = column.validity {
          for row in 0..<codes.count {
            let code = validity[row] ? Int(source[row]) : radix - 1
            codes[row] = codes[row] &* radix &+ code
          }
        } else {
          for row in 0..<codes.count { codes[row] = codes[row] &* radix &+ Int(source[row]) }
        }
      }
    }
  }

  /// `codes = codes × 3 + (false 0, true 1, null 2)`.
  static func pack(_ column: BoolColumn?, into codes: inout ContiguousArray<Int>) {
    codes.withUnsafeMutableBufferPointer { codes in
      guard let column else {
        for row in 0..<codes.count { codes[row] = codes[row] &* 3 &+ 2 }
        return
      }
      for row in 0..<codes.count {
        let flag = column.isValid(row) ? (column.bits[row] ? 1 : 0) : 2
        codes[row] = codes[row] &* 3 &+ flag
      }
    }
  }

  /// Dense first-seen group ids of packed `codes` below `tableSize`.
  static func dense(_ codes: ContiguousArray<Int>, tableSize: Int) -> RowGroups {
    var table = ContiguousArray<UInt32>(repeating: .max, count: tableSize)
    var firstRows = ContiguousArray<Int>()
    let ids = ContiguousArray<UInt32>(unsafeUninitializedCapacity: codes.count) { ids, count in
      codes.withUnsafeBufferPointer { codes in
        table.withUnsafeMutableBufferPointer { table in
          for row in 0..<codes.count {
            var id = table[codes[row]]
            if id == .max {
              id = UInt32(firstRows.count)
              table[codes[row]] = id
              firstRows.append(row)
            }
            ids[row] = id
          }
        }
      }
      count = codes.count
    }
    return RowGroups(ids: ids, firstRows: firstRows)
  }
}
