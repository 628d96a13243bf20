import GRDB
import KepuCore

/// What adding a volunteer did.
public struct VolunteerResult: Sendable {
    public var id: Int64
    /// Set when the organization was created by this write.
    public var newOrganization: String?
}

/// Volunteers, their organizations (队伍) and their sign-ups with hours.
public struct VolunteerService: Sendable {
    let ledger: Ledger

    public func add(_ v: NewVolunteer) throws -> VolunteerResult {
        try ledger.database.write { db in try add(db, v) }
    }

    /// The live volunteer with this phone, if any.
    func withPhone(_ db: Database, _ phone: String) throws -> VolunteerRecord? {
        try VolunteerRecord.filter(VolunteerRecord.Columns.phone == phone).live().fetchOne(db)
    }

    /// The live volunteer without a phone with this name and organization, if any (how an import matches people).
    func withoutPhone(_ db: Database, name: String, org: String?) throws -> VolunteerRecord? {
        let orgID = try org.flatMap { try OrganizationRecord.all().filter(name: $0).fetchOne(db)?.id }
        if org != nil && orgID == nil { return nil }
        return try VolunteerRecord.filter(VolunteerRecord.Columns.name == name && VolunteerRecord.Columns.phone == nil)
            .live().filter(VolunteerRecord.Columns.orgId == orgID).fetchOne(db)
    }

    /// The organization's id, created (and audited) on first use.
    func organization(_ db: Database, _ name: String) throws -> (id: Int64, created: Bool) {
        if let o = try OrganizationRecord.all().filter(name: name).fetchOne(db), let id = o.id {
            return (id, false)
        }
        var o = OrganizationRecord(name: name, createdAt: ledger.context.timestamp)
        return (try ledger.insert(db, &o), true)
    }

    func add(_ db: Database, _ v: NewVolunteer, importID: Int64? = nil, phoneField: Field = .phone) throws
        -> VolunteerResult
    {
        if let phone = v.phone, let other = try withPhone(db, phone) {
            throw KepuError(
                .phoneTaken(
                    field: phoneField, maskedPhone: maskPhone(phone), volunteer: other.id ?? 0,
                    name: other.name))
        }
        let org = try v.org.map { try organization(db, $0) }
        var record = VolunteerRecord(
            name: v.name, phone: v.phone, orgId: org?.id, platformNo: v.platformNo, importId: importID,
            createdAt: ledger.context.timestamp, voidedAt: nil, voidReason: nil)
        let id = try ledger.insert(db, &record)
        return VolunteerResult(id: id, newOrganization: org?.created == true ? v.org : nil)
    }

    @discardableResult
    public func signup(_ s: NewSignup) throws -> SignupAdded {
        try ledger.database.write { db in try signup(db, s) }
    }

    @discardableResult
    func signup(
        _ db: Database, _ s: NewSignup, importID: Int64? = nil, eventField: Field = .event
    ) throws -> SignupAdded {
        guard let v = try VolunteerRecord.fetchOne(db, key: s.volunteer) else {
            throw KepuError(.noSuchRecord(field: .volunteer, kind: .volunteer, id: s.volunteer))
        }
        if let voided = v.voidedAt {
            throw KepuError(
                .recordVoided(field: .volunteer, kind: .volunteer, id: s.volunteer, title: v.name, on: voided))
        }
        let e = try ledger.events.live(db, s.event, field: eventField)
        let date = s.date ?? e.startDate
        if let dup = try SignupRecord.all().filter(volunteer: s.volunteer, event: s.event, date: date).live()
            .fetchOne(db)
        {
            // A sign-up made earlier in the same import has no id the user could look up.
            let shown = importID != nil && dup.importId == importID ? nil : dup.id
            throw KepuError(.alreadySignedUp(name: v.name, event: s.event, date: date, signup: shown))
        }
        var record = SignupRecord(
            volunteerId: s.volunteer, eventId: s.event, date: date, hoursCenti: s.hoursCenti, role: s.role,
            importId: importID, createdAt: ledger.context.timestamp, voidedAt: nil, voidReason: nil)
        let id = try ledger.insert(db, &record)
        return SignupAdded(
            id: id, volunteer: s.volunteer, volunteerName: v.name, event: s.event, eventTitle: e.title,
            hoursCenti: s.hoursCenti)
    }

    /// An event's sign-ups with the volunteers' names, voided ones included.
    func signups(_ db: Database, event: Int64) throws -> [SignupItem] {
        try SignupRow.fetchAll(
            db,
            SQLRequest<SignupRow>(
                literal: """
                    SELECT g.id, g.volunteer_id, v.name, v.phone, o.name AS org, g.event_id, g.date, g.hours_centi, g.role,
                      g.voided_at, g.void_reason
                    FROM signup g JOIN volunteer v ON v.id = g.volunteer_id LEFT JOIN organization o ON o.id = v.org_id
                    WHERE g.event_id = \(event) ORDER BY g.date, g.id
                    """)
        ).map { r in
            SignupItem(
                id: r.id, volunteer: r.volunteerId, name: r.name, phone: r.phone, org: r.org, event: r.eventId,
                date: r.date, hoursCenti: r.hoursCenti, role: r.role,
                voided: r.voidedAt.map { VoidState(at: $0, reason: r.voidReason ?? "") })
        }
    }
}

struct VolunteerSummaryRow: Decodable, FetchableRecord {
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    var id: Int64
    var name: String
    var phone: String?
    var org: String?
    var platformNo: String?
    var signups: Int64
    var hours: Int64
    var voidedAt: String?
    var voidReason: String?

    var summary: VolunteerSummary {
        VolunteerSummary(
            id: id, name: name, phone: phone, org: org, platformNo: platformNo, signups: signups, hoursCenti: hours,
            voided: voidedAt.map { VoidState(at: $0, reason: voidReason ?? "") })
    }
}

struct SignupRow: Decodable, FetchableRecord {
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    var id: Int64
    var volunteerId: Int64
    var name: String
    var phone: String?
    var org: String?
    var eventId: Int64
    var date: CalendarDate
    var hoursCenti: Int64?
    var role: String?
    var voidedAt: String?
    var voidReason: String?
}
