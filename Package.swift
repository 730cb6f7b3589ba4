// swift-tools-version: 6.1
//
// castform: Terraform's plan/apply workflow for media publishing (Mixcloud, Livepeer Studio).
// The targets follow the pipeline of DESIGN.md §3; their order below is the order data flows.
import PackageDescription

let package = Package(
    name: "castform",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "castform", targets: ["castform"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // libyaml, the system C library. `apt-get install libyaml-dev` provides it.
        .systemLibrary(
            name: "CYAML",
            path: "Sources/CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // File names as numbers, shared by YAML's marks and castform's locations.
        .target(name: "SourceFileNames"),
        .target(name: "YAML", dependencies: ["CYAML", "SourceFileNames"]),
        // JSON read by looking at each token (state, plan files, the services' answers).
        .target(name: "CastformJSON"),
        .target(name: "CastformCore", dependencies: ["CastformJSON", "SourceFileNames"]),
        .target(name: "CastformManifest", dependencies: ["YAML", "CastformCore", "SourceFileNames"]),
        .target(
            name: "CastformProviders",
            dependencies: [
                "CastformCore", "CastformHTTP",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "CastformState",
            dependencies: [
                "CastformCore", "CastformJSON",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "CastformPlanning", dependencies: ["CastformCore", "CastformJSON", "CastformManifest", "CastformState"]),
        .target(name: "CastformExecution", dependencies: ["CastformCore", "CastformPlanning", "CastformState"]),
        .target(name: "CastformRendering", dependencies: ["CastformCore", "CastformPlanning"]),
        // The one HTTP client of every provider: auth, retries, rate limits, streamed uploads.
        .target(
            name: "CastformHTTP",
            dependencies: [
                "CastformJSON",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Local, faithful emulators of the services' APIs. They model the APIs, not castform's
        // client: this target must not import CastformProviders.
        .target(
            name: "CastformEmulator",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The commands, as a library: the castform binary links them with the real providers,
        // the test bed with the fake one.
        .target(
            name: "CastformCommands",
            dependencies: [
                "CastformCore", "CastformManifest", "CastformState", "CastformPlanning",
                "CastformExecution", "CastformRendering", "CastformEmulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "castform",
            dependencies: ["CastformCommands", "CastformProviders", "CastformEmulator", "CastformCore"]
        ),
        .target(
            name: "CastformTestSupport",
            dependencies: [
                "CastformCore", "CastformState", "CastformHTTP",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        // castform with the fake provider of CastformTestSupport instead of the real services:
        // what the engine's end-to-end tests run (and kill).
        .executableTarget(
            name: "castform-testbed",
            dependencies: ["CastformCommands", "CastformTestSupport"],
            path: "Tests/castform-testbed"
        ),
        // castform under SIGKILLs and injected faults against `castform emulator`, counting
        // duplicates and lost state entries: the short form runs in scripts/test.sh.
        .executableTarget(
            name: "castform-chaos",
            dependencies: ["CastformTestSupport", "CastformEmulator"],
            path: "Tests/castform-chaos"
        ),
        // What both benchmarks share: child processes with their CPU time and peak memory.
        .target(name: "BenchSupport", path: "Benchmarks/BenchSupport"),
        .executableTarget(
            name: "castform-bench",
            dependencies: [
                "BenchSupport", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                "CastformCore", "CastformManifest", "CastformProviders", "CastformState", "CastformPlanning",
                "CastformExecution", "CastformRendering", "CastformTestSupport", "CastformEmulator",
            ],
            path: "Benchmarks/castform-bench"
        ),
        .executableTarget(
            name: "castform-upload-bench",
            dependencies: ["BenchSupport", "CastformHTTP", "CastformEmulator"],
            path: "Benchmarks/castform-upload-bench"
        ),

        .testTarget(name: "YAMLTests", dependencies: ["YAML"]),
        .testTarget(name: "CastformCoreTests", dependencies: ["CastformCore"]),
        .testTarget(name: "CastformJSONTests", dependencies: ["CastformJSON"]),
        .testTarget(name: "CastformExecutionTests", dependencies: ["CastformExecution", "CastformPlanning", "CastformCore"]),
        .testTarget(
            name: "CastformManifestTests",
            dependencies: ["CastformManifest", "CastformProviders", "CastformTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CastformEmulatorTests",
            dependencies: ["CastformEmulator", "CastformTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
        .testTarget(
            name: "CastformHTTPTests",
            dependencies: [
                "CastformHTTP", "CastformTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "CastformRenderingTests",
            dependencies: ["CastformRendering", "CastformCore", "CastformTestSupport"]
        ),
        .testTarget(
            name: "CastformStateTests",
            dependencies: ["CastformState", "CastformTestSupport"]
        ),
        .testTarget(
            name: "CastformPlanningTests",
            dependencies: ["CastformPlanning", "CastformExecution", "CastformRendering", "CastformProviders", "CastformTestSupport"],
            exclude: ["__Snapshots__"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "CastformProvidersTests", dependencies: ["CastformProviders", "CastformHTTP", "CastformCore", "CastformEmulator", "CastformTestSupport"]),
        .testTarget(name: "LivepeerProviderTests", dependencies: ["CastformProviders", "CastformEmulator", "CastformExecution", "CastformTestSupport"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["CastformTestSupport", "CastformEmulator", "CastformProviders", .product(name: "Crypto", package: "swift-crypto")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
