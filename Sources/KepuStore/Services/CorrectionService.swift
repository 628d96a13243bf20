import GRDB
import KepuCore

/// What a void or a restore touched: the record itself and what went with it.
public struct CorrectionOutcome: Sendable, Hashable {
    public var id: Int64
    public var label: RecordLabel
    /// Every record voided or restored, the named one included.
    public var counts: VoidCounts
    /// The records that went along with the named one.
    public var also: VoidCounts {
        var c = counts
        switch label.kind {
        case .event: c.events -= 1
        case .attendance: c.attendance -= 1
        case .cost: c.costs -= 1
        case .printRun: c.printRuns -= 1
        case .survey: c.surveys -= 1
        case .signup: c.signups -= 1
        case .evidence: c.evidence -= 1
        default: break
        }
        return c
    }
}

/// Voiding and restoring any record. A void is a batch: an event takes its sub-activities and everything
/// recorded against them along, a volunteer their sign-ups, a cost its evidence. A restore undoes exactly
/// one batch, and is refused while it would break a rule of the ledger.
public struct CorrectionService: Sendable {
    let ledger: Ledger

    /// The kinds that can be voided and restored.
    public static let kinds: [RecordKind] = [
        .event, .attendance, .cost, .printRun, .survey, .measurement, .volunteer, .signup, .evidence,
    ]

    public func void(_ kind: RecordKind, _ id: Int64, reason: String) throws -> CorrectionOutcome {
        let why = try Parse.text(reason, field: .reason)
        return try ledger.database.write { db in
            let label = try liveLabel(db, kind, id)
            let batch = try ledger.voidBatch(db, reason: why, root: kind, id: id)
            var counts = VoidCounts()
            func voidAll<R: VoidableRecord>(_ type: R.Type, _ filter: SQLExpression) throws -> Int {
                var records = try R.filter(filter).live().order(LedgerColumns.id).fetchAll(db)
                for i in records.indices { try ledger.void(db, &records[i], reason: why, batch: batch) }
                return records.count
            }
            switch kind {
            case .event:
                let tree = try eventTree(db, root: id)
                let onTree = tree.contains(LedgerColumns.eventId)
                counts.attendance = try voidAll(AttendanceRecord.self, onTree)
                counts.costs = try voidAll(CostRecord.self, onTree)
                counts.printRuns = try voidAll(PrintRunRecord.self, onTree)
                counts.surveys = try voidAll(SurveyRecord.self, onTree)
                counts.signups = try voidAll(SignupRecord.self, onTree)
                counts.evidence = try voidAll(EvidenceRecord.self, onTree)
                counts.events = try voidAll(EventRecord.self, tree.contains(LedgerColumns.id))
            case .volunteer:
                counts.signups = try voidAll(SignupRecord.self, SignupRecord.Columns.volunteerId == id)
                _ = try voidAll(VolunteerRecord.self, LedgerColumns.id == id)
            case .cost:
                counts.evidence = try voidAll(EvidenceRecord.self, EvidenceRecord.Columns.costId == id)
                counts.costs = try voidAll(CostRecord.self, LedgerColumns.id == id)
            case .attendance: counts.attendance = try voidAll(AttendanceRecord.self, LedgerColumns.id == id)
            case .printRun: counts.printRuns = try voidAll(PrintRunRecord.self, LedgerColumns.id == id)
            case .survey: counts.surveys = try voidAll(SurveyRecord.self, LedgerColumns.id == id)
            case .measurement: _ = try voidAll(MeasurementRecord.self, LedgerColumns.id == id)
            case .signup: counts.signups = try voidAll(SignupRecord.self, LedgerColumns.id == id)
            case .evidence: counts.evidence = try voidAll(EvidenceRecord.self, LedgerColumns.id == id)
            default: throw KepuError(.noSuchRecord(field: nil, kind: kind, id: id))
            }
            return CorrectionOutcome(id: id, label: label, counts: counts)
        }
    }

