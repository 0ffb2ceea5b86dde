// USQEngine: the half of usq after parsing.
//
// ```
// PipelineSyntax ─▶ Binder(environment:)            Environment: endpoints, stored frames, _,
//                   .bind(pipeline)                  now, prefixes at the prompt, working folder,
//                                                    the FileSource `read` uses
//                 ─▶ (Plan?, [Diagnostic])           every check that can be made before a request;
//                                                    the schema after each stage (Plan.stages) and
//                                                    the columns each reads (ColumnPruning)
//                 ─▶ Executor(environment:, dataSource:, listCache:).run(plan) async throws
//                 ─▶ ExecutionResult                 .frame, .output (.table | .chart | .export |
//                                                    .stored), .timings, .timerLine
// ```
//
// Around it: `Plan.explain(dataSource:)` for `explain`, `CompletionProvider` for Tab,
// `HelpCatalog` and `FieldsCatalog` for `help` and `fields`, `SettingCatalog` for `set`'s names.
// Each pipeline stage is one file under `Operations/` (binding, running, help, messages).
//
// Everything here is pure: the clock arrives as `Environment.now`, files behind
// `Environment.files` (a `FileSource`), the network behind `DataSource`.
