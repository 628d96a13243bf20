import Foundation
import GRDB
import KepuCore
import KepuStore

/// Generates a city's worth of synthetic ledger data for the benchmark: deterministic per district
/// and year, so that a database of one year holds exactly that year's rows of the city database.
enum SyntheticCity {
    struct Size: Sendable {
        var topEventsPerYear = 20
        var subsPerEvent = 4
        var attendancePerEvent = 50
        var signinSheetsPerYear = 10
        var signinRowsPerSheet = 1000
        var volunteersPerDistrict = 5000
        var orgsPerDistrict = 20
        var signupsPerYear = 2500
        var costsPerYear = 1000
        init() {}
    }

    /// SplitMix64: small, fast, and the same everywhere.
    struct RNG {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static func unitName(_ district: Int) -> String { "株洲市第\(district + 1)区科学技术协会" }

    /// The seed's plan rewritten for another unit and year.
    static func planText(seed: String, district: Int, year: Int) -> String {
        seed.replacingOccurrences(of: "株洲市石峰区科学技术协会", with: unitName(district))
            .replacingOccurrences(of: "year: 2023", with: "year: \(year)")
            .replacingOccurrences(of: "2023-01-01", with: "\(year)-01-01")
            .replacingOccurrences(of: "2023-12-31", with: "\(year)-12-31")
    }

    /// Fills `ledger` with the given districts and years; `progress` is told each finished district-year.
    static func generate(
        into ledger: Ledger, seedPlan: String, districts: [Int], years: [Int], size: Size = Size(),
        progress: ((Int, Int) -> Void)? = nil
    ) throws {
        for d in districts {
            try volunteers(ledger, district: d, size: size)
            for y in years {
                _ = try ledger.plans.importPlan(
                    text: planText(seed: seedPlan, district: d, year: y), sourceName: "city-\(d)-\(y).yaml",
                    replace: false)
                try year(ledger, district: d, year: y, size: size)
                progress?(d, y)
            }
        }
    }

    static func volunteers(_ ledger: Ledger, district d: Int, size: Size) throws {
        try ledger.database.write { db in
            let now = ledger.context.timestamp
            let org = try db.makeStatement(sql: "INSERT INTO organization (name, created_at) VALUES (?, ?)")
            var orgIDs: [Int64] = []
            for o in 0..<size.orgsPerDistrict {
                try org.execute(arguments: ["\(unitName(d))志愿服务第\(o + 1)队", now])
                orgIDs.append(db.lastInsertedRowID)
            }
            let vol = try db.makeStatement(
                sql: "INSERT INTO volunteer (name, phone, org_id, created_at) VALUES (?, ?, ?, ?)")
            for v in 0..<size.volunteersPerDistrict {
                try vol.execute(arguments: [
                    "志愿者\(d)-\(v)", String(format: "13%02d%07d", d, v), orgIDs[v % orgIDs.count], now,
                ])
            }
        }
    }

    static func year(_ ledger: Ledger, district d: Int, year y: Int, size: Size) throws {
        var rng = RNG(state: UInt64(d) &* 1_000_003 &+ UInt64(y))
        try ledger.database.write { db in
            let now = ledger.context.timestamp
            let unitID = try Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE name = ?", arguments: [unitName(d)])!
            let firstVolunteer = try Int64.fetchOne(
                db,
                sql: """
                    SELECT min(v.id) FROM volunteer v JOIN organization o ON o.id = v.org_id WHERE o.name LIKE ?
                    """, arguments: [unitName(d) + "%"])!
            let event = try db.makeStatement(
                sql: """
                    INSERT INTO event (unit_id, parent_id, title, kind, major, start_date, end_date, venue, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let attendance = try db.makeStatement(
                sql: """
                    INSERT INTO attendance (event_id, date, count, channel, method, created_at) VALUES (?, ?, ?, ?, ?, ?)
                    """)
            let signin = try db.makeStatement(
                sql: "INSERT INTO signin (attendance_id, name, phone, time, line) VALUES (?, ?, ?, ?, ?)")
            let survey = try db.makeStatement(
                sql: "INSERT INTO survey (event_id, date, responses, satisfied, created_at) VALUES (?, ?, ?, ?, ?)")
            let signup = try db.makeStatement(
                sql: """
                    INSERT INTO signup (volunteer_id, event_id, date, hours_centi, created_at) VALUES (?, ?, ?, ?, ?)
                    """)
            let cost = try db.makeStatement(
                sql: """
                    INSERT INTO cost (unit_id, line, event_id, item, amount_fen, date, invoice, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let print = try db.makeStatement(
                sql: """
                    INSERT INTO print_run (unit_id, line, title, ink, copies, unit_price_fen, date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            func day(_ month: Int, _ dayOfMonth: Int) -> String {
                String(format: "%04d-%02d-%02d", y, month, dayOfMonth)
            }
            var allEvents: [(id: Int64, date: String)] = []
            var attendanceIDs: [Int64] = []
            for t in 0..<size.topEventsPerYear {
                let kind = t == 0 ? "tech-week" : t == 1 ? "science-day" : "other"
                let month = t == 0 ? 5 : t == 1 ? 9 : 1 + rng.int(12)
                let date = day(month, 1 + rng.int(28))
                try event.execute(arguments: [
                    unitID, nil, "活动\(t)", kind, t < 2 ? 1 : 0, date, date, "场馆\(rng.int(50))", now,
                ])
                let top = db.lastInsertedRowID
                allEvents.append((top, date))
                for s in 0..<size.subsPerEvent {
                    try event.execute(arguments: [unitID, top, "子活动\(t)-\(s)", "other", 0, date, date, nil, now])
                    allEvents.append((db.lastInsertedRowID, date))
                }
            }
            let perEvent = size.attendancePerEvent
            for e in allEvents {
                for a in 0..<perEvent {
                    try attendance.execute(arguments: [
                        e.id, e.date, 10 + rng.int(300), a % 5 == 0 ? "online" : "onsite",
                        "headcount", now,
                    ])
                    attendanceIDs.append(db.lastInsertedRowID)
                }
                try survey.execute(arguments: [e.id, e.date, 100, 95 + rng.int(6), now])
            }
            for sheet in 0..<size.signinSheetsPerYear {
                let aid = attendanceIDs[(sheet * 37) % attendanceIDs.count]
                for r in 0..<size.signinRowsPerSheet {
                    try signin.execute(arguments: [
                        aid, "参与者\(r)", String(format: "15%02d%07d", d, (sheet * 7919 + r) % 10_000_000),
                        "09:00", r + 2,
                    ])
                }
            }
            var used = Set<String>()
            var made = 0
            while made < size.signupsPerYear {
                let v = firstVolunteer + Int64(rng.int(size.volunteersPerDistrict))
                let e = allEvents[rng.int(allEvents.count)]
                guard used.insert("\(v)|\(e.id)").inserted else { continue }
                try signup.execute(arguments: [v, e.id, e.date, 100 * (1 + rng.int(8)), now])
                made += 1
            }
            for c in 0..<size.costsPerYear {
                let e = allEvents[rng.int(allEvents.count)]
                try cost.execute(arguments: [
                    unitID, "commission", e.id, "授课费", 100 + rng.int(2500), e.date, "INV\(d)-\(y)-\(c)", now,
                ])
            }
            try print.execute(arguments: [unitID, "printing", "折页", "color", 2000, 100, day(9, 1), now])
            try print.execute(arguments: [unitID, "printing", "单页", "mono", 6000, 50, day(5, 1), now])
        }
    }
}
