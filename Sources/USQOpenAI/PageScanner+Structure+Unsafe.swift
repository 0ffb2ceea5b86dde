import Foundation
import USQFrame

// The page → bucket → row structure of `ByteScanner`, writing into the `ColumnSink`.

extension ByteScanner {
  /// A document: one page, or (when `allowArray`) a non-empty array of pages.
  mutating func document(allowArray: Bool) throws(ScanFailure) {
    i = 0
    switch peek() {
    case 0x7B: try page()
    case 0x5B:
      guard allowArray else { throw ScanFailure.unsupported }
      i += 1
      if peek() == 0x5D { throw ScanFailure.unsupported }
      while true {
        guard peek() == 0x7B else { throw ScanFailure.unsupported }
        try page()
        let b = peek()
        i += 1
        if b == 0x2C { continue }
        if b == 0x5D { break }
        i -= 1
        throw fail("expected ',' or ']'")
      }
    default: throw ScanFailure.unsupported
    }
    if peek() != 0 || i < n { throw fail("trailing characters after the document") }
  }

  /// `{"object": "page", "data": [...], "has_more": …, "next_page": …}` in any key order.
  mutating func page() throws(ScanFailure) {
    i += 1
    var seen = 0
    facts = PageFacts()
    if peek() == 0x7D { throw ScanFailure.unsupported }
    while true {
      let k = try key(pageKeys, predicted: 0)
      if k >= 0 {
        if seen & (1 << k) != 0 { throw ScanFailure.unsupported }
        seen |= 1 << k
      }
      switch k {
      case 0:  // data
        guard peek() == 0x5B else { throw ScanFailure.unsupported }
        i += 1
        if peek() == 0x5D {
          i += 1
        } else {
          while true {
            guard peek() == 0x7B else { throw ScanFailure.unsupported }
            try bucket()
            let b = peek()
            i += 1
            if b == 0x2C { continue }
            if b == 0x5D { break }
            i -= 1
            throw fail("expected ',' or ']'")
          }
        }
      case 1:  // has_more
        switch peek() {
        case 0x74:
          try literal("true")
          facts.hasMore = true
        case 0x66: try literal("false")
        case 0x6E: try literal("null")
        default: throw ScanFailure.unsupported
        }
      case 2, 3:  // next_page, last_id
        switch peek() {
        case 0x22:
          let (sp, len) = try string()
          if k == 2 {
            facts.nextPage = String(
              decoding: UnsafeBufferPointer(start: sp, count: len), as: UTF8.self)
          }
        case 0x6E: try literal("null")
        default: throw ScanFailure.unsupported
        }
      default: try skipValue()
      }
      let b = peek()
      i += 1
      if b == 0x2C { continue }
      if b == 0x7D { break }
      i -= 1
      throw fail("expected ',' or '}'")
    }
    if seen & 1 == 0 { throw ScanFailure.unsupported }
  }

  /// `{"start_time", "end_time", "results": [...]}`; the times fill the bucket's rows at its end.
  mutating func bucket() throws(ScanFailure) {
    i += 1
    let firstRow = sink.rows
    var seen = 0
    var start: Int64 = 0
    var end: Int64 = 0
    var predicted = 0
    if peek() != 0x7D {
      while true {
        let k = try key(bucketKeys, predicted: predicted)
        if k >= 0 {
          if seen & (1 << k) != 0 { throw ScanFailure.unsupported }
          seen |= 1 << k
          predicted = k + 1
        }
        switch k {
        case 0, 1:
          let b = peek()
          guard b == 0x2D || b &- 0x30 < 10 else { throw ScanFailure.unsupported }
          let value = try integer()
          if k == 0 { start = value } else { end = value }
        case 2, 3:
          if seen & 0b1100 == 0b1100 { throw ScanFailure.unsupported }
          switch peek() {
          case 0x5B:
            i += 1
            if peek() == 0x5D {
              i += 1
            } else {
              while true {
                guard peek() == 0x7B else { throw ScanFailure.unsupported }
                try row()
                let b = peek()
                i += 1
                if b == 0x2C { continue }
                if b == 0x5D { break }
                i -= 1
                throw fail("expected ',' or ']'")
              }
            }
          case 0x6E: try literal("null")
          default: throw ScanFailure.unsupported
          }
        default: try skipValue()
        }
        let b = peek()
        i += 1
        if b == 0x2C { continue }
        if b == 0x7D { break }
        i -= 1
        throw fail("expected ',' or '}'")
      }
    } else {
      i += 1
    }
    guard seen & 0b11 == 0b11 else { throw ScanFailure.unsupported }
    for r in firstRow..<sink.rows {
      sink.starts[r] = start
      sink.ends[r] = end
    }
    if recordBuckets { facts.buckets.append(BucketSpan(start: start, end: end)) }
  }

