// swift-tools-version:6.1
// Coverage-guided fuzzing of KepuCore's parsers with libFuzzer. Not part of `swift test`:
// build and run it with Fuzz/run (see Fuzz/README.md).
import PackageDescription

let targets = [
    "money", "date", "count", "hours", "percent", "figure", "phone", "target", "csv", "plan", "stats-edition",
    "encoding", "xlsx", "wjx", "xlsx-write", "qr", "official",
]

let package = Package(
    name: "kepu-fuzz",
    dependencies: [.package(name: "kepu", path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .target(
            name: "FuzzSupport",
            dependencies: [
                "FuzzDriver", .product(name: "KepuCore", package: "kepu"), .product(name: "KepuFiles", package: "kepu"),
            ]),
    ]
        + targets.map { name in
            .executableTarget(
                name: "fuzz-\(name)", dependencies: ["FuzzSupport"], path: "Sources/Targets/\(name)",
                linkerSettings: [.unsafeFlags(["-use-ld=lld"])])
        }
)