    public func restore(_ kind: RecordKind, _ id: Int64, reason: String) throws -> CorrectionOutcome {
        let why = try Parse.text(reason, field: .reason)
        return try ledger.database.write { db in
            let (label, voidedAt, batchID) = try state(db, kind, id)
            guard voidedAt != nil else { throw KepuError(.notVoided(kind: kind, id: id)) }
            guard let batchID, var batch = try VoidBatchRecord.fetchOne(db, key: batchID) else {
                throw KepuError(.notVoided(kind: kind, id: id))
            }
            if batch.rootEntity != kind.rawValue || batch.rootId != id {
                throw KepuError(
                    .voidedWithAnother(
                        kind: kind, id: id, rootKind: RecordKind(rawValue: batch.rootEntity) ?? .event,
                        rootID: batch.rootId))
            }
            let inBatch = LedgerColumns.voidBatch == batchID
            var events = try EventRecord.filter(inBatch).fetchAll(db)
            var attendance = try AttendanceRecord.filter(inBatch).fetchAll(db)
            var costs = try CostRecord.filter(inBatch).fetchAll(db)
            var printRuns = try PrintRunRecord.filter(inBatch).fetchAll(db)
            var surveys = try SurveyRecord.filter(inBatch).fetchAll(db)
            var signups = try SignupRecord.filter(inBatch).fetchAll(db)
            var evidence = try EvidenceRecord.filter(inBatch).fetchAll(db)
            var volunteers = try VolunteerRecord.filter(inBatch).fetchAll(db)
            var measurements = try MeasurementRecord.filter(inBatch).fetchAll(db)

            // The rules a restore must not break, checked before anything is written: each rule one query,
            // however many records the void took along.
            let restoredEvents = Set(events.compactMap(\.id))
            let eventIDs =
                events.compactMap(\.parentId) + attendance.map(\.eventId) + costs.compactMap(\.eventId)
                + printRuns.compactMap(\.eventId) + surveys.map(\.eventId) + signups.map(\.eventId)
                + evidence.compactMap(\.eventId)
            let voidedEvents = try voided(EventRecord.self, Set(eventIDs).subtracting(restoredEvents), db)
            for e in events {
                if let parent = e.parentId, voidedEvents.contains(parent) {
                    throw KepuError(.restoreBlocked(kind: kind, id: id, because: .parentVoided(event: parent)))
                }
            }
            if let e = eventIDs.first(where: voidedEvents.contains) {
                throw KepuError(.restoreBlocked(kind: kind, id: id, because: .eventVoided(event: e)))
            }
            // A door's day whose entry or survey batch was voided has gone on in a new one: the two would
            // count the same day's sign-ins twice. `column` is door_day's for the record's table, `rows`
            // the table that ties its rows to their door.
            func doorDayGoneOn(_ column: String, _ table: String, _ rows: String) throws {
                if let other = try Int64.fetchOne(
                    db,
                    sql: """
                        SELECT d.\(column) FROM \(table) r
                        JOIN \(rows) v ON v.\(column) = r.id
                        JOIN door_day d ON d.door_id = v.door_id AND d.day = r.date
                        JOIN \(table) n ON n.id = d.\(column)
                        WHERE r.void_batch = ? AND n.voided_at IS NULL AND d.\(column) <> r.id
                        LIMIT 1
                        """, arguments: [batchID])
                {
                    throw KepuError(.restoreBlocked(kind: kind, id: id, because: .doorDayTaken(record: other)))
                }
            }
            if !attendance.isEmpty { try doorDayGoneOn("attendance_id", "attendance", "door_visit") }
            if !surveys.isEmpty { try doorDayGoneOn("survey_id", "survey", "door_answer") }
            let restoredCosts = Set(costs.compactMap(\.id))
            let voidedCosts = try voided(
                CostRecord.self, Set(evidence.compactMap(\.costId)).subtracting(restoredCosts), db)
            if let c = evidence.compactMap(\.costId).first(where: voidedCosts.contains) {
                throw KepuError(.restoreBlocked(kind: kind, id: id, because: .costVoided(cost: c)))
            }
            let restoredVolunteers = Set(volunteers.compactMap(\.id))
            for v in volunteers {
                if let phone = v.phone, let other = try ledger.volunteers.withPhone(db, phone) {
                    throw KepuError(
                        .restoreBlocked(
                            kind: kind, id: id, because: .phoneTaken(volunteer: other.id ?? 0, name: other.name)))
                }
            }
            let voidedVolunteers = try voided(
                VolunteerRecord.self, Set(signups.map(\.volunteerId)).subtracting(restoredVolunteers), db)
            for g in signups {
                if voidedVolunteers.contains(g.volunteerId) {
                    throw KepuError(
                        .restoreBlocked(kind: kind, id: id, because: .volunteerVoided(volunteer: g.volunteerId)))
                }
                if let dup = try SignupRecord.all().filter(volunteer: g.volunteerId, event: g.eventId, date: g.date)
                    .live().fetchOne(db)
                {
                    throw KepuError(.restoreBlocked(kind: kind, id: id, because: .signupTaken(signup: dup.id ?? 0)))
                }
            }

            for i in events.indices { try ledger.unvoid(db, &events[i]) }
            for i in attendance.indices { try ledger.unvoid(db, &attendance[i]) }
            for i in costs.indices { try ledger.unvoid(db, &costs[i]) }
            for i in printRuns.indices { try ledger.unvoid(db, &printRuns[i]) }
            for i in surveys.indices { try ledger.unvoid(db, &surveys[i]) }
            for i in signups.indices { try ledger.unvoid(db, &signups[i]) }
            for i in evidence.indices { try ledger.unvoid(db, &evidence[i]) }
            for i in volunteers.indices { try ledger.unvoid(db, &volunteers[i]) }
            for i in measurements.indices { try ledger.unvoid(db, &measurements[i]) }
            batch.restoredAt = ledger.context.timestamp
            batch.restoreReason = why
            try ledger.update(db, batch)
            let counts = VoidCounts(
                events: events.count, attendance: attendance.count, costs: costs.count, printRuns: printRuns.count,
                surveys: surveys.count, signups: signups.count, evidence: evidence.count)
            return CorrectionOutcome(id: id, label: label, counts: counts)
        }
    }

