/// Every confirmation, warning and progress line a command prints, as a case with its data.
public enum Notice: Sendable, Hashable {
    case databaseCreated(path: String, next: String)
    case planImported(
        id: Int64, unit: String, year: Int, indicators: Int, lines: Int, project: Money, replaces: Int64?,
        projects: Int = 1)
    case lintSummary(file: String, errors: Int, warnings: Int)
    /// A charge took a spending line past its planned amount.
    case lineOverPlan(name: String, spent: Money, planned: Money)
    /// An import left `rows` bad rows of `file` out (`--skip-invalid`), written to `rejects` if given.
    case importLeftOut(rows: Int, file: String, rejects: String?)
    /// The address phones reach the server at was set (nil: cleared, the browser's own is used).
    case publicAddressSet(url: String?, reach: PublicAddress.Reach?)
    /// The addresses `kepu serve` listens on, as a phone or another computer would type them.
    case servingAddresses([String])
    case eventAdded(id: Int64, title: String, kind: EventKind, start: CalendarDate, end: CalendarDate?, parent: Int64?)
    case eventVoided(id: Int64, summary: VoidCounts, reason: String)
    case attendanceAdded(id: Int64, count: Int64, channel: Channel, event: Int64)
    case costAdded(id: Int64, amount: Money, line: String, lineName: String, year: Int)
    case printRunAdded(id: Int64, copies: Int64, unitPrice: Money, cost: Money, line: String, lineName: String)
    case surveyAdded(id: Int64, satisfied: Int64, responses: Int64, event: Int64)
    case measurementAdded(id: Int64, metric: String, value: Fixed, date: CalendarDate)
    case baselineSet(year: Int, volunteers: Int64?, orgs: Int64?)
    case volunteerAdded(id: Int64, name: String, org: String?, newOrganization: String?)
    case signupAdded(SignupAdded)
    /// A volunteer call's answer turned down; its place is open again.
    case callRejected(call: Int64, name: String, reason: String)
    /// A database of an earlier kepu, copied to `backup` and brought from schema `from` to `to`.
    case databaseMigrated(backup: String, from: Int, to: Int)
    /// The sign-ins an event's doors held for review, counted.
    case heldAccepted(event: Int64, title: String, counted: Int64)
    /// A batch of an event's door sign-ins voided.
    case visitsVoided(event: Int64, title: String, counted: Int64, held: Int64, answers: Int64)
    case noteSet(indicator: String, year: Int)
    case columnsIgnored([String])
    case imported(ImportSummary)
    case importProgress(what: ImportKind, rows: Int)
    case surveyImported(SurveyImportSummary)
    case evidenceAdded(id: Int64, file: String, kind: EvidenceKind, size: Int64, sha: String, alreadyStored: Bool)
    case noEvidence
    case evidenceProblem(id: Int64, file: String, missing: Bool)
    case evidenceIntact(count: Int)
    case evidenceBroken(problems: Int, checked: Int)
    case backedUp(path: String, pages: Int)
    /// `kepu backup`: the archive, its size, its evidence files, and those already missing from the store.
    case backedUpArchive(path: String, bytes: Int64, evidence: Int, missing: Int)
    /// `kepu backup --rotate`: how many copies kept and removed, and how old the newest was before
    /// this one (seconds; nil when there was none).
    case backupsRotated(kept: Int, removed: Int, previousAge: Int?)
    /// `kepu restore`: the database put in place, its evidence files, the audit rows checked.
    case restored(database: String, evidence: Int, auditRows: Int, schema: Int)
    case wrote(what: Output, path: String)
    case noEvents(year: Int?)
    case noVolunteers
    case findings(count: Int)
    case auditIntact(rows: Int)
    case auditBroken(row: Int64, reason: AuditBreak)
    case demoLoaded(unit: String, year: Int, steps: Int, path: String)
    case demoExplore(command: String)
    case recordVoided(id: Int64, label: RecordLabel, also: VoidCounts, reason: String)
    case recordRestored(id: Int64, label: RecordLabel, also: VoidCounts, reason: String)
    case recordEdited(id: Int64, label: RecordLabel, changes: [FieldChange])
    case duplicateAttendance(event: Int64, date: CalendarDate, channel: Channel, count: Int64, existing: Int64)
    case noRecords(RecordKind)
    case budgetAdjusted(year: Int, budget: Money, line: String?, lineAmount: Money?, reason: String)
    case planDrafted(year: Int, from: Int, indicators: Int, lines: Int)
    case basicSet(year: Int, spent: Money)
    case yearLocked(year: Int, reason: String)
    case yearUnlocked(year: Int, reason: String)
    case noYearLocks
    case userAdded(name: String, role: UserRole)
    case passwordChanged(name: String)
    case userDisabled(name: String)
    case userEnabled(name: String)
    case tokenRevokedNotice(name: String, id: Int64)
    case userUnlocked(name: String, failures: Int)
    case noTokens(name: String)
    case tokenIssued(name: String)
    case noUsers
    /// 扫码签到 opened for an event: its window, what it asks, and the door it replaced.
    case doorOpened(event: Int64, from: String, until: String, survey: Bool, volunteers: Int64?, replaced: Int64?)
    case doorClosed(event: Int64)
    case serving(address: String, database: String)
    case servingOpenNetwork(address: String)
    /// `kepu serve --demo`: the demo database and its one-time admin sign-in.
    case servingDemo(database: String, user: String, password: String)
    /// No user yet: the first admin's setup link, good for `minutes`, once.
    case setupLink(url: String, minutes: Int)
    /// 我的账户: one's own password changed; `othersEnded` sessions elsewhere ended (this one stays).
    case ownPasswordChanged(othersEnded: Int)
    /// An admin reset a user's password on the web: its sessions ended (all of them, or all but this
    /// one when the admin reset their own); its API tokens stay.
    case passwordReset(name: String, keptThisSession: Bool)

