// swift-tools-version: 6.1
//
// castform: Terraform's plan/apply workflow for media publishing (Mixcloud, Livepeer Studio).
// The targets follow the pipeline of DESIGN.md §3; their order below is the order data flows.
import PackageDescription

let package = Package(
    name: "castform",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "castform", targets: ["castform"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Test and benchmark servers only: castform itself never serves HTTP through it.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // libyaml, the system C library. `apt-get install libyaml-dev` provides it.
        .systemLibrary(
            name: "CYAML",
            path: "Sources/CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "YAML", dependencies: ["CYAML"]),
        .target(name: "CastformCore"),
        .target(name: "CastformManifest", dependencies: ["YAML", "CastformCore"]),
        .target(name: "CastformProviders", dependencies: ["CastformCore"]),
        .target(name: "CastformRendering", dependencies: ["CastformCore"]),
        .target(
            name: "CastformHTTP",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "castform",
            dependencies: [
                "CastformCore", "CastformManifest", "CastformProviders", "CastformRendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "CastformTestSupport",
            dependencies: ["CastformCore", "CastformManifest", "CastformProviders"]
        ),
        .executableTarget(
            name: "castform-bench",
            dependencies: ["CastformCore", "CastformManifest", "CastformProviders"],
            path: "Benchmarks/castform-bench"
        ),
        .executableTarget(
            name: "castform-upload-bench",
            dependencies: [
                "CastformHTTP",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Benchmarks/castform-upload-bench"
        ),

        .testTarget(name: "YAMLTests", dependencies: ["YAML"]),
        .testTarget(
            name: "CastformManifestTests",
            dependencies: ["CastformManifest", "CastformProviders", "CastformTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CastformRenderingTests",
            dependencies: ["CastformRendering", "CastformCore"]
        ),
        .testTarget(
            name: "CastformHTTPTests",
            dependencies: [
                "CastformHTTP",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["CastformTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
