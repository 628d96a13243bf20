import Dispatch
import Foundation
import Testing

@testable import KepuWeb

/// The page cache: kept while the ledger's version holds; after a write, the previous body for as
/// long as the new one is being computed past the patience, then the new one.
/// Serialized: a computation here blocks a thread of the cooperative pool on purpose, as a real one
/// does while it computes.
@Suite(.serialized) struct PageCacheTests {
    @Test func aSlowRecomputationServesThePreviousBodyMarkedStale() async throws {
        let cache = PageCache(patience: .milliseconds(1))
        let first = try await cache.body("k", version: 1) { "v1" }
        #expect(first.body == "v1" && !first.stale)
        #expect(try await cache.body("k", version: 1) { "never computed" }.body == "v1")
        // Version 2 is computed by a task held until the test lets it go.
        let gate = DispatchSemaphore(value: 0)
        let during = try await cache.body("k", version: 2) {
            _ = gate.wait(timeout: .now() + 30)
            return "v2"
        }
        #expect(during.body == "v1" && during.stale)
        gate.signal()
        var after = try await cache.body("k", version: 2) { "v2 again" }
        for _ in 0..<1000 where after.stale {
            try await Task.sleep(for: .milliseconds(5))
            after = try await cache.body("k", version: 2) { "v2 again" }
        }
        #expect(after.body == "v2" && !after.stale)
    }

    /// A session that has just written passes a long patience: it gets the new body, not the old.
    @Test func aLongPatienceWaitsForTheNewBody() async throws {
        let cache = PageCache(patience: .milliseconds(1))
        _ = try await cache.body("k", version: 1) { "v1" }
        let r = try await cache.body("k", version: 2, patience: .seconds(30)) {
            Thread.sleep(forTimeInterval: 0.2)
            return "v2"
        }
        #expect(r.body == "v2" && !r.stale)
    }

    @Test func withoutAPreviousBodyTheFirstComputationIsAwaited() async throws {
        let cache = PageCache(patience: .milliseconds(1))
        let r = try await cache.body("other", version: 7) {
            Thread.sleep(forTimeInterval: 0.05)
            return "computed"
        }
        #expect(r.body == "computed" && !r.stale)
    }
}
