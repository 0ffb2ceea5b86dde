extension HTMLReport {
  /// The page's only style sheet: system fonts, light and dark colours, print rules.
  ///
  /// Charts keep their white background in dark mode (they are the same SVG as `export x.svg`,
  /// drawn for white), on a card with rounded corners; tables and text follow the scheme.
  static let css = """

    :root { --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --card: #f6f8fa; --rule: #d1d9e0;
      --warn: #9a6700; --warn-bg: #fff8c5; --err: #cf222e; --err-bg: #ffebe9; --partial: #f2f4f7; }
    @media (prefers-color-scheme: dark) {
      :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --card: #161b22; --rule: #3d444d;
        --warn: #d29922; --warn-bg: #272115; --err: #f85149; --err-bg: #25171c; --partial: #1c2129; }
    }
    * { box-sizing: border-box; }
    body { margin: 0 auto; max-width: 960px; padding: 24px 20px 48px; color: var(--fg);
      background: var(--bg); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica,
      Arial, sans-serif; }
    h1 { font-size: 22px; margin: 0 0 4px; word-break: break-all; }
    .meta, .note { color: var(--muted); font-size: 13px; margin: 4px 0; }
    code, pre { font: 13px/1.4 ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono",
      monospace; }
    pre { margin: 8px 0; white-space: pre-wrap; word-break: break-word; }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
    th, td { padding: 4px 10px; border-bottom: 1px solid var(--rule); text-align: left;
      vertical-align: top; white-space: nowrap; }
    th { font-weight: 600; }
    .num { text-align: right; }
    td.null { color: var(--muted); font-style: italic; }
    tr.partial td { background: var(--partial); font-style: italic; }
    .params { margin: 8px 0; font-size: 13px; }
    .params th { color: var(--muted); font-weight: 500; }
    .table { overflow-x: auto; margin: 8px 0; }
    .statement { margin: 28px 0; page-break-inside: avoid; break-inside: avoid; }
    .source { background: var(--card); border-left: 3px solid var(--rule); padding: 8px 12px;
      border-radius: 4px; }
    .source .line { color: var(--muted); display: inline-block; min-width: 2.5em;
      user-select: none; }
    .failed .source { border-left-color: var(--err); }
    .output { color: var(--fg); }
    .warning { color: var(--warn); background: var(--warn-bg); padding: 8px 12px;
      border-radius: 4px; }
    .error { color: var(--err); background: var(--err-bg); padding: 8px 12px; border-radius: 4px; }
    figure.chart { margin: 8px 0; background: #ffffff; border: 1px solid var(--rule);
      border-radius: 6px; padding: 8px; max-width: 818px; }
    figure.chart svg { display: block; width: 100%; height: auto; }
    @media print {
      :root { --fg: #000000; --muted: #444444; --bg: #ffffff; --card: #f4f4f4; --rule: #bbbbbb;
        --partial: #f4f4f4; }
      body { max-width: none; padding: 0; font-size: 11pt; }
      .table { overflow: visible; }
      th, td { white-space: normal; }
      figure.chart { border: none; padding: 0; }
      a { color: inherit; }
    }

    """
}
