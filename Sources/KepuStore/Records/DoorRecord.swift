import GRDB

// DoorRecord itself is declared with the door's service (Services/DoorService.swift).
extension DoorRecord {
    enum Columns {
        static let id = Column("id")
        static let eventId = Column("event_id")
        static let tokenHash = Column("token_hash")
        static let closedAt = Column("closed_at")
    }
}
