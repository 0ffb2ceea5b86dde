// USQEngine: the half of usq after parsing.
//
// ```
// PipelineSyntax ─▶ Binder(environment:)            Environment: endpoints, stored frames, _,
//                   .bind(pipeline)                  now, prefixes at the prompt, working folder
//                 ─▶ (Plan?, [Diagnostic])           every check that can be made before a request;
//                                                    the schema after each stage (Plan.stages) and
//                                                    the columns each reads (ColumnPruning)
//                 ─▶ Executor(environment:, dataSource:, listCache:).run(plan) async throws
//                 ─▶ ExecutionResult                 .frame, .output (.table | .chart | .export |
//                                                    .stored), .timings, .timerLine
// ```
//
// Around it: `Plan.explain(dataSource:)` for `explain`, `CompletionProvider` for Tab,
// `HelpCatalog` and `FieldsCatalog` for `help` and `fields`, `SettingCatalog` for `set`.
// Each pipeline stage is one file under `Operations/` (binding, running, help, messages).
//
// Everything here is pure apart from `read` (files) and the `DataSource` the shell passes in:
// the clock arrives as `Environment.now`, the network behind `DataSource`.
