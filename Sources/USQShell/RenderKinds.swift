import USQEngine
import USQLanguage
import USQRender

// The renderer does not see the language or the engine (it draws frames for any caller), so the
// language's chart kinds and export formats have a twin in USQRender. These exhaustive switches
// are the only crossing: a kind added on one side does not compile until it is mapped here.

extension ChartSpec.Kind {
  /// The renderer's kind for the language's `chart KIND`.
  init(_ kind: ChartKind) {
    switch kind {
    case .bar: self = .bar
    case .stack: self = .stack
    case .line: self = .line
    case .pie: self = .pie
    case .spark: self = .spark
    case .heat: self = .heat
    }
  }
}

extension Exporter.Format {
  /// The renderer's format for the language's `export … format=`.
  init(_ format: ExportFormat) {
    switch format {
    case .csv: self = .csv
    case .json: self = .json
    case .ndjson: self = .ndjson
    case .md: self = .md
    }
  }
}
