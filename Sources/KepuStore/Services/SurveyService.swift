import GRDB
import KepuCore

/// Satisfaction surveys, external measurements, and the previous years' baselines.
public struct SurveyService: Sendable {
    let ledger: Ledger

    public func add(_ s: NewSurvey) throws -> Int64 {
        try s.validate()
        return try ledger.database.write { db in
            let e = try ledger.events.live(db, s.event)
            try AttendanceService.checkDate(s.date ?? e.endDate, of: e, today: ledger.today)
            var record = SurveyRecord(
                eventId: s.event, date: s.date ?? e.endDate, responses: s.responses, satisfied: s.satisfied,
                createdAt: ledger.context.timestamp, voidedAt: nil, voidReason: nil)
            return try ledger.insert(db, &record)
        }
    }

    public func addMeasurement(_ m: NewMeasurement) throws -> Int64 {
        try m.validate()
        return try ledger.database.write { db in
            let unitID = try ledger.plans.resolveUnit(db, name: m.unit, date: m.date)
            try checkMetric(db, m.metric, unitID: unitID, date: m.date)
            var record = MeasurementRecord(
                unitId: unitID, metric: m.metric, valueE4: m.value.raw, date: m.date, source: m.source,
                createdAt: ledger.context.timestamp, voidedAt: nil, voidReason: nil)
            return try ledger.insert(db, &record)
        }
    }

    /// Sets a previous year's figures where the database has no data for that year; returns the row id.
    public func setBaseline(_ b: BaselineInput) throws -> Int64 {
        try b.validate()
        return try ledger.database.write { db in
            let yearEnd = DateRange.year(b.year).end
            let unitID = try ledger.plans.resolveUnit(db, name: b.unit, date: yearEnd)
            if var existing = try BaselineRecord.all().filter(unit: unitID, year: b.year).fetchOne(db),
                let id = existing.id
            {
                existing.volunteers = b.volunteers ?? existing.volunteers
                existing.orgs = b.orgs ?? existing.orgs
                existing.updatedAt = ledger.context.timestamp
                try ledger.update(db, existing)
                return id
            }
            var record = BaselineRecord(
                unitId: unitID, year: b.year, volunteers: b.volunteers, orgs: b.orgs,
                updatedAt: ledger.context.timestamp)
            return try ledger.insert(db, &record)
        }
    }

    /// A measurement no indicator reads would be silently ignored: refuse it, naming those the plans read.
    func checkMetric(_ db: Database, _ metric: String, unitID: Int64, date: CalendarDate) throws {
        let plans = try ledger.plans.currentPlans(db, unitID: unitID)
        var names: [String] = []
        for (p, _) in plans {
            for ind in try ledger.plans.stored(p).plan.allIndicators {
                if case .measurement(let name) = ind.metric, !names.contains(name) { names.append(name) }
            }
        }
        guard !names.contains(metric) else { return }
        let year = plans.first { $0.0.periodStart <= date && date <= $0.0.periodEnd }?.0.year ?? date.year
        throw KepuError(.metricNotRead(field: .record(.metric), metric: metric, year: year, names: names))
    }
}
