import Foundation
import GRDB
import KepuCore

/// A volunteer's answer to a door's call, waiting for the clerk to confirm it as a sign-up.
public struct VolunteerCallItem: Sendable, Hashable {
    public var id: Int64
    public var event: Int64
    public var name: String
    public var phone: String
    public var org: String?
    /// When it was answered (UTC, ISO 8601).
    public var at: String
    /// The sign-up it became once confirmed; nil while it waits (and it counts for nothing).
    public var signup: Int64?
}

/// What answering a call did.
public enum VolunteerCallAnswer: Sendable, Hashable {
    /// Recorded: the `number`th answer of the call.
    case recorded(number: Int64)
    /// This phone has answered the call already.
    case already
    /// The call has its `wanted` answers already.
    case full(wanted: Int64)
}

extension DoorService {
    /// `POST /v/TOKEN`: an answer to the door's volunteer call, kept until the clerk confirms it.
    public func answerCall(door id: Int64, name: String, phone: String, org: String?) throws -> VolunteerCallAnswer {
        try ledger.database.write { db in
            guard let door = try DoorRecord.fetchOne(db, key: id) else { throw KepuError(.noOpenDoor(event: 0)) }
            guard door.closedAt == nil, let wanted = door.volunteers else {
                throw KepuError(.noOpenDoor(event: door.eventId))
            }
            if try Bool.fetchOne(
                db, sql: "SELECT 1 FROM volunteer_call WHERE door_id = ? AND phone = ?", arguments: [id, phone]) == true
            {
                return .already
            }
            let answered =
                try Int64.fetchOne(
                    db, sql: "SELECT count(*) FROM volunteer_call WHERE door_id = ?", arguments: [id]) ?? 0
            guard answered < wanted else { return .full(wanted: wanted) }
            try db.execute(
                sql: "INSERT INTO volunteer_call (door_id, event_id, name, phone, org, at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [id, door.eventId, name, phone, org, ledger.context.timestamp])
            let callID = db.lastInsertedRowID
            try ledger.appendAudit(
                db, "volunteer_call", callID,
                after: .object([
                    "event_id": .int(door.eventId), "door_id": .int(id), "name": .string(name),
                    "org": org.map(JSONValue.string) ?? .null,
                ]))
            return .recorded(number: answered + 1)
        }
    }

    /// The calls answered for an event, oldest first.
    public func calls(event: Int64) throws -> [VolunteerCallItem] {
        try ledger.database.read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT id, event_id, name, phone, org, at, signup_id FROM volunteer_call WHERE event_id = ? ORDER BY id",
                arguments: [event]
            ).map {
                VolunteerCallItem(
                    id: $0["id"], event: $0["event_id"], name: $0["name"], phone: $0["phone"], org: $0["org"],
                    at: $0["at"], signup: $0["signup_id"])
            }
        }
    }

    /// Confirms an answer as a sign-up of its event with the hours served: the volunteer with its
    /// phone, else a new one; `kepu volunteer signup --confirm ID --hours H`.
    public func confirmCall(_ id: Int64, hoursCenti: Int64?) throws -> SignupAdded {
        try ledger.database.write { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT event_id, name, phone, org, signup_id FROM volunteer_call WHERE id = ?",
                    arguments: [id])
            else { throw KepuError(.noSuchCall(id: id)) }
            if let done: Int64 = row["signup_id"] { throw KepuError(.callConfirmed(call: id, signup: done)) }
            let event: Int64 = row["event_id"]
            let phone: String = row["phone"]
            let volunteer: Int64
            if let known = try ledger.volunteers.withPhone(db, phone), let vid = known.id {
                volunteer = vid
            } else {
                volunteer = try ledger.volunteers.add(
                    db, NewVolunteer(name: row["name"], phone: phone, org: row["org"])
                ).id
            }
            let signup = try ledger.volunteers.signup(
                db, NewSignup(volunteer: volunteer, event: event, hoursCenti: hoursCenti, role: "扫码报名"))
            try db.execute(sql: "UPDATE volunteer_call SET signup_id = ? WHERE id = ?", arguments: [signup.id, id])
            return signup
        }
    }
}

/// One sign-in through a door, as the office's own record of it.
public struct DoorSignInRow: Sendable, Hashable {
    public var day: CalendarDate
    public var time: String?
    public var name: String
    public var phone: String?
    public var org: String?
}

extension DoorService {
    /// Every sign-in through the event's doors, by day and time: `kepu event door ID --export`.
    public func signIns(event: Int64) throws -> [DoorSignInRow] {
        try ledger.database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT d.day, s.time, s.name, s.phone, s.org FROM door_day d
                    JOIN door ON door.id = d.door_id JOIN signin s ON s.attendance_id = d.attendance_id
                    WHERE door.event_id = ? ORDER BY d.day, s.line
                    """, arguments: [event]
            ).map {
                DoorSignInRow(
                    day: (try? CalendarDate.parse($0["day"] as String)) ?? ledger.today, time: $0["time"],
                    name: $0["name"], phone: $0["phone"], org: $0["org"])
            }
        }
    }
}
