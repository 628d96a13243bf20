/// Every failure a user can meet, as a case with its data. The catalogue words each in Chinese and English;
/// nothing below the front ends holds a sentence.
public indirect enum Problem: Sendable, Hashable {
    // MARK: Values typed on a command line, in a form or in a file's cell (usage errors)

    /// `--amount 1.2.3` is not an amount.
    case invalid(field: Field, value: String, form: ValueForm)
    case negative(field: Field, value: String, form: ValueForm)
    /// More precise than a fen.
    case tooPrecise(field: Field, value: String)
    case tooLarge(field: Field, value: String, form: ValueForm)
    case notRealDate(field: Field, value: String)
    case atLeastOne(field: Field, value: String)
    case zeroCost(field: Field)
    case empty(field: Field)
    case targetWithoutUnit(field: Field, value: String)
    case targetUnknownUnit(field: Field, value: String, unit: String, known: [String])
    case endBeforeStart(end: CalendarDate, start: CalendarDate)
    case satisfiedOverResponses(satisfied: Int64, responses: Int64)
    /// One attendance entry over 1亿人次: a typo, not an event.
    case attendanceTooLarge(count: Int64, limit: Int64)
    /// An attendance or survey dated after today.
    case dateAfterToday(date: CalendarDate, today: CalendarDate)
    /// An attendance or survey dated outside the year(s) of its event.
    case dateOutsideEventYears(date: CalendarDate, event: Int64, first: Int, last: Int)
    case baselineNeedsFigure
    case whyNeedsScore
    case noteNeedsContent
    case scoreNeedsWhy
    case evidenceNeedsRecord
    case lineNeedsAmount
    case unknownCommand(typed: String, suggestion: String?)
    /// Several things wrong with one form or command at once: each is said, so that one correction fixes all.
    case several([Problem])
    case commandLine(CommandLineIssue)

    // MARK: The database file

    case databaseExists(path: String)
    case cannotCreateFolder(path: String, reason: String)
    case cannotCreateFile(path: String)
    case noDatabase(path: String)
    case databaseIsFolder(path: String)
    case cannotReadDatabase(path: String)
    case databaseEmpty(path: String)
    case notSQLite(path: String)
    case emptySQLite(path: String)
    case foreignSQLite(path: String, tables: Int)
    /// Written by a newer kepu: its schema version and this kepu's.
    case newerKepu(path: String, database: Int, kepu: Int)
    case sqliteNotADatabase(path: String)
    case damaged(path: String)
    case busy(path: String)
    case readOnly(path: String)
    case cannotOpen(path: String)
    case diskFull(path: String)
    case databaseRefused(path: String, detail: String)
    case inMemoryHasNoFolder

    // MARK: Records

    case noSuchRecord(field: Field?, kind: RecordKind, id: Int64)
    case recordVoided(field: Field?, kind: RecordKind, id: Int64, title: String, on: String)
    case parentOtherUnit(parent: Int64, unit: String)
    case planJSONNeedsSummary
    case noOfficialTable(files: [String])
    case officialTablesNeedTargets
    case officialTableTwice(name: String)
    case officialTablesNoYear
    case officialTablesNoUnit
    case indicatorTableWithoutTarget(table: String)
    case indicatorWithoutTarget(table: String, indicator: String, sheet: String, row: Int)
    case indicatorWithoutLevel(table: String, indicator: String, level: String, sheet: String, row: Int)
    case officialTableWithoutIndicators(table: String)
    case docxNotSupported(file: String)
    case projectRequired(field: Field, year: Int, projects: [ProjectRef])
    case noSuchProject(field: Field, value: String, year: Int, projects: [ProjectRef])
    case lineOtherProject(field: Field, line: String, lineProject: String, event: Int64, eventProject: String)
    case projectDiffersFromParent(parent: Int64, parentProject: String, project: String)
    case notALine(field: Field, value: String, year: Int, unit: String, lines: [LineRef])
    case noPrintingLine(year: Int)
    case phoneTaken(field: Field, maskedPhone: String, volunteer: Int64, name: String)
    case alreadySignedUp(name: String, event: Int64, date: CalendarDate, signup: Int64?)
    case notAnIndicator(field: Field, value: String, year: Int, ids: [String])
    case indicatorNotScored(id: String)
    case scoreOverWeight(score: Fixed, id: String, weight: Fixed)
    case notVoided(kind: RecordKind, id: Int64)
    case voidedWithAnother(kind: RecordKind, id: Int64, rootKind: RecordKind, rootID: Int64)
    case restoreBlocked(kind: RecordKind, id: Int64, because: RestoreBlock)
    case nothingChanged(kind: RecordKind, id: Int64)
    case duplicateEvent(title: String, start: CalendarDate, existing: Int64)
    case eventTitleAmbiguous(field: Field, title: String, ids: [Int64])
    case eventTitleUnknown(field: Field, title: String)
    case metricNotRead(field: Field, metric: String, year: Int, names: [String])
    case unknownOutputExtension(path: String, ext: String, accepted: [String])
    /// `--rejects` names where the rows left out go: only an import that leaves rows out has any.
    case rejectsNeedSkipInvalid
    /// A correction of a plan's names that names nothing new.
    case planNamesUnchanged(year: Int)
    case backupFolderMissing(folder: String)
    case basicSpendingExists(year: Int, spent: Money)

    // MARK: Plans

    case planHasErrors(source: String, count: Int, first: LintFinding)
    case planAlreadyImported(plan: Int64, unit: String, year: Int)
    case planExists(plan: Int64, unit: String, year: Int)
    case periodOverlaps(period: DateRange, plan: Int64, year: Int, other: DateRange)
    case noPlanYet
    case noPlanFor(year: Int?, unit: String?, existing: [String])
    case severalUnitsHavePlan(year: Int, units: [String])
    case severalUnitsCover(date: CalendarDate)
    case noPlanCovers(date: CalendarDate, existing: [String])
    case unknownUnit(name: String, units: [String])
    case severalUnits
    case yamlInvalid(source: String, detail: String)
    case notAPlan(source: String)
    /// A `--edition` file without edition, title and rows.
    case notAStatsEdition(source: String)
    /// A row of a statistics edition kepu cannot sum.
    case statsRow(source: String, line: Int?, issue: StatsRowIssue)
    /// `--edition` names none of the editions kepu has.
    case unknownEdition(name: String, editions: [String])
    /// `kepu demo --year` names a year kepu has no sample of.
    case noSampleYear(year: Int, years: [Int])
    case planFile(source: String, line: Int?, path: String, issue: PlanFileIssue)

    // MARK: Files, imports, evidence, backups

    case cannotReadFile(name: String)
    case notUTF8Text(name: String)
    case cannotWrite(path: String, reason: String)
    case evidenceFolderUnwritable(folder: String)
    case evidenceCopyFailed(name: String, reason: String)
    case evidenceDuplicate(name: String, evidence: Int64)
    /// A stored evidence file that is gone from the evidence folder.
    case evidenceFileMissing(id: Int64, file: String)
    case backupExists(path: String)
    case cannotCreateBackup(path: String)
    case backupIntegrity(path: String, result: String)
    /// `kepu restore` never writes over a database, its evidence, or a journal beside one.
    case restoreTargetExists(path: String)
    /// A backup that can't be restored as it is.
    case backupDamaged(file: String, what: BackupDamage)
    case alreadyImported(file: String, on: String, importID: Int64, rows: Int, originalName: String)
    case importRow(file: String, line: Int, problem: Problem)
    case importNoRows(file: String)
    case importEmpty(file: String)
    case missingColumn(file: String, column: String, header: [String], aliases: [String])
    case csvUnclosedQuote(line: Int)
    case csvNotUTF8(line: Int)
    case inFile(file: String, problem: Problem)
    case iconvUnavailable(encoding: String, file: String)
    case notTextEncoding(file: String, offset: Int)
    case truncatedGBK(file: String)
    case xlsNotSupported(file: String)
    case xlsxBroken(file: String, part: String)
    /// A workbook read past one of the bounds kepu reads hostile files within.
    case xlsxOverLimit(file: String, limit: XlsxLimit)
    case sheetNotFound(file: String, sheet: String, sheets: [String])
    case sheetOnlyForXlsx(file: String)
    case xlsxNeedsOutput
    /// A cell kepu was asked to write holds more than Excel's 32,767 characters.
    case xlsxCellTooLong(sheet: String, cell: String, length: Int, limit: Int)
    /// A number to write is NaN or infinite, which a workbook cannot hold.
    case xlsxNumberNotFinite(sheet: String, cell: String)
    /// A cell past Excel's 1,048,576 rows or 16,384 columns.
    case xlsxOutOfRange(sheet: String, row: Int, column: Int)
    /// `--format` and the extension of `-o` name different formats.
    case outputFormatDisagrees(format: String, path: String, fileFormat: String)

    // MARK: The year's lock

    case yearLocked(year: Int, on: CalendarDate, reason: String)
    case yearAlreadyLocked(year: Int, on: CalendarDate, reason: String)
    case yearNotLocked(year: Int)

    // MARK: Users, sign-in and the web's forms

    case userExists(name: String)
    case noSuchUser(name: String)
    case userDisabled(name: String)
    /// The last active admin would be disabled: the office would have no one to manage users.
    case lastAdmin(name: String)
    /// An admin disabling themselves on the web.
    case cannotDisableSelf(name: String)
    case userNotDisabled(name: String)
    case noSuchToken(name: String, id: Int64)
    case tokenRevoked(id: Int64)
    case passwordTooWeak
    case passwordTooLong
    case passwordNeeded
    case passwordsDiffer
    /// A change of one's own password whose current password is not the user's.
    case wrongCurrentPassword
    case badListenAddress(value: String)
    /// An API request whose body is not a JSON object.
    case apiBadJSON
    /// A JSON object names one key twice: which value was meant is unknown.
    case apiRepeatedKey(key: String)
    /// A web form that should carry a file and carries none.
    case uploadMissing
    /// A web form's value that should have been picked from its list and names none of it.
    case notPicked(field: Field, value: String, matches: Int)
    /// A searched picker's typed text (part of an event's title, a cost's item or invoice) that names
    /// no record, or several: the form offers the matches.
    case recordNotPicked(field: Field, value: String, matches: Int, kind: RecordKind)
    /// A web form's file that holds nothing (0 bytes).
    case uploadEmpty(name: String)
    /// An uploaded import that the session no longer holds (expired, or already imported).
    case uploadExpired

    // MARK: Doors (扫码签到) and volunteer calls

    /// A text too long for kepu's QR codes (version 10, level M, byte mode).
    case qrTooLong(bytes: Int, limit: Int)
    /// 扫码签到: a time that is not `2023-09-16 08:30`.
    case notADateTime(field: Field, value: String)
    /// A door's window that closes before it opens.
    /// A door whose window has already closed: phones would be told sign-in is over. `todayFrom`…`todayUntil`
    /// is the window the clerk can open instead (today's), nil when today is outside the event's years
    /// (`first`…`last`), whose attendance is then recorded from a sign-in sheet.
    case doorWindowOver(until: String, todayFrom: String?, todayUntil: String?, first: Int, last: Int)
    case doorWindowEmpty(from: String, until: String)
    /// Not an address phones can be sent to (`http://HOST[:PORT]`).
    case notAPublicAddress(field: Field, value: String)
    /// `--close` for an event with no open door.
    case noOpenDoor(event: Int64)
    /// The phone page's number is not a mainland mobile.
    case notAMobile(value: String)
    /// A volunteer call's answer that does not exist, or is a sign-up already.
    case noSuchCall(id: Int64)
    case callConfirmed(call: Int64, signup: Int64)
    /// A volunteer call's answer rejected already (on: UTC, ISO 8601).
    case callRejected(call: Int64, on: String)

    // MARK: 问卷星 surveys

    case notWjxExport(file: String)
    case surveyQuestionNotFound(given: String, questions: [String])
    case surveyQuestionAmbiguous(given: String?, candidates: [String])
    case surveyNoSatisfactionQuestion(questions: [String])
    case surveyNoAnswers(file: String, question: String)
    /// The web's picker of satisfied answers sent with none ticked.
    case surveyNoSatisfiedAnswer

    // MARK: Sheets, names and the demo

    /// A refusal about a workbook's first sheet, when the workbook has others.
    case otherSheets(sheet: String, others: [String], problem: Problem)
    case notAnEventID(field: Field, value: String)
    case emptyName(field: Field)
    case emptyLine(field: Field)
    case demoUsedBeforeSet(script: String, line: Int, name: String)
    case demoStepFailed(script: String, line: Int, detail: String)
    case demoUnclosedQuote(script: String, line: Int)

    /// Usage errors are found without a database (exit 64); the rest mean a command could not be done (exit 1).
    public var defaultKind: KepuError.Kind {
        switch self {
        case .several(let all): all.allSatisfy { $0.defaultKind == .usage } ? KepuError.Kind.usage : .failed
        case .invalid, .negative, .tooPrecise, .tooLarge, .attendanceTooLarge, .notRealDate, .atLeastOne, .zeroCost,
            .empty,
            .targetWithoutUnit, .targetUnknownUnit, .endBeforeStart, .satisfiedOverResponses, .baselineNeedsFigure,
            .whyNeedsScore, .noteNeedsContent, .scoreNeedsWhy, .evidenceNeedsRecord, .unknownCommand, .commandLine,
            .lineNeedsAmount, .sheetOnlyForXlsx, .xlsxNeedsOutput, .outputFormatDisagrees, .surveyQuestionNotFound,
            .surveyQuestionAmbiguous,
            .surveyNoSatisfactionQuestion, .surveyNoSatisfiedAnswer, .passwordTooWeak, .passwordTooLong,
            .passwordNeeded, .passwordsDiffer,
            .badListenAddress, .apiBadJSON, .apiRepeatedKey, .planJSONNeedsSummary, .uploadMissing, .uploadEmpty,
            .notPicked,
            .recordNotPicked,
            .notADateTime,
            .doorWindowEmpty, .notAPublicAddress,
            .notAMobile,
            .unknownOutputExtension, .rejectsNeedSkipInvalid:
            .usage
        case .planFile(_, _, _, .value(let p)): p.defaultKind
        default: .failed
        }
    }
}

