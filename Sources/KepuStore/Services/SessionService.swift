import Crypto
import Foundation
import GRDB
import KepuCore

/// A signed-in browser: who, and the token its forms must carry.
public struct WebSession: Sendable, Hashable {
    public var user: UserItem
    public var csrf: String
    /// The session was last marked as seen more than a minute ago: `touch` it (a write, which the
    /// server does off the request's path, so that reading a page never waits for a writer).
    public var needsTouch: Bool = false
}

/// The web app's sessions. An id is 32 random bytes (256 bits) given to the browser once and kept
/// only as its SHA-256; a session ends on sign-out, when its user is disabled, or after 8 idle hours.
public struct SessionService: Sendable {
    let ledger: Ledger
    public static let idle: TimeInterval = 8 * 3600

    /// Random bytes as hex, from the system's generator.
    public static func random(_ count: Int = 32) -> String {
        var rng = SystemRandomNumberGenerator()
        return (0..<count).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &rng)) }.joined()
    }

    /// Starts a session for a user; returns its id, for the cookie.
    public func start(userID: Int64) throws -> String {
        let id = Self.random()
        let now = ledger.context.timestamp
        try ledger.database.write { db in
            try db.execute(
                literal: """
                    INSERT INTO web_session (id_hash, user_id, csrf, created_at, last_seen_at)
                    VALUES (\(UserService.digest(id)), \(userID), \(Self.random()), \(now), \(now))
                    """)
        }
        return id
    }

    /// The live session of an id, seen now; nil when unknown, ended, idle too long or its user disabled.
    /// The live session with this id, read without writing: a page is served while an import holds
    /// the write lock.
    public func find(_ id: String, now: Date = Date()) throws -> WebSession? {
        let hash = UserService.digest(id)
        return try ledger.database.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT s.csrf, s.last_seen_at, u.id, u.name, u.role, u.created_at
                        FROM web_session s JOIN app_user u ON u.id = s.user_id
                        WHERE s.id_hash = ? AND s.ended_at IS NULL AND u.disabled_at IS NULL
                        """, arguments: [hash])
            else { return nil }
            let lastSeen: String = row[1]
            guard let seen = ISO8601DateFormatter().date(from: lastSeen), now.timeIntervalSince(seen) < Self.idle
            else { return nil }
            let user = UserItem(
                id: row[2], name: row[3], role: UserRole(rawValue: row[4]) ?? .clerk, createdAt: row[5],
                disabledAt: nil,
                activeTokens: 0)
            return WebSession(user: user, csrf: row[0], needsTouch: now.timeIntervalSince(seen) > 60)
        }
    }

    /// Marks a session as seen now, which keeps it from ending after 8 idle hours.
    public func touch(_ id: String, now: Date = Date()) throws {
        try ledger.database.write { db in
            try db.execute(
                sql: "UPDATE web_session SET last_seen_at = ? WHERE id_hash = ? AND ended_at IS NULL",
                arguments: [Timestamp.iso(now), UserService.digest(id)])
        }
    }

    public func end(_ id: String) throws {
        try ledger.database.write { db in
            try db.execute(
                sql: "UPDATE web_session SET ended_at = ? WHERE id_hash = ? AND ended_at IS NULL",
                arguments: [ledger.context.timestamp, UserService.digest(id)])
        }
    }
}
