import Foundation
import GRDB
import HummingbirdBcrypt
import KepuCore

/// An API token as listed: never the token itself.
public struct TokenItem: Sendable, Hashable {
    public var id: Int64
    public var createdAt: String
    public var lastUsedAt: String?
    public var revokedAt: String?
}

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
            if try UserRecord.all().filter(nameIgnoringCase: name).fetchOne(db) != nil {
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
            try UserRecord.order(UserRecord.Columns.name).fetchAll(db).map { u in
                let tokens = try APITokenRecord.all().filter(userId: u.id).active().fetchCount(db)
                return UserItem(
                    id: u.id ?? 0, name: u.name, role: UserRole(rawValue: u.role) ?? .clerk, createdAt: u.createdAt,
                    disabledAt: u.disabledAt, activeTokens: tokens)
            }
        }
    }

    /// A new password: every session of the user ends and every token is revoked, so that whoever
    /// knew the old one is out.
    public func setPassword(name: String, password: String) throws {
        try UserPassword.check(password)
        let hash = Bcrypt.hash(password, cost: Self.cost)
        try ledger.database.write { db in
            var u = try user(db, name)
            u.passwordHash = hash
            u.passwordChangedAt = ledger.context.timestamp
            try ledger.update(db, u)
            try endAccess(db, u)
        }
    }

    /// What is wrong with a change of one's own password, all of it at once: the current password
    /// not the user's, the new one too weak or too long. Writes nothing; throws nothing when the change
    /// may be made. (A bcrypt check: about a quarter of a second.)
    public func checkPasswordChange(name: String, current: String, new: String) throws {
        let u = try ledger.database.read { db in try user(db, name) }
        guard u.disabledAt == nil else { throw KepuError(.userDisabled(name: u.name)) }
        try refusals(of: u, current: current, new: new)
    }

    /// Changes one's own password (我的账户): the current one must be the user's and the new one
    /// good (`UserPassword.check`); every refusal is thrown together and nothing is written. Audited
    /// (the hash never enters the audit trail). Every other session of the user ends, so that whoever
    /// knew the old password is out; `keeping` (the id of the session the change was made from)
    /// stays signed in. API tokens are left alone: they are the user's scripts', not a password's,
    /// and are revoked one by one (`kepu user token NAME --revoke ID`). Returns how many sessions ended.
    @discardableResult
    public func changePassword(name: String, current: String, new: String, keeping session: String? = nil) throws
        -> Int
    {
        let checked = try ledger.database.read { db in try user(db, name) }
        guard checked.disabledAt == nil else { throw KepuError(.userDisabled(name: checked.name)) }
        try refusals(of: checked, current: current, new: new)
        let hash = Bcrypt.hash(new, cost: Self.cost)
        return try ledger.database.write { db in
            var u = try user(db, name)
            // Changed by someone else since it was checked: the password given is no longer the current one.
            guard u.passwordHash == checked.passwordHash else { throw KepuError(.wrongCurrentPassword) }
            return try replacePassword(db, &u, hash: hash, keeping: session)
        }
    }

    /// An admin's reset of a user's password (the 用户 page), for one who forgot it: audited; every
    /// session of the user ends but `keeping` (an admin resetting their own password stays signed in
    /// where they did it). API tokens are left alone, unlike `setPassword` (`kepu user passwd`), which
    /// revokes them too: a reset is for a forgotten password, not a leaked one, and the office's scripts
    /// keep working; revoke a token with `kepu user token NAME --revoke ID`. Returns how many sessions ended.
    @discardableResult
    public func resetPassword(name: String, new: String, keeping session: String? = nil) throws -> Int {
        try UserPassword.check(new)
        let hash = Bcrypt.hash(new, cost: Self.cost)
        return try ledger.database.write { db in
            var u = try user(db, name)
            return try replacePassword(db, &u, hash: hash, keeping: session)
        }
    }

    /// Throws every refusal of a change at once: the current password wrong, the new one not allowed.
    private func refusals(of u: UserRecord, current: String, new: String) throws {
        var problems: [Problem] = []
        if !Bcrypt.verify(current, hash: u.passwordHash) { problems.append(.wrongCurrentPassword) }
        do { try UserPassword.check(new) } catch let e as KepuError { problems.append(e.problem) }
        if let e = KepuError.all(problems) { throw e }
    }

    /// Saves a new password hash, audited, and ends the user's sessions but `keeping`; returns how many ended.
    private func replacePassword(_ db: Database, _ u: inout UserRecord, hash: String, keeping session: String?)
        throws -> Int
    {
        u.passwordHash = hash
        u.passwordChangedAt = ledger.context.timestamp
        try ledger.update(db, u)
        try db.execute(
            sql: """
                UPDATE web_session SET ended_at = ?
                WHERE user_id = ? AND ended_at IS NULL AND id_hash IS NOT ?
                """,
            arguments: [ledger.context.timestamp, u.id, session.map { Self.digest($0) }])
        return db.changesCount
    }

    /// Disables a user, ending its sessions and revoking its tokens. The last active admin stays:
    /// the office would have no one left to manage users. `by` is the admin doing it on the web,
    /// who may not disable themselves.
    public func disable(name: String, by actor: String? = nil) throws {
        try ledger.database.write { db in
            var u = try user(db, name)
            guard u.disabledAt == nil else { throw KepuError(.userDisabled(name: u.name)) }
            if let actor, actor.lowercased() == u.name.lowercased() {
                throw KepuError(.cannotDisableSelf(name: u.name))
            }
            if u.role == UserRole.admin.rawValue {
                let admins = try UserRecord.filter(
                    UserRecord.Columns.role == "admin" && UserRecord.Columns.disabledAt == nil
                ).fetchCount(db)
                guard admins > 1 else { throw KepuError(.lastAdmin(name: u.name)) }
            }
            u.disabledAt = ledger.context.timestamp
            try ledger.update(db, u)
            try endAccess(db, u)
        }
    }

    /// A disabled user back in use; its old tokens stay revoked.
    public func enable(name: String) throws {
        try ledger.database.write { db in
            var u = try user(db, name)
            guard u.disabledAt != nil else { throw KepuError(.userNotDisabled(name: u.name)) }
            u.disabledAt = nil
            try ledger.update(db, u)
        }
    }

    /// Ends every session of a user and revokes every token.
    private func endAccess(_ db: Database, _ u: UserRecord) throws {
        try db.execute(
            sql: "UPDATE web_session SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL",
            arguments: [ledger.context.timestamp, u.id])
        for var t in try APITokenRecord.all().filter(userId: u.id).active().fetchAll(db) {
            t.revokedAt = ledger.context.timestamp
            try ledger.update(db, t)
        }
    }

    /// A user's API tokens, newest first.
    public func tokens(name: String) throws -> [TokenItem] {
        try ledger.database.read { db in
            let u = try user(db, name)
            return try APITokenRecord.all().filter(userId: u.id).newestFirst().fetchAll(db).map {
                TokenItem(id: $0.id ?? 0, createdAt: $0.createdAt, lastUsedAt: $0.lastUsedAt, revokedAt: $0.revokedAt)
            }
        }
    }

    /// Revokes one token of a user.
    public func revokeToken(name: String, id: Int64) throws {
        try ledger.database.write { db in
            let u = try user(db, name)
            guard var t = try APITokenRecord.fetchOne(db, key: id), t.userId == u.id else {
                throw KepuError(.noSuchToken(name: u.name, id: id))
            }
            guard t.revokedAt == nil else { throw KepuError(.tokenRevoked(id: id)) }
            t.revokedAt = ledger.context.timestamp
            try ledger.update(db, t)
        }
    }

    /// Marks a token as used now (at most once a minute, off the request's path).
    public func touchToken(_ token: String, now: Date = Date()) throws {
        try ledger.database.write { db in
            try db.execute(
                sql: """
                    UPDATE api_token SET last_used_at = ?
                    WHERE token_hash = ? AND (last_used_at IS NULL OR last_used_at < ?)
                    """,
                arguments: [Timestamp.iso(now), Self.digest(token), Timestamp.iso(now.addingTimeInterval(-60))])
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
                let t = try APITokenRecord.filter(APITokenRecord.Columns.tokenHash == Self.digest(token)).active()
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
            try UserRecord.all().filter(nameIgnoringCase: name).fetchOne(db)
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
        guard let u = try UserRecord.all().filter(nameIgnoringCase: name).fetchOne(db) else {
            throw KepuError(.noSuchUser(name: name))
        }
        return u
    }
}