    /// What was written by `-o`.
    public enum Output: Sendable, Hashable {
        case report(format: String)
        case stats(format: String)
        case reconciliation(format: String)
        case export(year: Int)
        case list
        case demoReport
        case planDraft(year: Int)
        case poster
    }
}

/// How many records of each kind a void touched.
public struct VoidCounts: Sendable, Hashable {
    public var events = 0
    public var attendance = 0
    public var costs = 0
    public var printRuns = 0
    public var surveys = 0
    public var signups = 0
    public var evidence = 0
    public var total: Int { events + attendance + costs + printRuns + surveys + signups + evidence }
    public init(
        events: Int = 0, attendance: Int = 0, costs: Int = 0, printRuns: Int = 0, surveys: Int = 0,
        signups: Int = 0, evidence: Int = 0
    ) {
        self.events = events
        self.attendance = attendance
        self.costs = costs
        self.printRuns = printRuns
        self.surveys = surveys
        self.signups = signups
        self.evidence = evidence
    }
}

/// What a 问卷星 import counted, for its confirmation.
public struct SurveyImportSummary: Sendable, Hashable {
    public var file: String
    public var format: String
    public var event: Int64
    public var surveyID: Int64?
    public var dryRun: Bool
    public var tally: WjxSurvey.Tally
    public var date: CalendarDate
    public init(
        file: String, format: String, event: Int64, surveyID: Int64?, dryRun: Bool, tally: WjxSurvey.Tally,
        date: CalendarDate
    ) {
        self.file = file
        self.format = format
        self.event = event
        self.surveyID = surveyID
        self.dryRun = dryRun
        self.tally = tally
        self.date = date
    }

    /// The satisfied share in per mille, rounded half up.
    public var perMille: Int64 {
        tally.responses == 0 ? 0 : (tally.satisfied * 2000 + tally.responses) / (tally.responses * 2)
    }

    /// `95%`, `71.4%`.
    public var percentText: String {
        perMille % 10 == 0 ? "\(perMille / 10)%" : "\(perMille / 10).\(perMille % 10)%"
    }
}

/// The kinds of spreadsheet kepu imports.
public enum ImportKind: String, Sendable, Hashable {
    case signins, volunteers, costs
}

/// What an import did or would do, for its confirmation.
public struct ImportSummary: Sendable, Hashable {
    public var kind: ImportKind
    public var file: String
    public var encoding: String
    public var rows: Int
    public var dryRun: Bool
    public var importID: Int64?
    public var event: Int64?
    public var attendanceID: Int64?
    public var volunteersCreated: Int
    public var volunteersMatched: Int
    public var organizationsCreated: Int
    public var signups: Int
    public var total: Money
    public init(
        kind: ImportKind, file: String, encoding: String, rows: Int, dryRun: Bool, importID: Int64?, event: Int64?,
        attendanceID: Int64?, volunteersCreated: Int, volunteersMatched: Int, organizationsCreated: Int,
        signups: Int, total: Money
    ) {
        self.kind = kind
        self.file = file
        self.encoding = encoding
        self.rows = rows
        self.dryRun = dryRun
        self.importID = importID
        self.event = event
        self.attendanceID = attendanceID
        self.volunteersCreated = volunteersCreated
        self.volunteersMatched = volunteersMatched
        self.organizationsCreated = organizationsCreated
        self.signups = signups
        self.total = total
    }
}

/// Why the audit chain breaks at a row.
public enum AuditBreak: Sendable, Hashable {
    case missingRows(from: Int64, to: Int64)
    case unlinked
    case altered
}
