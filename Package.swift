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
    .target(name: "USQFrame"),
    .target(name: "USQLanguage"),
    .target(name: "USQEngine", dependencies: ["USQLanguage", "USQFrame"]),
    .target(name: "USQOpenAI", dependencies: ["USQFrame"]),
    .target(
      name: "USQDemo",
      dependencies: ["USQOpenAI", .product(name: "FlyingFox", package: "FlyingFox")]
    ),
    .target(name: "USQRender", dependencies: ["USQFrame"]),
    .target(
      name: "USQShell",
      dependencies: [
        "CLibEdit", "USQFrame", "USQLanguage", "USQEngine", "USQOpenAI", "USQDemo", "USQRender",
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
      dependencies: ["USQFrame", "USQEngine", "USQOpenAI", "USQDemo", "USQLanguage"]
    ),
    // Test helpers shared by the test targets (golden files); not part of the product.
    .target(name: "USQTestSupport", path: "Tests/USQTestSupport"),
    .testTarget(
      name: "USQFrameTests",
      dependencies: [
        "USQTestSupport", "USQFrame",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
    .testTarget(
      name: "USQLanguageTests", dependencies: ["USQTestSupport", "USQLanguage"], exclude: ["Golden"]
    ),
    .testTarget(
      name: "USQEngineTests",
      dependencies: ["USQTestSupport", "USQEngine", "USQLanguage", "USQFrame"], exclude: ["Golden"]),
    .testTarget(
      name: "USQOpenAITests", dependencies: ["USQTestSupport", "USQOpenAI", "USQDemo", "USQFrame"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "USQDemoTests", dependencies: ["USQTestSupport", "USQDemo", "USQOpenAI", "USQFrame"]),
    .testTarget(
      name: "USQRenderTests", dependencies: ["USQTestSupport", "USQRender", "USQFrame"],
      exclude: ["Golden"]),
    .testTarget(
      name: "USQShellTests",
      dependencies: [
        "USQTestSupport", "USQShell", "USQEngine", "USQFrame", "USQDemo", "USQOpenAI",
      ],
      exclude: ["Scripts", "Golden"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