    /// Which of the records are voided, in one query.
    private func voided<R: VoidableRecord>(_ type: R.Type, _ ids: Set<Int64>, _ db: Database) throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        return Set(
            try Int64.fetchAll(
                db, R.select(LedgerColumns.id).filter(ids.contains(LedgerColumns.id) && LedgerColumns.voidedAt != nil)))
    }

    /// The record's label, refusing a missing or already voided one.
    func liveLabel(_ db: Database, _ kind: RecordKind, _ id: Int64) throws -> RecordLabel {
        let (label, voidedAt, _) = try state(db, kind, id)
        if let voidedAt {
            throw KepuError(
                .recordVoided(field: nil, kind: kind, id: id, title: Catalogue.labelDetail(label), on: voidedAt))
        }
        return label
    }

    /// A record's label, when it was voided and by which batch.
    func state(_ db: Database, _ kind: RecordKind, _ id: Int64) throws -> (RecordLabel, String?, Int64?) {
        func fetch<R: VoidableRecord>(_ type: R.Type) throws -> R {
            guard let r = try R.fetchOne(db, key: id) else {
                throw KepuError(.noSuchRecord(field: nil, kind: kind, id: id))
            }
            return r
        }
        switch kind {
        case .event:
            let r = try fetch(EventRecord.self)
            return (.event(title: r.title), r.voidedAt, r.voidBatch)
        case .attendance:
            let r = try fetch(AttendanceRecord.self)
            return (
                .attendance(count: r.count, channel: Channel(rawValue: r.channel) ?? .onsite, event: r.eventId),
                r.voidedAt, r.voidBatch
            )
        case .cost:
            let r = try fetch(CostRecord.self)
            return (.cost(line: try lineName(db, r), amount: Money(fen: r.amountFen)), r.voidedAt, r.voidBatch)
        case .printRun:
            let r = try fetch(PrintRunRecord.self)
            return (.printRun(title: r.title, copies: r.copies), r.voidedAt, r.voidBatch)
        case .survey:
            let r = try fetch(SurveyRecord.self)
            return (.survey(responses: r.responses, satisfied: r.satisfied, event: r.eventId), r.voidedAt, r.voidBatch)
        case .measurement:
            let r = try fetch(MeasurementRecord.self)
            // Named as the plan names what it measures (提高全区人民科学文化素质), else by its metric.
            let plan: Plan?
            do { plan = try ledger.plans.covering(db, date: r.date, unitID: r.unitId).plan } catch let e as KepuError
                where !e.isDatabaseFailure
            { plan = nil }
            let name =
                plan?.allIndicators.first { $0.metric == .measurement(r.metric) }?.name ?? r.metric
            return (.measurement(metric: name, value: Fixed(raw: r.valueE4)), r.voidedAt, r.voidBatch)
        case .volunteer:
            let r = try fetch(VolunteerRecord.self)
            return (.volunteer(name: r.name), r.voidedAt, r.voidBatch)
        case .signup:
            let r = try fetch(SignupRecord.self)
            let name = try VolunteerRecord.fetchOne(db, key: r.volunteerId)?.name ?? ""
            return (.signup(name: name, event: r.eventId), r.voidedAt, r.voidBatch)
        case .evidence:
            let r = try fetch(EvidenceRecord.self)
            return (.evidence(file: r.fileName), r.voidedAt, r.voidBatch)
        default:
            throw KepuError(.noSuchRecord(field: nil, kind: kind, id: id))
        }
    }

    /// The name of a cost's line in the plan that covers it (its id if the plan has changed since).
    func lineName(_ db: Database, _ c: CostRecord) throws -> String {
        let plan = try? ledger.plans.covering(db, date: c.date, unitID: c.unitId)
        return plan?.plan.line(named: c.line)?.name ?? c.line
    }

    /// One record of any kind, voided or not, for `show`.
    public func item(_ kind: RecordKind, _ id: Int64) throws -> RecordItem {
        try ledger.database.read { db in
            func fetch<R: VoidableRecord>(_ type: R.Type) throws -> R {
                guard let r = try R.fetchOne(db, key: id) else {
                    throw KepuError(.noSuchRecord(field: nil, kind: kind, id: id))
                }
                return r
            }
            switch kind {
            case .event:
                guard let row = try EventSummaryRow.fetchAll(db, where: "e.id = \(id)", order: "e.id").first else {
                    throw KepuError(.noSuchRecord(field: nil, kind: kind, id: id))
                }
                return .event(row.summary(depth: 0))
            case .attendance: return .attendance(try fetch(AttendanceRecord.self).listed)
            case .cost: return .cost(try fetch(CostRecord.self).listed)
            case .printRun: return .printRun(try fetch(PrintRunRecord.self).listed)
            case .survey: return .survey(try fetch(SurveyRecord.self).listed)
            case .measurement: return .measurement(try fetch(MeasurementRecord.self).listed)
            case .volunteer:
                _ = try fetch(VolunteerRecord.self)
                let all = try ledger.volunteers.listAll(db)
                guard let v = all.first(where: { $0.id == id }) else {
                    throw KepuError(.noSuchRecord(field: nil, kind: kind, id: id))
                }
                return .volunteer(v)
            case .signup:
                let r = try fetch(SignupRecord.self)
                guard let g = try ledger.volunteers.signups(db, event: r.eventId).first(where: { $0.id == id }) else {
                    throw KepuError(.noSuchRecord(field: nil, kind: kind, id: id))
                }
                return .signup(g)
            default: throw KepuError(.noSuchRecord(field: nil, kind: kind, id: id))
            }
        }
    }
}