  /// One result object: its fields into the sink's next row, or skipped (other `object`).
  mutating func row() throws(ScanFailure) {
    i += 1
    if sink.rows == sink.capacity { sink.grow() }
    let r = sink.rows
    let capacity = sink.capacity
    let values = sink.values
    var seen: UInt64 = 0
    var nulls: UInt64 = 0
    var nestedSeen: UInt64 = 0
    var skipped = false
    var objectSeen = false
    var previous = 0
    let keys = rowKeys
    let following = following
    if peek() == 0x7D {
      i += 1
    } else {
      while true {
        let predicted = following[previous]
        let k = try key(keys, predicted: predicted)
        if k < 0 {
          try skipValue()
        } else {
          if k != predicted { following[previous] = k }
          previous = k &+ 1
          let action = actions[k]
          if action >= 0 {
            try value(
              field: action, row: r, capacity: capacity, values: values, seen: &seen, nulls: &nulls)
          } else if action == ScanPlan.objectAction {
            if objectSeen { throw ScanFailure.unsupported }
            objectSeen = true
            switch peek() {
            case 0x22:
              let (sp, len) = try string()
              if len != objectCount || !bytesEqual(sp, objectBytes, len) { skipped = true }
            case 0x6E: try literal("null")
            default: throw ScanFailure.unsupported
            }
          } else {
            let group = ScanPlan.nestedGroup(action)
            if nestedSeen & (1 << group) != 0 { throw ScanFailure.unsupported }
            nestedSeen |= 1 << group
            try nested(
              group: group, row: r, capacity: capacity, values: values, seen: &seen, nulls: &nulls)
          }
        }
        let b = peek()
        i += 1
        if b == 0x2C { continue }
        if b == 0x7D { break }
        i -= 1
        throw fail("expected ',' or '}'")
      }
    }
    if skipped {
      sink.skippedRows += 1
      return
    }
    let present = seen & ~nulls
    if present & ~valued != 0 {
      // First values of these fields: zero the slots of the earlier (null) rows.
      var newly = present & ~valued
      while newly != 0 {
        let field = newly.trailingZeroBitCount
        newly &= newly &- 1
        (values + field &* capacity).update(repeating: 0, count: r)
      }
      valued |= present
    }
    var absent = (plan.allFields & ~seen) | nulls
    while absent != 0 {
      let field = absent.trailingZeroBitCount
      absent &= absent &- 1
      if valued >> UInt64(field) & 1 == 1 { values[field &* capacity &+ r] = 0 }
      sink.setNull(field: field, row: r)
    }
    sink.rows = r &+ 1
  }

  /// `"amount": {"value": …, "currency": …}`: the nested object of a two-step path.
  mutating func nested(
    group: Int, row r: Int, capacity: Int, values: UnsafeMutablePointer<UInt64>, seen: inout UInt64,
    nulls: inout UInt64
  ) throws(ScanFailure) {
    switch peek() {
    case 0x6E:
      try literal("null")
      return
    case 0x7B: i += 1
    default: throw ScanFailure.unsupported
    }
    if peek() == 0x7D {
      i += 1
      return
    }
    let keys = plan.nestedKeys[group].table
    while true {
      let k = try key(keys, predicted: 0)
      if k < 0 {
        try skipValue()
      } else {
        try value(
          field: plan.nestedFields[group][k], row: r, capacity: capacity, values: values,
          seen: &seen, nulls: &nulls)
      }
      let b = peek()
      i += 1
      if b == 0x2C { continue }
      if b == 0x7D { return }
      i -= 1
      throw fail("expected ',' or '}'")
    }
  }

  /// The value of `field` at `i`, by the field's kind.
  @inline(always)
  mutating func value(
    field: Int, row r: Int, capacity: Int, values: UnsafeMutablePointer<UInt64>, seen: inout UInt64,
    nulls: inout UInt64
  ) throws(ScanFailure) {
    let bit: UInt64 = 1 &<< UInt64(field)
    if seen & bit != 0 { throw ScanFailure.unsupported }
    seen |= bit
    let slot = field &* capacity &+ r
    let b = peek()
    if b == 0x6E {
      try literal("null")
      nulls |= bit
      return
    }
    switch kinds[field] {
    case .integer:
      guard b == 0x2D || b &- 0x30 < 10 else { throw ScanFailure.unsupported }
      values[slot] = UInt64(bitPattern: try integer())
    case .string:
      guard b == 0x22 else { throw ScanFailure.unsupported }
      let (sp, len, hash) = try hashedString()
      values[slot] = UInt64(tables[field].intern(sp, len, hash: hash))
    case .bool:
      if b == 0x74 {
        try literal("true")
        values[slot] = 1
      } else if b == 0x66 {
        try literal("false")
        values[slot] = 0
      } else {
        throw ScanFailure.unsupported
      }
    case .double:
      let text: String
      if b == 0x22 {
        let (sp, len) = try string()
        text = String(decoding: UnsafeBufferPointer(start: sp, count: len), as: UTF8.self)
          .trimmingCharacters(in: .whitespaces)
      } else if b == 0x2D || b &- 0x30 < 10 {
        let start = try number()
        text = String(
          decoding: UnsafeBufferPointer(start: p + start, count: i - start), as: UTF8.self)
        guard let number = Double(text), number.isFinite else { throw ScanFailure.unsupported }
      } else {
        throw ScanFailure.unsupported
      }
      if let number = Double(text) {
        values[slot] = number.bitPattern
      } else {
        nulls |= bit
      }
    }
  }
}
