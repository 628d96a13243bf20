import Foundation
import KepuCore
import Testing

@testable import KepuStore

/// Web sessions: found without a write, touched at most once a minute, ended after 8 idle hours.
@Suite struct SessionTests {
    @Test func aSessionIsReadWithoutWritingAndEndsAfterEightIdleHours() throws {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let ledger = Ledger(
            database: try AppDatabase.inMemory(),
            context: AuditContext(operatorName: "t", command: "t", now: { start }))
        let uid = try ledger.users.add(name: "李干事", role: .clerk, password: "battery staple")
        let id = try ledger.sessions.start(userID: uid)
        let auditRows = try ledger.audit.log(limit: nil).count
        #expect(try ledger.sessions.find(id, now: start)?.needsTouch == false)
        #expect(try ledger.sessions.find(id, now: start + 120)?.needsTouch == true)
        try ledger.sessions.touch(id, now: start + 120)
        #expect(try ledger.sessions.find(id, now: start + 130)?.needsTouch == false)
        // Seven hours after the touch it lives; eight hours and a second after, it has ended.
        #expect(try ledger.sessions.find(id, now: start + 120 + 7 * 3600)?.user.name == "李干事")
        #expect(try ledger.sessions.find(id, now: start + 120 + 8 * 3600 + 1) == nil)
        #expect(try ledger.sessions.find("not a session", now: start) == nil)
        // Reading and touching sessions is not a change to the ledger: nothing is audited.
        #expect(try ledger.audit.log(limit: nil).count == auditRows)
    }
}
