import KepuCore

/// A page's word or sentence in both languages, written side by side so that neither is forgotten.
/// Each page keeps its labels in one table at the top of its file (`extension Label` with
/// `fileprivate` members); the few that several pages show are below. Sentences the library says
/// (refusals, notices, findings) are the message catalogue's, not labels.
struct Label: Sendable, Hashable {
    let zh: String
    let en: String

    init(_ zh: String, _ en: String) {
        self.zh = zh
        self.en = en
    }
}

extension Language {
    /// The label in this language.
    func t(_ label: Label) -> String { t(label.zh, label.en) }

    /// A form's field as a refusal names it: by the label the clerk sees beside it.
    func field(_ label: Label) -> Field { .named(t(label)) }

    /// A user's role as people read it: 录入员, 审核人, 管理员 (clerk, reviewer, admin).
    func role(_ role: UserRole) -> String { t(role.chinese, role.rawValue) }
}

// MARK: Labels several pages share

extension Label {
    // The menu's sections, each also its page's title.
    static let overview = Label("概览", "Overview")
    static let events = Label("活动", "Events")
    static let volunteers = Label("志愿者", "Volunteers")
    static let budget = Label("经费", "Budget")
    static let importMenu = Label("导入", "Import")
    static let evidence = Label("佐证材料", "Evidence")
    static let selfEvaluation = Label("自评", "Self-evaluation")
    static let plan = Label("计划", "Plan")
    static let auditTrail = Label("操作记录", "Audit trail")
    static let users = Label("用户", "Users")
    static let settings = Label("设置", "Settings")
    /// Who writes a deviation note, where a clerk meets one that is missing.
    static let notesByReviewers = Label("偏差原因由审核人或管理员填写", "a reviewer or an admin writes the deviation note")
    // Words that several pages show.
    static let comma = Label("，", ", ")
    static let cancel = Label("取消", "Cancel")
    static let date = Label("日期", "Date")
    static let event = Label("活动", "Event")
    static let file = Label("文件", "File")
    static let filter = Label("筛选", "Filter")
    static let find = Label("查找", "Find")
    static let indicatorShort = Label("指标", "Indicator")
    static let kindHeader = Label("类型", "Kind")
    static let name = Label("姓名", "Name")
    static let phone = Label("手机", "Phone")
    static let project = Label("项目", "Project")
    static let recordPrintRun = Label("登记印刷品", "Record a print run")
    static let restore = Label("恢复", "Restore")
    static let signOut = Label("退出", "Sign out")
    static let uploadPreview = Label("上传并预览", "Upload and preview")
    static let uploadEvidence = Label("上传佐证材料", "Upload evidence")
    static let void = Label("作废", "Void")
    static let all = Label("全部", "all")
    static let choose = Label("请选择", "choose")
    static let dateField = Label("日期", "date")
    static let eventIdField = Label("活动编号", "event id")
    static let hoursShort = Label("时长", "hours")
    static let includeVoided = Label("含已作废", "include voided")
    static let kindField = Label("类型", "kind")
    static let reason = Label("原因", "reason")
    static let serverErrorNothing = Label("服务器出错，未写入任何内容", "server error; nothing was written")
    static func confirmVerb(_ verb: String) -> Label { Label("确认\(verb)", "Confirm") }
    static func yesVerb(_ verb: String) -> Label { Label("确认\(verb)", "Yes, \(verb)") }
}
