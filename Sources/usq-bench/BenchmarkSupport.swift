import USQBasics

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ends the process with `code`.
func exitProcess(_ code: Int32) -> Never { exit(code) }

/// Keeps a result alive so the optimiser cannot drop the work that made it.
@inline(never)
func blackHole<T>(_ value: T) {
  withExtendedLifetime(value) {}
}

/// Peak resident set size of this process, in bytes.
func peakResidentBytes() -> Int {
  var usage = rusage()
  #if canImport(Darwin)
  getrusage(RUSAGE_SELF, &usage)
  return Int(usage.ru_maxrss)
  #else
  getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
  return Int(usage.ru_maxrss) * 1_024
  #endif
}

/// CPU time of the calling thread, in milliseconds (less disturbed by a busy machine than
/// wall time).
func threadCPUMilliseconds() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
  return Double(spec.tv_sec) * 1_000 + Double(spec.tv_nsec) / 1e6
}

/// Keeps freed large blocks in the heap instead of returning them to the kernel, so repeated
/// runs reuse memory rather than page-faulting fresh zeroed pages (as a long-running shell
/// would once warm). Linux/glibc only; a no-op elsewhere.
func keepFreedMemory() {
  #if canImport(Glibc)
  // `mallopt` is not in the Glibc module (malloc.h is not imported); look it up.
  typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
  guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
  let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
  let trimThreshold: Int32 = -1  // M_TRIM_THRESHOLD
  let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
  _ = mallopt(mmapThreshold, 1 << 30)
  _ = mallopt(trimThreshold, Int32.max)
  #endif
}

/// Medians of `runs` timed runs after one warm-up: wall and thread CPU time, in milliseconds.
func medianMilliseconds(runs: Int, _ body: () throws -> Void) rethrows -> (
  wall: Double, cpu: Double
) {
  try body()
  var walls: [Double] = []
  var cpus: [Double] = []
  let clock = ContinuousClock()
  for _ in 0..<runs {
    let cpuStart = threadCPUMilliseconds()
    let elapsed = try clock.measure(body)
    cpus.append(threadCPUMilliseconds() - cpuStart)
    let (seconds, attoseconds) = elapsed.components
    walls.append(Double(seconds) * 1_000 + Double(attoseconds) / 1e15)
  }
  walls.sort()
  cpus.sort()
  return (walls[walls.count / 2], cpus[cpus.count / 2])
}

/// `value` with `digits` decimals.
func formatted(_ value: Double, digits: Int = 1) -> String {
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  let rounded = (value * scale).rounded() / scale
  var text = String(rounded)
  if let dot = text.firstIndex(of: ".") {
    let decimals = text.distance(from: dot, to: text.endIndex) - 1
    if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
  } else if digits > 0 {
    text += "." + String(repeating: "0", count: digits)
  }
  return text
}

/// Samples ranks 0..<count with probability ∝ 1 / (rank + 1)^exponent.
struct ZipfSampler {
  let cumulative: [Double]

  init(count: Int, exponent: Double = 1.1) {
    var total = 0.0
    var cumulative: [Double] = []
    for rank in 0..<count {
      total += 1 / pow(Double(rank + 1), exponent)
      cumulative.append(total)
    }
    self.cumulative = cumulative.map { $0 / total }
  }

  func sample(_ random: inout SeededGenerator) -> Int {
    let target = Double(random.next() >> 11) / Double(1 << 53)
    var low = 0
    var high = cumulative.count - 1
    while low < high {
      let middle = (low + high) / 2
      if cumulative[middle] < target { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
