// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "kepu",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kepu", targets: ["kepu"]),
        .library(name: "KepuCore", targets: ["KepuCore"]),
        .library(name: "KepuFiles", targets: ["KepuFiles"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        // Pure values and functions: no database, no printing.
        .target(
            name: "KepuCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // zlib, which every machine with SQLite's development files has: it inflates the parts of
        // the workbooks kepu reads and deflates those it writes (KepuFiles writes .xlsx itself).
        .systemLibrary(name: "CKepuZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        // The office's files: CSV in UTF-8 or GBK, .xlsx workbooks read and written as streams.
        .target(
            name: "KepuFiles",
            dependencies: [
                "KepuCore", "CKepuZlib", .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The only module that talks SQL.
        .target(
            name: "KepuStore",
            dependencies: [
                "KepuCore", "KepuFiles",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // One neutral report table rendered as text, Markdown, CSV, JSON, HTML and .xlsx; the one HTML
        // escaper (Markup).
        .target(name: "KepuReport", dependencies: ["KepuCore", "KepuFiles"]),
        // The office's documents, composed from the store and the report layouts: what the command
        // line and the web app both call.
        .target(name: "KepuOffice", dependencies: ["KepuCore", "KepuFiles", "KepuStore", "KepuReport"]),
        // The office web app (kepu serve): page groups behind their checks, and a JSON API, over the
        // same library.
        .target(
            name: "KepuWeb",
            dependencies: [
                "KepuCore", "KepuStore", "KepuReport", "KepuOffice",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ]
        ),
        // Argument parsing and output; no SQL, no arithmetic.
        .target(
            name: "KepuCLI",
            dependencies: [
                "KepuCore", "KepuStore", "KepuReport", "KepuOffice", "KepuWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(name: "kepu", dependencies: ["KepuCLI"]),
        .executableTarget(
            name: "kepu-bench",
            dependencies: [
                "KepuCore", "KepuFiles", "KepuStore", "KepuReport", "KepuCLI",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Benchmarks",
            exclude: ["README.md", "hostile-uploads.sh"]
        ),
        .testTarget(name: "KepuCoreTests", dependencies: ["KepuCore"]),
        .testTarget(
            name: "KepuStoreTests",
            dependencies: ["KepuStore", "KepuCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "KepuReportTests", dependencies: ["KepuReport", "KepuCore"]),
        .testTarget(name: "KepuFilesTests", dependencies: ["KepuFiles", "KepuCore"]),
        .testTarget(
            name: "KepuWebTests",
            dependencies: [
                "KepuWeb", "KepuStore", "KepuCore", "KepuFiles",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "KepuCLITests",
            dependencies: [
                "KepuCLI", "KepuStore", "KepuCore", "KepuFiles", "KepuOffice",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Golden"]
        ),
    ]
)