/// The bounds a workbook is read within, each with the figure it passed.
public enum XlsxLimit: Sendable, Hashable {
    /// A part inflates to more than `ratio` times its compressed size.
    case ratio(part: String, ratio: Int)
    /// A part inflates to more than `mib` MiB.
    case partSize(part: String, mib: Int)
    /// The whole workbook inflates to more than `gib` GiB.
    case workbookSize(gib: Int)
    /// A cell holds more than `limit` characters.
    case cellLength(sheet: String, row: Int, limit: Int)
    /// A row past Excel's 1,048,576.
    case rows(sheet: String, limit: Int)
    /// A column past Excel's 16,384.
    case columns(sheet: String, row: Int, limit: Int)
    /// More shared strings than the sheet has cells, plus a margin.
    case sharedStrings(limit: Int)
    /// The cells' text, in all, passes `mib` MiB (first at `row` of `sheet`).
    case text(sheet: String, row: Int, mib: Int)
    /// One row's text passes `mib` MiB.
    case rowText(sheet: String, row: Int, mib: Int)
}

/// What is wrong with a backup that `kepu restore` refuses.
public enum BackupDamage: Sendable, Hashable {
    /// Not a tar archive of kepu's, or cut short.
    case notAnArchive
    /// The manifest names a part the archive lacks.
    case missingPart(String)
    /// A part the manifest does not name.
    case unlisted(String)
    /// A part whose bytes differ from the manifest's SHA-256.
    case altered(String)
    /// The database fails SQLite's integrity check.
    case integrity(String)
    /// The audit trail's chain breaks at this row.
    case auditBroken(row: Int64)
    /// An evidence record whose file is missing or altered.
    case evidenceMissing(id: Int64, file: String)
}

