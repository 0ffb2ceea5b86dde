import Foundation
import Testing

@testable import USQShell

/// Reports rendered by a real browser (headless Chromium): every chart has a box, every table its
/// rows, and the screenshot is a picture, not a blank page — in light and in dark mode.
@Suite(.serialized) struct ReportBrowserTests {
  /// A script with every chart kind (bar, grouped bar, stack, line, pie, spark, heat) and a table.
  static let everyChart = """
    param days = 14
    load completions days=$days | chart bar y=input_tokens,output_tokens title="Input vs output"
    load costs days=$days group=line_item | sum amount by line_item | top 6 | chart bar
    load completions days=$days group=model,project_id | sum num_model_requests by model, project_id
      | chart stack x=model y=num_model_requests by=project_id
    load completions days=$days group=model | chart line y=num_model_requests by=model
    load completions days=$days group=project_id | sum num_model_requests by project_id | names
      | other 5% | chart pie title="Requests by project"
    load completions days=$days group=model | where model ~ "gpt-5*" | chart spark by=model
    load completions hours=72 | chart heat
    load completions days=$days | select start_time, end_time, num_model_requests
    """

  /// What the injected script measured.
  struct Measured: Decodable {
    /// width, height of each `<svg>`, in CSS pixels.
    var svgs: [[Double]]
    /// Body rows of each table in `<main>`.
    var tables: [Int]
  }

  /// Writes each `<svg>`'s box and each table's row count into the DOM, as JSON.
  static let probe = """
    <script>
    (function () {
      var out = { svgs: [], tables: [] };
      document.querySelectorAll("svg").forEach(function (svg) {
        var box = svg.getBoundingClientRect();
        out.svgs.push([box.width, box.height]);
      });
      document.querySelectorAll("main table").forEach(function (table) {
        out.tables.push(table.tBodies.length ? table.tBodies[0].rows.length : 0);
      });
      var pre = document.createElement("pre");
      pre.id = "usq-probe";
      pre.textContent = JSON.stringify(out);
      document.body.appendChild(pre);
    })();
    </script>
    """

  /// Counts the distinct colours of a PNG, in the browser: the image as a data URL on a canvas.
  static func colourProbe(png: Data) -> String {
    """
    <!DOCTYPE html><html><body>
    <img id="shot" src="data:image/png;base64,\(png.base64EncodedString())">
    <pre id="usq-colours"></pre>
    <script>
    window.addEventListener("load", function () {
      var image = document.getElementById("shot");
      var canvas = document.createElement("canvas");
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      var context = canvas.getContext("2d");
      context.drawImage(image, 0, 0);
      var pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      var seen = new Set();
      for (var i = 0; i < pixels.length; i += 4) {
        seen.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
      }
      document.getElementById("usq-colours").textContent = seen.size + " " + canvas.width;
    });
    </script></body></html>
    """
  }

  /// Records `script` into `name.html` in `folder` (the working folder) and returns the page.
  static func record(_ scriptPath: String, in folder: URL, name: String) async throws -> URL {
    let session = TestSession.make(output: TextBuffer(), workingDirectory: folder.path)
    #expect(await session.startReport(path: name + ".html", title: name) == nil)
    #expect(await session.runScript(path: scriptPath, parameters: []) == .ok)
    #expect(await session.finishReport() == nil)
    return folder.appendingPathComponent(name + ".html")
  }

  /// Loads the page with the probe in Chromium; checks boxes, rows and a screenshot.
  static func check(
    _ page: URL, charts: Int, tables: [Int], browser: HeadlessChromium
  ) throws {
    let html = try String(contentsOf: page, encoding: .utf8)
    let probed = page.deletingPathExtension().appendingPathExtension("probe.html")
    try html.replacingOccurrences(of: "</body>", with: probe + "</body>").write(
      to: probed, atomically: true, encoding: .utf8)
    let dom = try browser.dumpDOM(probed)
    let json = try #require(
      dom.range(of: "<pre id=\"usq-probe\">").map { dom[$0.upperBound...] }?.prefix {
        $0 != "<"
      }, "the probe did not run: \(dom.prefix(300))")
    let measured = try JSONDecoder().decode(Measured.self, from: Data(json.utf8))
    #expect(measured.svgs.count == charts)
    for box in measured.svgs {
      #expect(box[0] > 100 && box[1] > 50, "an <svg> is not visible: \(box)")
    }
    #expect(measured.tables == tables)
    for dark in [false, true] {
      let png = page.deletingPathExtension().appendingPathExtension(dark ? "dark.png" : "png")
      try browser.screenshot(page, to: png, width: 1000, height: 2400, darkMode: dark)
      let colourPage = page.deletingPathExtension().appendingPathExtension("colours.html")
      try colourProbe(png: Data(contentsOf: png)).write(
        to: colourPage, atomically: true, encoding: .utf8)
      let counted = try browser.dumpDOM(colourPage)
      let text = try #require(
        counted.range(of: "<pre id=\"usq-colours\">").map { counted[$0.upperBound...] }?.prefix {
          $0 != "<"
        })
      let parts = text.split(separator: " ").compactMap { Int($0) }
      #expect(parts.count == 2 && parts[1] == 1000, "the screenshot did not load: \(text)")
      #expect((parts.first ?? 0) > 200, "a nearly blank screenshot: \(text) colours")
    }
  }

  @Test(
    "the report of a script with every chart kind renders: boxes, rows, a real screenshot",
    .enabled(if: HeadlessChromium.installed != nil, HeadlessChromium.missingNote))
  func everyChartKind() async throws {
    let browser = try #require(HeadlessChromium.installed)
    let folder = try ReportTests.folder()
    let script = folder.appendingPathComponent("every-chart.usq")
    try Self.everyChart.write(to: script, atomically: true, encoding: .utf8)
    let page = try await Self.record(script.path, in: folder, name: "every-chart")
    try Self.check(page, charts: 7, tables: [14], browser: browser)
    // Printable: the print style sheet gives a PDF of several pages.
    let pdf = folder.appendingPathComponent("every-chart.pdf")
    try browser.printPDF(page, to: pdf)
    let printed = try Data(contentsOf: pdf)
    #expect(printed.starts(with: Data("%PDF".utf8)))
    let pages = String(decoding: printed, as: UTF8.self).components(separatedBy: "/Type /Page\n")
    #expect(pages.count - 1 >= 3, "\(pages.count - 1) printed pages")
    // Kept for a look: the folder is printed when USQ_KEEP_REPORTS is set.
    if ProcessInfo.processInfo.environment["USQ_KEEP_REPORTS"] != nil {
      print("report pages in \(folder.path)")
    } else {
      try? FileManager.default.removeItem(at: folder)
    }
  }

  @Test(
    "the report of examples/weekly-report.usq renders its table in a browser",
    .enabled(if: HeadlessChromium.installed != nil, HeadlessChromium.missingNote))
  func weeklyReport() async throws {
    let browser = try #require(HeadlessChromium.installed)
    let folder = try ReportTests.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = ScriptTests.examples.appendingPathComponent("weekly-report.usq").path
    let page = try await Self.record(script, in: folder, name: "weekly")
    try Self.check(page, charts: 0, tables: [7], browser: browser)
  }
}
