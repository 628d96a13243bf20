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
    /// Rejected by the clerk: when (UTC, ISO 8601) and why. A rejected answer counts for nothing
    /// and its place is open again.
    public var rejected: VoidState?
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
            // The places taken: rejected answers give theirs back.
            let answered =
                try Int64.fetchOne(
                    db, sql: "SELECT count(*) FROM volunteer_call WHERE door_id = ? AND rejected_at IS NULL",
                    arguments: [id]) ?? 0
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
                sql: """
                    SELECT id, event_id, name, phone, org, at, signup_id, rejected_at, reject_reason
                    FROM volunteer_call WHERE event_id = ? ORDER BY id
                    """,
                arguments: [event]
            ).map { row in
                VolunteerCallItem(
                    id: row["id"], event: row["event_id"], name: row["name"], phone: row["phone"], org: row["org"],
                    at: row["at"], signup: row["signup_id"],
                    rejected: (row["rejected_at"] as String?).map {
                        VoidState(at: $0, reason: row["reject_reason"] ?? "")
                    })
            }
        }
    }

    /// Confirms an answer as a sign-up of its event with the hours served: the volunteer with its
    /// phone, else a new one; `kepu volunteer signup --confirm ID --hours H`.
    public func confirmCall(_ id: Int64, hoursCenti: Int64?) throws -> SignupAdded {
        try ledger.database.write { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: "SELECT event_id, name, phone, org, signup_id, rejected_at FROM volunteer_call WHERE id = ?",
                    arguments: [id])
            else { throw KepuError(.noSuchCall(id: id)) }
            if let done: Int64 = row["signup_id"] { throw KepuError(.callConfirmed(call: id, signup: done)) }
            if let on: String = row["rejected_at"] { throw KepuError(.callRejected(call: id, on: on)) }
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

extension DoorService {
    /// Rejects an answer to a call (a made-up name, someone the office did not want): it counts for
    /// nothing, its place opens again, the reason is kept and audited. A confirmed answer is a
    /// sign-up, voided as one; `kepu volunteer signup --reject ID --reason R`.
    public func rejectCall(_ id: Int64, reason: String) throws -> VolunteerCallItem {
        let why = try Parse.text(reason, field: .reason)
        return try ledger.database.write { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT event_id, name, signup_id, rejected_at FROM volunteer_call WHERE id = ?",
                    arguments: [id])
            else { throw KepuError(.noSuchCall(id: id)) }
            if let done: Int64 = row["signup_id"] { throw KepuError(.callConfirmed(call: id, signup: done)) }
            if let on: String = row["rejected_at"] { throw KepuError(.callRejected(call: id, on: on)) }
            let event: Int64 = row["event_id"]
            // A call of a locked year stays as it was.
            _ = try ledger.events.live(db, event)
            let at = ledger.context.timestamp
            try db.execute(
                sql: "UPDATE volunteer_call SET rejected_at = ?, reject_reason = ? WHERE id = ?",
                arguments: [at, why, id])
            try ledger.appendAudit(
                db, "volunteer_call", id,
                after: .object(["event_id": .int(event), "rejected": .bool(true), "reason": .string(why)]))
            return VolunteerCallItem(
                id: id, event: event, name: row["name"], phone: "", org: nil, at: at, signup: nil,
                rejected: VoidState(at: at, reason: why))
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
                    WHERE door.event_id = ? AND NOT EXISTS (
                      SELECT 1 FROM door_visit v WHERE v.attendance_id = s.attendance_id AND v.line = s.line
                      AND v.voided_at IS NOT NULL)
                    ORDER BY d.day, s.line
                    """, arguments: [event]
            ).map {
                DoorSignInRow(
                    day: (try? CalendarDate.parse($0["day"] as String)) ?? ledger.today, time: $0["time"],
                    name: $0["name"], phone: $0["phone"], org: $0["org"])
            }
        }
    }
}
