import GRDB
import KepuCore

/// The office's settings, kept in the database so that every front end and every restart sees them, each
/// change audited: `kepu settings` and the web's 设置 page.
public struct SettingsService: Sendable {
    let ledger: Ledger

    /// The settings' keys, as stored.
    enum Key: String {
        /// The address phones reach the server at (`PublicAddress.url`).
        case publicAddress = "public_address"
    }

    /// The address phones reach the server at, as the office set it; nil when it has not.
    public func publicAddress() throws -> PublicAddress? {
        try ledger.database.read { db in
            try SettingRecord.filter(SettingRecord.Columns.key == Key.publicAddress.rawValue).fetchOne(db)?.value
        }.flatMap { try? PublicAddress.parse($0) }
    }

    /// Sets the address (nil clears it), audited. Returns it as kept.
    @discardableResult
    public func setPublicAddress(_ address: PublicAddress?) throws -> PublicAddress? {
        try ledger.database.write { db in
            let now = ledger.context.timestamp
            if var record = try SettingRecord.filter(SettingRecord.Columns.key == Key.publicAddress.rawValue)
                .fetchOne(db)
            {
                guard record.value != address?.url else { return }
                record.value = address?.url
                record.updatedAt = now
                try ledger.update(db, record)
            } else if let address {
                var record = SettingRecord(key: Key.publicAddress.rawValue, value: address.url, updatedAt: now)
                _ = try ledger.insert(db, &record)
            }
        }
        return address
    }
}
