import GRDB
import KepuCore

/// A batch of satisfaction survey answers.
struct SurveyRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord, AuditedRecord, VoidableRecord {
    static let databaseTableName = "survey"
    var id: Int64? = nil
    var eventId: Int64
    var date: CalendarDate
    var responses: Int64
    var satisfied: Int64
    var createdAt: String
    var voidedAt: String?
    var voidReason: String?
    var voidBatch: Int64? = nil
    var importId: Int64? = nil
    /// The 问卷星 question counted, `2、您对本次活动的总体满意度`, for an imported survey.
    var question: String? = nil

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One counted answer of an imported survey.
struct SurveyAnswerRecord: Codable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "survey_answer"
    var surveyId: Int64
    var line: Int64
    var submittedAt: String?
    var answer: String
    var satisfied: Bool

    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}
