// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "usq",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "usq", targets: ["usq"]),
    .executable(name: "usq-bench", targets: ["usq-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
  ],
  targets: [
    // C shim over the system libedit (libedit-dev): non-variadic usq_el_* wrappers.
    .target(
      name: "CLibEdit",
      linkerSettings: [.linkedLibrary("edit")]
    ),
    // What every layer shares, once: display width, JSON string escaping, the aggregate and
    // join kinds, calendar arithmetic. No dependencies, no Foundation.
    .target(name: "USQBasics"),
    .target(name: "USQFrame", dependencies: ["USQBasics"]),
    .target(name: "USQLanguage", dependencies: ["USQBasics"]),
    // The API's vocabulary: endpoints, fields, filters, group keys, bucket widths, queries.
    .target(name: "USQVocabulary", dependencies: ["USQFrame"]),
    .target(
      name: "USQEngine", dependencies: ["USQBasics", "USQLanguage", "USQFrame", "USQVocabulary"]),
    .target(name: "USQOpenAI", dependencies: ["USQBasics", "USQFrame", "USQVocabulary"]),
    .target(
      name: "USQDemo",
      dependencies: [
        "USQBasics", "USQOpenAI", "USQVocabulary",
        .product(name: "FlyingFox", package: "FlyingFox"),
      ]
    ),
    .target(name: "USQRender", dependencies: ["USQBasics", "USQFrame"]),
    .target(
      name: "USQShell",
      dependencies: [
        "CLibEdit", "USQBasics", "USQFrame", "USQLanguage", "USQEngine", "USQOpenAI", "USQDemo",
        "USQRender",
        "USQVocabulary",
      ]
    ),
    .executableTarget(
      name: "usq",
      dependencies: [
        "USQShell", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "usq-bench",
      dependencies: [
        "USQFrame", "USQEngine", "USQOpenAI", "USQDemo", "USQLanguage", "USQVocabulary",
        // LocalFiles: `read DIR | …` reads the page files as the shell does.
        "USQShell",
      ]
    ),
    // Test helpers shared by the test targets (golden files); not part of the product.
    .target(name: "USQTestSupport", dependencies: ["USQBasics"], path: "Tests/USQTestSupport"),
    .testTarget(
      name: "USQFrameTests",
      dependencies: [
        "USQTestSupport", "USQFrame", "USQBasics",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
    .testTarget(
      name: "USQBasicsTests",
      dependencies: [
        "USQBasics", "USQLanguage", "USQRender", "USQFrame",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    .testTarget(
      name: "USQLanguageTests", dependencies: ["USQTestSupport", "USQLanguage", "USQBasics"],
      exclude: ["Golden"]
    ),
    .testTarget(
      name: "USQEngineTests",
      dependencies: [
        "USQTestSupport", "USQEngine", "USQLanguage", "USQFrame", "USQVocabulary", "USQBasics",
        "USQShell",
      ],
      exclude: ["Golden"]),
    .testTarget(
      name: "USQOpenAITests",
      dependencies: [
        "USQTestSupport", "USQOpenAI", "USQDemo", "USQFrame", "USQVocabulary", "USQBasics",
      ],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "USQDemoTests",
      dependencies: ["USQTestSupport", "USQDemo", "USQOpenAI", "USQFrame", "USQVocabulary"]),
    .testTarget(
      name: "USQRenderTests",
      dependencies: ["USQTestSupport", "USQRender", "USQFrame", "USQBasics"],
      exclude: ["Golden"]),
    .testTarget(
      name: "USQShellTests",
      dependencies: [
        "USQTestSupport", "USQShell", "USQEngine", "USQFrame", "USQDemo", "USQOpenAI",
        "USQVocabulary", "USQBasics",
      ],
      exclude: ["Scripts", "Golden"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