/// What a value was expected to be: names the value and the forms accepted.
public enum ValueForm: Sendable, Hashable {
    case amount, date, count, wholeNumber, hours, percent, figure, phone, year, recordID, score, target, yesNo
    case measurementName, language, reportFormat, listFormat, exportFormat, scope
    /// One of a closed vocabulary: its noun and choices.
    case choice(VocabularyNoun, [Choice])
}

/// A value of a closed vocabulary: its stored spelling and its Chinese name.
public struct Choice: Sendable, Hashable {
    public var raw: String
    public var chinese: String
    public init(raw: String, chinese: String) {
        self.raw = raw
        self.chinese = chinese
    }
}

/// The name of a closed vocabulary, for "is not a …".
public enum VocabularyNoun: String, Sendable, Hashable {
    case eventKind, ink, channel, countMethod, evidenceKind, eventForm, role, recordKind, importKind
}

/// A spending line as named in a refusal.
public struct LineRef: Sendable, Hashable {
    public var id: String
    public var name: String
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// The kinds of record a message can name.
public enum RecordKind: String, Sendable, Hashable, CaseIterable {
    case event, attendance, cost
    case printRun = "print_run"
    case survey, measurement, volunteer, signup, evidence
    case plan
    case importFile = "import_file"
    case note, baseline, organization, unit, user
    case yearLock = "year_lock"
    case budgetAdjustment = "budget_adjustment"
    case basicSpending = "basic_spending"
}

/// Why a void cannot be undone as it stands.
public enum RestoreBlock: Sendable, Hashable {
    /// The event's parent campaign is voided: restore that first.
    case parentVoided(event: Int64)
    /// The record's event is voided (and not by the same void).
    case eventVoided(event: Int64)
    /// The evidence's cost is voided (and not by the same void).
    case costVoided(cost: Int64)
    /// The sign-up's volunteer is voided (and not by the same void).
    case volunteerVoided(volunteer: Int64)
    /// Another live volunteer has taken the phone meanwhile.
    case phoneTaken(volunteer: Int64, name: String)
    /// The same volunteer is signed up again for the event on that day.
    case signupTaken(signup: Int64)
    /// A door's day has another live entry (or batch) since this one was voided: both would count.
    case doorDayTaken(record: Int64)
}

/// What is wrong with one row of a statistics edition.
public enum StatsRowIssue: Sendable, Hashable {
    case missingKey(String)
    case unknownValue(key: String, value: String, known: [String])
}

/// What is wrong at one key of a plan file.
public indirect enum PlanFileIssue: Sendable, Hashable {
    case notMapping
    case missingKey(String)
    case notText
    case notNumber
    case notYear(String)
    case periodBackwards(start: CalendarDate, end: CalendarDate)
    case noIndicators
    case notList
    case unknownMetric(String, known: [String])
    case unknownComparison(String)
    case unknownSetting(String, choices: [String])
    case levelWeightsNotMapping
    case value(Problem)
}

/// An argument-parser failure, reworded.
public enum CommandLineIssue: Sendable, Hashable {
    case missing(String)
    case unknownOption(String)
    case unknownOptionSuggesting(String, suggestion: String)
    case unexpected(String)
    case missingValue(String)
    case other(String)
}
