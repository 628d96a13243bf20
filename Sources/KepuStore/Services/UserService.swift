import Foundation
import GRDB
import HummingbirdBcrypt
import KepuCore

/// A user as listed (no secret in it).
public struct UserItem: Sendable, Hashable {
    public var id: Int64
    public var name: String
    public var role: UserRole
    public var createdAt: String
    public var disabledAt: String?
    public var activeTokens: Int
}

/// The office web app's users: `kepu user add / list / passwd / disable / token`.
///
/// Passwords are hashed with bcrypt (HummingbirdBcrypt, cost 12); an API token is 32 random bytes
/// shown once, and only its SHA-256 is stored. Users are disabled, never deleted; disabling one
/// revokes its tokens.
public struct UserService: Sendable {
    let ledger: Ledger
    /// bcrypt's work factor: 2^12 rounds, about a quarter of a second on this machine's cores.
    public static let cost: UInt8 = 12

    public func add(name: String, role: UserRole, password: String) throws -> Int64 {
        try UserPassword.check(password)
        let hash = Bcrypt.hash(password, cost: Self.cost)
        return try ledger.database.write { db in
            if try UserRecord.filter(Column("name").collating(.nocase) == name).fetchOne(db) != nil {
                throw KepuError(.userExists(name: name))
            }
            var record = UserRecord(
                name: name, role: role.rawValue, passwordHash: hash, createdAt: ledger.context.timestamp,
                passwordChangedAt: ledger.context.timestamp)
            return try ledger.insert(db, &record)
        }
    }

    public func list() throws -> [UserItem] {
        try ledger.database.read { db in
            try UserRecord.order(Column("name")).fetchAll(db).map { u in
                let tokens = try APITokenRecord.filter(Column("user_id") == u.id && Column("revoked_at") == nil)
                    .fetchCount(db)
                return UserItem(
                    id: u.id ?? 0, name: u.name, role: UserRole(rawValue: u.role) ?? .clerk, createdAt: u.createdAt,
                    disabledAt: u.disabledAt, activeTokens: tokens)
            }
        }
    }

    public func setPassword(name: String, password: String) throws {
        try UserPassword.check(password)
        let hash = Bcrypt.hash(password, cost: Self.cost)
        try ledger.database.write { db in
            var u = try user(db, name)
            u.passwordHash = hash
            u.passwordChangedAt = ledger.context.timestamp
            try ledger.update(db, u)
        }
    }

    public func disable(name: String) throws {
        try ledger.database.write { db in
            var u = try user(db, name)
            guard u.disabledAt == nil else { throw KepuError(.userDisabled(name: u.name)) }
            u.disabledAt = ledger.context.timestamp
            try ledger.update(db, u)
            for var t in try APITokenRecord.filter(Column("user_id") == u.id && Column("revoked_at") == nil).fetchAll(
                db)
            {
                t.revokedAt = ledger.context.timestamp
                try ledger.update(db, t)
            }
        }
    }

    /// A new API token for a live user: returned once, stored as its SHA-256.
    public func newToken(name: String) throws -> String {
        let token = "kepu_" + SessionService.random(32)
        try ledger.database.write { db in
            let u = try user(db, name)
            guard u.disabledAt == nil, let uid = u.id else { throw KepuError(.userDisabled(name: u.name)) }
            var record = APITokenRecord(userId: uid, tokenHash: Self.digest(token), createdAt: ledger.context.timestamp)
            try ledger.insert(db, &record)
        }
        return token
    }

    /// The live user a token belongs to, or nil.
    public func user(token: String) throws -> UserItem? {
        try ledger.database.read { db in
            guard
                let t = try APITokenRecord.filter(
                    Column("token_hash") == Self.digest(token) && Column("revoked_at") == nil
                )
                .fetchOne(db),
                let u = try UserRecord.fetchOne(db, key: t.userId), u.disabledAt == nil
            else { return nil }
            return UserItem(
                id: u.id ?? 0, name: u.name, role: UserRole(rawValue: u.role) ?? .clerk, createdAt: u.createdAt,
                disabledAt: nil, activeTokens: 1)
        }
    }

    /// The live user whose password this is, or nil (the same time is spent when the name is unknown).
    public func user(name: String, password: String) throws -> UserItem? {
        let u = try ledger.database.read { db in
            try UserRecord.filter(Column("name").collating(.nocase) == name).fetchOne(db)
        }
        guard let u else {
            _ = Bcrypt.verify(password, hash: Self.dummyHash)
            return nil
        }
        guard Bcrypt.verify(password, hash: u.passwordHash), u.disabledAt == nil else { return nil }
        return UserItem(
            id: u.id ?? 0, name: u.name, role: UserRole(rawValue: u.role) ?? .clerk, createdAt: u.createdAt,
            disabledAt: nil, activeTokens: 0)
    }

    static let dummyHash = Bcrypt.hash("kepu-no-such-user", cost: cost)

    static func digest(_ token: String) -> String { sha256Hex(Data(token.utf8)) }

    func user(_ db: Database, _ name: String) throws -> UserRecord {
        guard let u = try UserRecord.filter(Column("name").collating(.nocase) == name).fetchOne(db) else {
            throw KepuError(.noSuchUser(name: name))
        }
        return u
    }
}
