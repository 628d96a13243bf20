import Foundation
import GRDB
import KepuCore

/// Failed sign-ins, counted so that guessing is slow without letting anyone lock another person out.
///
/// A failure is kept per user name and client address, in the database (a restart keeps it). After
/// 5 failures of a name from one address within 15 minutes, that name waits 15 minutes there; after
/// 20 failures from one address, whatever the names, every name waits there. The same name from an
/// address with no failures still signs in: a stranger on another machine cannot lock the office's
/// admin out. `kepu user unlock NAME` clears a name's failures; the start of each wait and each
/// unlock are in the audit trail.
public struct SignInThrottle: Sendable {
    let ledger: Ledger
    public static let window: TimeInterval = 15 * 60
    public static let perName = 5
    public static let perAddress = 20

    /// Whether a sign-in may be tried.
    public enum Verdict: Sendable, Equatable {
        case open
        /// Not before this time.
        case wait(until: Date)
    }

    public func check(name: String, address: String, now: Date) throws -> Verdict {
        let since = Timestamp.iso(now.addingTimeInterval(-Self.window))
        return try ledger.database.read { db in
            let pair = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(*), max(at) FROM login_failure
                    WHERE name = ? AND address = ? AND at > ? AND cleared_at IS NULL
                    """, arguments: [name, address, since])
            let all = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(*), max(at) FROM login_failure
                    WHERE address = ? AND at > ? AND cleared_at IS NULL
                    """, arguments: [address, since])
            var until: Date?
            for (row, limit) in [(pair, Self.perName), (all, Self.perAddress)] {
                guard let row, let count = row[0] as Int?, count >= limit, let last = row[1] as String?,
                    let at = ISO8601DateFormatter().date(from: last)
                else { continue }
                let end = at.addingTimeInterval(Self.window)
                if end > now { until = max(until ?? end, end) }
            }
            return until.map { .wait(until: $0) } ?? .open
        }
    }

    /// Records a failure; true when it starts a wait, which goes into the audit trail.
    @discardableResult
    public func fail(name: String, address: String, now: Date) throws -> Bool {
        let at = Timestamp.iso(now)
        let since = Timestamp.iso(now.addingTimeInterval(-Self.window))
        return try ledger.database.write { db in
            try db.execute(
                sql: "INSERT INTO login_failure (name, address, at) VALUES (?, ?, ?)", arguments: [name, address, at])
            let pair =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM login_failure
                        WHERE name = ? AND address = ? AND at > ? AND cleared_at IS NULL
                        """, arguments: [name, address, since]) ?? 0
            let all =
                try Int.fetchOne(
                    db,
                    sql: "SELECT count(*) FROM login_failure WHERE address = ? AND at > ? AND cleared_at IS NULL",
                    arguments: [address, since]) ?? 0
            guard pair == Self.perName || all == Self.perAddress else { return false }
            try ledger.appendAudit(
                db, "login", nil,
                after: .object([
                    "name": .string(name), "address": .string(address), "lockout": .bool(true),
                    "failures": .int(Int64(pair == Self.perName ? pair : all)),
                ]))
            return true
        }
    }

    /// A right password: the failures of that name from that address are cleared.
    public func succeed(name: String, address: String, now: Date) throws {
        try ledger.database.write { db in
            try db.execute(
                sql: "UPDATE login_failure SET cleared_at = ? WHERE name = ? AND address = ? AND cleared_at IS NULL",
                arguments: [Timestamp.iso(now), name, address])
        }
    }

    /// `kepu user unlock NAME`: every failure of the name cleared, audited; how many there were.
    public func unlock(name: String) throws -> Int {
        try ledger.database.write { db in
            try db.execute(
                sql: "UPDATE login_failure SET cleared_at = ? WHERE name = ? AND cleared_at IS NULL",
                arguments: [ledger.context.timestamp, name])
            let n = db.changesCount
            try ledger.appendAudit(
                db, "login", nil, after: .object(["name": .string(name), "unlocked": .int(Int64(n))]))
            return n
        }
    }
}

extension Ledger {
    public var signIns: SignInThrottle { SignInThrottle(ledger: self) }
}
