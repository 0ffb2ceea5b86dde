import USQFrame

/// A time bucket width of the API (`bucket_width`, usq's `bucket=`).
public enum BucketWidth: String, Sendable, Hashable, CaseIterable, Comparable,
  CustomStringConvertible
{
  case minute = "1m"
  case hour = "1h"
  case day = "1d"

  /// The width in seconds.
  public var seconds: Int64 {
    switch self {
    case .minute: 60
    case .hour: 3_600
    case .day: 86_400
    }
  }

  /// The frame kernels' bucket of the same width, for flooring times.
  public var timeBucket: TimeBucket {
    switch self {
    case .minute: .seconds(60)
    case .hour: .hour
    case .day: .day
    }
  }

  public var description: String { rawValue }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.seconds < rhs.seconds }
}
