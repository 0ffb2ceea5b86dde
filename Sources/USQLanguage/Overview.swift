// # USQLanguage — overview
//
// The front end of usq: text in, syntax tree and diagnostics out. Stdlib only, no I/O.
//
// ```
// line / -c / script ─▶ Script (scripts only: comments, `|` continuations, param / $NAME)
//                    ─▶ Lexer  (tokens; value mode for key=value options and paths)
//                    ─▶ Parser (recursive descent, one method per grammar rule)
//                    ─▶ Statement: .pipeline(PipelineSyntax) | .command(CommandSyntax) | .empty
//                       + [Diagnostic] (spans in UTF-8 bytes of the SourceFile)
//                    ─▶ (USQEngine binds the tree against schemas)
//                    ─▶ DiagnosticFormatter (STYLE rule 17; scripts: FILE:LINE:COL: …)
// ```
//
// - `Syntax/`: the tree. Every node carries a `Span`; names are `Name`s (text + span); literals
//   keep their text. `SyntaxDump` prints a canonical form for tests.
// - `Lexer/`: `Token`, `Lexer` (never throws; bad text becomes `.invalid` plus a diagnostic),
//   `Literal` (reads option values: integers, durations such as `-7d`, dates with zones).
// - `Parser/`: `Parser.parse(_:)`. After the first error in a stage the parser stays quiet until
//   the next `|`; every loop consumes a token; expression nesting is capped at 200 levels and
//   an expression tree at 1,000 operators on one path (`Parser.maximumOperatorDepth`), so the
//   recursive passes after the parser (binding, evaluation, printing) stay within the stack.
// - `Diagnostics/`: `Diagnostic`, `SourceFile` (line starts, display-width columns),
//   `DiagnosticFormatter` + `DiagnosticDecorator`, `DidYouMean`, the `LanguageMessages` catalog.
// - `Script/`: `Script.parse(_:overrides:)` → `ScriptStatement`s that map spans back to the file
//   (the shell's `Continuation` decides the `...>` prompt).
// - `Completion/`: `Completion.request(line:cursor:)` says what is expected at the cursor; the
//   engine and shell supply the candidates.
