import USQBasics

extension Column {
  /// `hour(t)`, `day(t)`, `week(t)`, `month(t)`: each timestamp floored to `bucket` (UTC; weeks
  /// start Monday). Nulls stay null.
  ///
  /// ```swift
  /// let days = try frame["start_time"]!.flooringTime(to: .day)
  /// ```
  /// - Throws: `FrameError.typeMismatch` unless the column is `time`.
  public func flooringTime(to bucket: TimeBucket) throws(FrameError) -> Column {
    guard case .time(let column) = self else {
      throw .typeMismatch("'\(bucket)' needs a time column, found \(kind)")
    }
    // Already aligned (daily or hourly `load` output): nothing to floor, nothing to copy.
    if let step = bucket.fixedWidth, column.values.allSatisfy({ $0 % step == 0 }) { return self }
    var values = column.values
    switch bucket {
    case .hour: for index in values.indices { values[index] = floorMultiple(values[index], 3_600) }
    case .day: for index in values.indices { values[index] = floorMultiple(values[index], 86_400) }
    case .seconds(let width):
      let step = Swift.max(width, 1)
      for index in values.indices { values[index] = floorMultiple(values[index], step) }
    case .week, .month:
      var lastDay: Int64 = .min
      var lastStart: Int64 = 0
      for index in values.indices {
        // Consecutive rows usually share a day: do the calendar arithmetic once per day.
        let day = floorMultiple(values[index], 86_400)
        if day != lastDay {
          lastDay = day
          lastStart = bucket.floor(day)
        }
        values[index] = lastStart
      }
    }
    return .time(TimeColumn(values: values, validity: column.validity))
  }

  /// `date(t)`: each timestamp's UTC calendar date as a `YYYY-MM-DD` string column.
  /// - Throws: `FrameError.typeMismatch` unless the column is `time`.
  public func formattingDate() throws(FrameError) -> Column {
    guard case .time(let column) = self else {
      throw .typeMismatch("'date' needs a time column, found \(kind)")
    }
    var codes = ContiguousArray<UInt32>(repeating: 0, count: column.count)
    var dictionary: [String] = []
    var lookup: [Int64: UInt32] = [:]
    var lastDay: Int64 = .min
    var lastCode: UInt32 = 0
    for index in 0..<column.count where column.isValid(index) {
      let day = floorDivide(column.values[index], 86_400)
      if day != lastDay {
        lastDay = day
        if let code = lookup[day] {
          lastCode = code
        } else {
          lastCode = UInt32(dictionary.count)
          lookup[day] = lastCode
          dictionary.append(CivilDate(days: day).isoString)
        }
      }
      codes[index] = lastCode
    }
    return .string(StringColumn(codes: codes, dictionary: dictionary, validity: column.validity))
  }

  /// `round(x, n)`: doubles rounded to `digits` decimals, half away from zero (`digits` may be
  /// negative: tens, hundreds, …); ints are
  /// unchanged for `digits >= 0` and rounded to a multiple of 10^-digits otherwise (null
  /// when that overflows).
  /// - Throws: `FrameError.typeMismatch` unless the column is numeric.
  public func rounded(digits: Int = 0) throws(FrameError) -> Column {
    switch self {
    case .double(let column):
      // 10^23 already exceeds a double's 17 significant digits: nothing left to round.
      if digits > 22 { return self }
      var values = column.values
      let scale = powerOfTen(Swift.abs(digits))
      for index in values.indices {
        let value = values[index]
        values[index] =
          digits >= 0 ? (value * scale).rounded() / scale : (value / scale).rounded() * scale
      }
      return .double(DoubleColumn(values: values, validity: column.validity))
    case .int(let column):
      guard digits < 0 else { return self }
      guard digits > -19 else { return .nulls(.int, count: count) }
      var step: Int64 = 1
      for _ in 0..<(-digits) { step *= 10 }
      var values = column.values
      var invalid: Bitmap?
      for index in values.indices {
        let value = values[index]
        let remainder = value % step
        let down = value - remainder
        let away = remainder.magnitude * 2 >= step.magnitude
        let (result, overflow) =
          away ? down.addingReportingOverflow(value < 0 ? -step : step) : (down, false)
        values[index] = overflow ? 0 : result
        if overflow {
          if invalid == nil { invalid = Bitmap(repeating: false, count: count) }
          invalid?[index] = true
        }
      }
      return .int(
        IntColumn(
          values: values, validity: ArithmeticKernel.clearing(invalid, from: column.validity)))
    default:
      throw .typeMismatch("'round' needs a numeric column, found \(kind)")
    }
  }

  /// `lower(s)`: each string lower-cased (per dictionary entry; entries that become equal merge).
  /// - Throws: `FrameError.typeMismatch` unless the column is `string`.
  public func lowercased() throws(FrameError) -> Column {
    try mappingStrings("lower") { $0.lowercased() }
  }

  /// `upper(s)`: each string upper-cased (per dictionary entry).
  /// - Throws: `FrameError.typeMismatch` unless the column is `string`.
  public func uppercased() throws(FrameError) -> Column {
    try mappingStrings("upper") { $0.uppercased() }
  }

  private func mappingStrings(_ name: String, _ transform: (String) -> String) throws(FrameError)
    -> Column
  {
    guard case .string(let column) = self else {
      throw .typeMismatch("'\(name)' needs a string column, found \(kind)")
    }
    var builder = StringColumnBuilder()
    let remap = ContiguousArray(column.dictionary.map { builder.intern(transform($0)) })
    let dictionary = builder.finish().dictionary
    var codes = column.codes
    if !remap.isEmpty {
      for index in codes.indices { codes[index] = remap[Int(codes[index])] }
    }
    return .string(StringColumn(codes: codes, dictionary: dictionary, validity: column.validity))
  }
}

func powerOfTen(_ exponent: Int) -> Double {
  var result = 1.0
  for _ in 0..<exponent { result *= 10 }
  return result
}
