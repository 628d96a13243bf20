// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "kepu",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kepu", targets: ["kepu"]),
        .library(name: "KepuCore", targets: ["KepuCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // Pure values and functions: no database, no printing.
        .target(
            name: "KepuCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // The only module that talks SQL.
        .target(
            name: "KepuStore",
            dependencies: [
                "KepuCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // One neutral report table rendered as text, Markdown, CSV, JSON and HTML.
        .target(name: "KepuReport", dependencies: ["KepuCore"]),
        // Argument parsing and output; no SQL, no arithmetic.
        .target(
            name: "KepuCLI",
            dependencies: [
                "KepuCore", "KepuStore", "KepuReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "kepu", dependencies: ["KepuCLI"]),
        .executableTarget(
            name: "kepu-bench",
            dependencies: [
                "KepuCore", "KepuStore", "KepuReport", "KepuCLI", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Benchmarks",
            exclude: ["README.md"]
        ),
        .testTarget(name: "KepuCoreTests", dependencies: ["KepuCore"]),
        .testTarget(
            name: "KepuStoreTests",
            dependencies: ["KepuStore", "KepuCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "KepuReportTests", dependencies: ["KepuReport", "KepuCore"]),
        .testTarget(
            name: "KepuCLITests",
            dependencies: [
                "KepuCLI", "KepuStore", "KepuCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Golden"]
        ),
    ]
)
