// USQEngine: the half of usq after parsing.
//
// ```
// syntax tree ─▶ Binder (Environment: endpoints, stored frames, now)
//             ─▶ Plan: source (load request | read | from | _) + bound operations, each with the
//                schema it produces, checked stage by stage; diagnostics with spans
//             ─▶ Executor (DataSource) ─▶ frame kernels per operation ─▶ ExecutionResult
//                (.table | .chart | .export | .stored, plus per-stage timings)
// ```
//
// Everything here is pure apart from `read` (files) and the `DataSource` the shell passes in:
// the clock arrives as `Environment.now`, the network behind `DataSource`.
