extension Catalogue {
    static func dates(_ start: CalendarDate, _ end: CalendarDate?) -> String {
        "\(start)" + (end.map { $0 == start ? "" : "–\($0)" } ?? "")
    }

    /// A notice in either language, each case's Chinese beside its English.
    public static func text(_ n: Notice, _ lang: Language) -> String {
        let zh = lang == .zh
        switch n {
        case .lineOverPlan(let name, let spent, let planned):
            return lang.t(
                "注意：支出明细“\(name)”已支出 \(spent.grouped)元，超出计划 \(planned.grouped)元 \((spent - planned).grouped)元",
                "note: the line \(name) has spent \(spent.grouped)元, over its planned \(planned.grouped)元 by \((spent - planned).grouped)元"
            )
        case .importLeftOut(let rows, let file, let rejects):
            if zh {
                return "\(file) 有 \(rows) 行有错，未导入"
                    + (rejects.map { "；这些行连同原因已写入 \($0)，改正后可再导入" } ?? "")
            }
            return
                "\(rows) \(rows == 1 ? "row" : "rows") of \(file) had errors and \(rows == 1 ? "was" : "were") left out"
                + (rejects.map {
                    "; \(rows == 1 ? "it is" : "they are"), with the reasons, in \($0), to correct and import later"
                } ?? "")
        case .publicAddressSet(let url, let reach):
            guard let url else {
                return lang.t(
                    "已清除手机访问地址：签到链接将使用浏览器里的地址",
                    "cleared the address phones reach: sign-in links use the browser's own address")
            }
            let note: String
            switch reach {
            case .thisComputer?:
                note = lang.t(
                    "；注意：这是本机地址，手机打不开", "; note: this is this computer's own address, which no phone can open")
            case .officeNetwork?:
                note = lang.t("；手机须连接本单位的网络才能打开", "; phones must be on the office's network to open it")
            default: note = ""
            }
            return lang.t("已设置手机访问地址 \(url)", "set the address phones reach to \(url)") + note
        case .servingAddresses(let addresses):
            return lang.t("在本单位网络上可用这些地址打开：", "on the office's network, open it at: ")
                + addresses.joined(separator: lang.t("、", ", "))
        case .databaseCreated(let path, let next):
            if zh {
                return "已创建 kepu 数据库 \(path)；下一步：\(next)"
            }
            return "created the kepu database \(path); next: \(next)"
        case .planImported(
            let id, let unit, let year, let indicators, let lines, let project, let replaces, let projects):
            if zh {
                return "已导入计划 \(id)：\(unit) \(year) 年，"
                    + (projects > 1 ? "\(projects) 个项目，" : "")
                    + "\(indicators) 项指标，\(lines) 条支出明细，项目预算 \(project.wan)万元"
                    + (replaces.map { "（替换计划 \($0)）" } ?? "")
            }
            return
                "imported plan \(id): \(unit) \(year), " + (projects > 1 ? "\(projects) projects, " : "")
                + "\(indicators) indicators, \(lines) lines, project budget \(project.wan)万元"
                + (replaces.map { " (replaces plan \($0))" } ?? "")
        case .lintSummary(let file, let errors, let warnings):
            if zh {
                return "\(file)：\(errors) 处错误，\(warnings) 处警告"
            }
            return "\(file): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        case .eventAdded(let id, let title, let kind, let start, let end, let parent):
            if zh {
                return "已添加活动 \(id)：\(title)（\(kind.chinese)，\(dates(start, end))）"
                    + (parent.map { "，属于活动 \($0)" } ?? "")
            }
            return "added event \(id): \(title) (\(kind.english), \(dates(start, end)))"
                + (parent.map { ", an activity of event \($0)" } ?? "")
        case .eventVoided(let id, let c, let reason):
            if zh {
                var parts = ["\(c.events) 个活动"]
                for (k, what) in [
                    (c.attendance, "条人次记录"), (c.costs, "笔费用"), (c.printRuns, "条印刷记录"),
                    (c.surveys, "批满意度调查"), (c.signups, "条报名记录"), (c.evidence, "份佐证材料"),
                ] where k > 0 {
                    parts.append("\(k) \(what)")
                }
                return "已作废活动 \(id)，共 \(parts.joined(separator: "、"))：\(reason)"
            }
            var parts = ["\(c.events) event\(c.events == 1 ? "" : "s")"]
            for (k, what) in [
                (c.attendance, "attendance entr|y|ies"), (c.costs, "cost||s"), (c.printRuns, "print run||s"),
                (c.surveys, "survey||s"), (c.signups, "sign-up||s"), (c.evidence, "evidence file||s"),
            ] where k > 0 {
                parts.append(count(k, what))
            }
            return "voided event \(id) with \(parts.joined(separator: ", ")): \(reason)"
        case .attendanceAdded(let id, let count, let channel, let event):
            if zh {
                return "已登记人次 \(id)：活动 \(event) \(channel.chinese) \(count)人次"
            }
            return "added attendance \(id): \(count)人次 \(channel.rawValue) at event \(event)"
        // A line by its name in the plan; the command line adds the code its `--line` takes
        // (`commandLineText`).
        case .costAdded(let id, let amount, _, let lineName, let year):
            if zh {
                return "已登记费用 \(id)：\(amount)，列支 \(year) 年计划的 \(lineName)"
            }
            return "added cost \(id): \(amount) to \(lineName) of the \(year) plan"
        case .printRunAdded(let id, let copies, let price, let cost, _, let lineName):
            if zh {
                return "已登记印刷 \(id)：\(copies)份 × \(price.plain)元 = \(cost)，列支 \(lineName)"
            }
            return "added print run \(id): \(copies)份 × \(price.plain)元 = \(cost) to \(lineName)"
        case .surveyAdded(let id, let satisfied, let responses, let event):
            if zh {
                return "已登记满意度调查 \(id)：活动 \(event) 回收 \(responses) 份，满意 \(satisfied) 份"
            }
            return "added survey \(id): \(satisfied) of \(responses) satisfied at event \(event)"
        case .measurementAdded(let id, let metric, let value, let date):
            if zh {
                return "已登记测量值 \(id)：\(metric) = \(value)（\(date)）"
            }
            return "added measurement \(id): \(metric) = \(value) on \(date)"
        case .baselineSet(let year, let volunteers, let orgs):
            if zh {
                return "已设定 \(year) 年基数："
                    + [volunteers.map { "志愿者 \($0) 人" }, orgs.map { "志愿组织 \($0) 个" }]
                    .compactMap { $0 }.joined(separator: "，")
            }
            return "set the \(year) baseline: "
                + [volunteers.map { count($0, "volunteer||s") }, orgs.map { count($0, "organization||s") }]
                .compactMap { $0 }.joined(separator: ", ")
        case .volunteerAdded(let id, let name, let org, let newOrg):
            if zh {
                return "已添加志愿者 \(id)：\(name)" + (org.map { "（\($0)）" } ?? "") + (newOrg.map { "；新建志愿组织 \($0)" } ?? "")
            }
            return "added volunteer \(id): \(name)" + (org.map { " of \($0)" } ?? "")
                + (newOrg.map { " (new organization \($0))" } ?? "")
        case .signupAdded(let s):
            let hours = s.hoursCenti.map { Fixed(raw: $0 * 100) }
            if zh {
                return "已登记报名 \(s.id)：志愿者 \(s.volunteer)（\(s.volunteerName)）参加活动 \(s.event)（\(s.eventTitle)）"
                    + (hours.map { "，服务 \($0) 小时" } ?? "")
            }
            return
                "added sign-up \(s.id): volunteer \(s.volunteer) (\(s.volunteerName)) at event \(s.event) (\(s.eventTitle))"
                + (hours.map { ", \($0) hours served" } ?? "")
        case .databaseMigrated(let backup, let from, let to):
            if zh {
                return "数据库来自较早版本的 kepu（结构 v\(from)），已升级到 v\(to)；升级前的副本保存在 \(backup)"
            }
            return
                "the database came from an earlier kepu (schema v\(from)) and was upgraded to v\(to); the copy from before is \(backup)"
        case .heldAccepted(let event, let title, let counted):
            if zh {
                return "已核对活动 \(event)（\(title)）待核对的签到：计入 \(counted) 人次"
            }
            return "accepted the held sign-ins of event \(event) (\(title)): \(counted) counted"
        case .visitsVoided(let event, let title, let counted, let held, let answers):
            if zh {
                return
                    "已作废活动 \(event)（\(title)）的 \(counted + held) 条签到：从人次中扣除 \(counted)，待核对的 \(held) 条不再计入，满意度评价扣除 \(answers) 份"
            }
            return
                "voided \(counted + held) sign-ins of event \(event) (\(title)): \(counted) taken out of the 人次, \(held) held ones set aside, \(answers) ratings taken out"
        case .callRejected(let call, let name, let reason):
            if zh {
                return "已谢绝扫码报名 \(call)（\(name)）：\(reason)；名额已空出"
            }
            return "turned down volunteer answer \(call) (\(name)): \(reason); the place is open again"
        case .noteSet(let indicator, let year):
            if zh {
                return "已保存 \(year) 年指标 \(indicator) 的说明"
            }
            return "noted \(indicator) of \(year)"
        case .columnsIgnored(let columns):
            if zh {
                return "提示：以下列 kepu 不使用，已忽略：\(columns.joined(separator: "、"))"
            }
            return "note: columns not used by kepu were ignored: \(columns.joined(separator: ", "))"
        case .imported(let s):
            if zh {
                var parts = ["\(s.rows) 行（\(s.encoding)）"]
                if s.volunteersCreated + s.volunteersMatched > 0 {
                    parts.append("新志愿者 \(s.volunteersCreated) 人，已有 \(s.volunteersMatched) 人")
                }
                if s.organizationsCreated > 0 { parts.append("新志愿组织 \(s.organizationsCreated) 个") }
                if s.signups > 0 { parts.append("报名 \(s.signups) 条") }
                if s.total > .zero { parts.append("合计 \(s.total)") }
                let what: String
                switch s.kind {
                case .signins:
                    what = "活动 \(s.event ?? 0) 的签到" + (s.attendanceID.map { "（人次记录 \($0)，\(s.rows)人次）" } ?? "")
                case .volunteers: what = "志愿者"
                case .costs: what = "费用"
                }
                if s.dryRun {
                    return "试导入：\(s.file) 将作为\(what)导入 \(parts.joined(separator: "，"))；未写入任何内容"
                }
                return "已导入 \(s.file)：\(parts.joined(separator: "，"))，作为\(what)"
                    + (s.importID.map { "（导入批次 \($0)）" } ?? "")
            }
            var parts = ["\(count(s.rows, "row||s")) (\(s.encoding))"]
            if s.volunteersCreated + s.volunteersMatched > 0 {
                parts.append("\(count(s.volunteersCreated, "new volunteer||s")), \(s.volunteersMatched) already known")
            }
            if s.organizationsCreated > 0 { parts.append(count(s.organizationsCreated, "new organization||s")) }
            if s.signups > 0 { parts.append(count(s.signups, "sign-up||s")) }
            if s.total > .zero { parts.append("\(s.total) in total") }
            let what: String
            switch s.kind {
            case .signins:
                what =
                    "sign-ins of event \(s.event ?? 0)"
                    + (s.attendanceID.map { " (attendance \($0), \(s.rows)人次)" } ?? "")
            case .volunteers: what = "volunteers"
            case .costs: what = "costs"
            }
            if s.dryRun {
                return
                    "dry run: \(s.file) would import \(parts.joined(separator: ", ")) as \(what); nothing was written"
            }
            return "imported \(s.file): \(parts.joined(separator: ", ")) as \(what)"
                + (s.importID.map { " (import \($0))" } ?? "")
        case .surveyImported(let s):
            if zh {
                let q =
                    "第\(s.tally.question.number)题「\(s.tally.question.title)」：\(s.tally.responses)份有效，满意\(s.tally.satisfied)份（\(s.percentText)）"
                let rule: String
                switch s.tally.rule {
                case .words(let words): rule = "计为满意的答案：" + words.joined(separator: "、")
                case .score(let minimum, let maximum): rule = "\(maximum == 10 ? "0–10" : "1–5") 分制，\(minimum) 分及以上计为满意"
                }
                if s.dryRun {
                    return "试导入：\(s.file)（\(s.format)）\(q)；\(rule)；日期 \(s.date)；未写入任何内容"
                }
                return "已导入 \(s.file)（\(s.format)）为活动 \(s.event) 的满意度调查 \(s.surveyID ?? 0)：\(q)；\(rule)；日期 \(s.date)"
            }
            let q =
                "question \(s.tally.question.number) \"\(s.tally.question.title)\": \(s.tally.responses) answered, \(s.tally.satisfied) satisfied (\(s.percentText))"
            let rule: String
            switch s.tally.rule {
            case .words(let words): rule = "satisfied answers: " + words.joined(separator: ", ")
            case .score(let minimum, let maximum):
                rule = "a \(maximum == 10 ? "0–10" : "1–5") score, \(minimum) and above satisfied"
            }
            if s.dryRun {
                return "dry run: \(s.file) (\(s.format)) \(q); \(rule); dated \(s.date); nothing was written"
            }
            return
                "imported \(s.file) (\(s.format)) as survey \(s.surveyID ?? 0) of event \(s.event): \(q); \(rule); dated \(s.date)"
        case .importProgress(let what, let rows):
            if zh {
                let w = what == .signins ? "签到" : what == .volunteers ? "志愿者" : "费用"
                return "\r\(w)：已读 \(rows) 行…"
            }
            let w = what == .signins ? "sign-ins" : what.rawValue
            return "\r\(w): \(count(rows, "row||s"))…"
        // The file's digest only on the command line (`commandLineText`), where `kepu evidence verify`
        // checks it; a clerk reads the file's name, kind and size.
        case .evidenceAdded(let id, let file, let kind, let size, _, let already):
            if zh {
                return "已添加佐证材料 \(id)：\(file)（\(kind.chinese)，\(Catalogue.bytes(size))）"
                    + (already ? "；相同内容此前已保存" : "")
            }
            return "added evidence \(id): \(file) (\(kind.english), \(Catalogue.bytes(size)))"
                + (already ? "; the same content was already stored" : "")
        case .noEvidence:
            if zh {
                return "还没有佐证材料；添加：kepu evidence add 文件 --kind signin --event 编号"
            }
            return "no evidence yet; add some with: kepu evidence add FILE --kind signin --event ID"
        case .evidenceProblem(let id, let file, let missing):
            if zh {
                return "佐证材料 \(id)（\(file)）：" + (missing ? "佐证材料文件夹中找不到" : "已被改动：内容与 SHA-256 不符")
            }
            return "evidence \(id) (\(file)): "
                + (missing ? "missing from the evidence folder" : "altered: its content no longer matches its SHA-256")
        case .evidenceIntact(let count):
            if zh {
                return "全部 \(count) 份佐证材料都在，且未被改动"
            }
            return "all \(count) evidence file\(count == 1 ? "" : "s") present and unaltered"
        case .evidenceBroken(let problems, let checked):
            if zh {
                return "\(checked) 份佐证材料中有 \(problems) 份缺失或被改动"
            }
            return "\(problems) of \(count(checked, "evidence file||s")) missing or altered"
        case .backedUpArchive(let path, let bytes, let evidence, let missing):
            let size = Catalogue.bytes(bytes)
            if zh {
                return "已备份到 \(path)（\(size)，含数据库和 \(evidence) 个佐证材料文件，完整性检查通过）"
                    + (missing > 0 ? "；另有 \(missing) 个佐证材料文件在备份前已缺失，请用 kepu evidence verify 查看" : "")
            }
            return "backed up to \(path) (\(size): the database and \(evidence) evidence files, integrity checked)"
                + (missing > 0
                    ? "; \(missing) evidence files were already missing from the store (see kepu evidence verify)" : "")
        case .backupsRotated(let kept, let removed, let age):
            let before = age.map { Catalogue.age(seconds: $0, lang) }
            if zh {
                return "保留 \(kept) 份备份，删除 \(removed) 份过期备份（按日 7 份、按周 4 份、按月 12 份）"
                    + (before.map { "；此前最新的一份备份于 \($0)前" } ?? "；此前没有备份")
            }
            return "kept \(kept) backups, removed \(removed) (7 daily, 4 weekly, 12 monthly)"
                + (before.map { "; the newest before this one was \($0) old" } ?? "; there was none before")
        case .restored(let database, let evidence, let rows, let schema):
            if zh {
                return "已恢复到 \(database)：数据库（结构 v\(schema)）和 \(evidence) 个佐证材料文件校验无误，操作记录 \(rows) 条链条完整"
            }
            return
                "restored to \(database): the database (schema v\(schema)) and \(evidence) evidence files match their checksums, and the audit trail's \(rows) rows are intact"
        case .backedUp(let path, let pages):
            if zh {
                return "已备份到 \(path)（\(pages) 页，完整性检查通过）"
            }
            return "backed up to \(path) (\(pages) pages, integrity ok)"
        case .wrote(let what, let path):
            if zh {
                return "已把\(outputZH(what))写入 \(path)"
            }
            return "wrote \(outputEN(what)) to \(path)"
        case .noEvents(let year):
            if zh {
                return (year.map { "\($0) 年" } ?? "")
                    + "还没有活动；添加：kepu event add --title 标题 --kind science-day --start 日期"
            }
            return
                "no events\(year.map { " in \($0)" } ?? "") yet; add one with: kepu event add --title T --kind science-day --start D"
        case .noVolunteers:
            if zh {
                return "还没有志愿者；添加：kepu volunteer add --name 姓名 --org 队伍"
            }
            return "no volunteers yet; add one with: kepu volunteer add --name N --org ORG"
        case .findings(let count):
            if zh {
                return "发现 \(count) 个问题"
            }
            return "\(count) finding\(count == 1 ? "" : "s")"
        case .auditIntact(let rows):
            if zh {
                return "操作记录完好：已核验 \(rows) 行"
            }
            return "the audit trail is intact: \(rows) row\(rows == 1 ? "" : "s") verified"
        case .auditBroken(let row, let reason):
            if zh {
                return "kepu：操作记录在第 \(row) 行断开：\(auditBreak(reason, .zh))；从第 \(row) 行起的记录不可信"
            }
            return
                "kepu: the audit trail is broken at row \(row): \(auditBreak(reason, .en)); rows from \(row) on cannot be trusted"
        case .demoLoaded(let unit, let year, let steps, let path):
            if zh {
                return "已把 \(unit) \(year) 年计划和 \(steps) 步示例记录载入 \(path)"
            }
            return "loaded \(unit) \(year) and \(steps) recorded steps into \(path)"
        case .recordVoided(let id, let label, let also, let reason):
            if zh {
                return "已作废\(labelText(id, label, .zh))" + alsoText(also, .zh) + "：\(reason)"
            }
            return "voided \(labelText(id, label, .en))" + alsoText(also, .en) + ": \(reason)"
        case .recordRestored(let id, let label, let also, let reason):
            if zh {
                return "已恢复\(labelText(id, label, .zh))" + alsoText(also, .zh) + "：\(reason)"
            }
            return "restored \(labelText(id, label, .en))" + alsoText(also, .en) + ": \(reason)"
        case .recordEdited(let id, let label, let changes):
            if zh {
                return "已修改\(labelText(id, label, .zh))：" + changesText(changes, of: label.kind, .zh, for: .commandLine)
            }
            return "changed \(labelText(id, label, .en)): "
                + changesText(changes, of: label.kind, .en, for: .commandLine)
        case .duplicateAttendance(let event, let date, let channel, let count, let existing):
            if zh {
                return "注意：活动 \(event) 在 \(date) 已有一条\(channel.chinese) \(count)人次的记录（人次记录 \(existing)），"
                    + "如果是重复录入，请作废其中一条"
            }
            return
                "note: event \(event) already has \(count)人次 \(channel.rawValue) on \(date) (attendance \(existing)); "
                + "if this was entered twice, void one of them"
        case .noRecords(let kind):
            if zh {
                return "还没有\(recordName(kind, .zh))记录"
            }
            return "no \(recordName(kind, .en)) records yet"
        case .yearLocked(let year, let reason):
            if zh {
                return "已封账：\(year)年（\(reason)）；此后日期在\(year)年的记录都不能再新增、修改或作废"
            }
            return "locked \(year) (\(reason)): no record dated in \(year) can be added, changed or voided from now on"
        case .yearUnlocked(let year, let reason):
            if zh {
                return "已解除\(year)年的封账（\(reason)）；修改完成后请重新封账"
            }
            return "unlocked \(year) (\(reason)); lock it again once the changes are made"
        case .userAdded(let name, let role):
            if zh {
                return "已添加用户 \(name)（\(role.chinese)）"
            }
            return "added the user \(name) (\(role.rawValue))"
        case .passwordChanged(let name):
            if zh {
                return "已修改 \(name) 的密码；其已登录的会话和 API 令牌均已作废"
            }
            return "changed the password of \(name); its signed-in sessions and API tokens are ended"
        case .userDisabled(let name):
            if zh {
                return "已停用用户 \(name)，并结束其会话、作废其 API 令牌"
            }
            return "disabled the user \(name), ended its sessions and revoked its API tokens"
        case .doorOpened(let event, let from, let until, let survey, let volunteers, let replaced):
            if zh {
                var text = "已开启活动 \(event) 的扫码签到：\(Door.display(from)) 至 \(Door.display(until))"
                if survey { text += "，附满意度调查" }
                if let volunteers { text += "，招募志愿者 \(volunteers) 人" }
                if let replaced { text += "；原签到链接（\(replaced)）已失效" }
                return text
            }
            var text = "opened the sign-in link of event \(event): \(Door.display(from)) to \(Door.display(until))"
            if survey { text += ", with the satisfaction question" }
            if let volunteers { text += ", calling for \(volunteers) volunteers" }
            if let replaced { text += "; the previous link (\(replaced)) no longer works" }
            return text
        case .doorClosed(let event):
            if zh {
                return "已关闭活动 \(event) 的扫码签到：签到链接即刻失效，已签到的人次保留"
            }
            return "closed the sign-in link of event \(event): it stops working now; the sign-ins stay counted"
        case .userEnabled(let name):
            if zh {
                return "已重新启用用户 \(name)（API 令牌须重新生成）"
            }
            return "enabled the user \(name) again (its API tokens must be issued anew)"
        case .tokenRevokedNotice(let name, let id):
            if zh {
                return "已作废 \(name) 的 API 令牌 \(id)"
            }
            return "revoked the API token \(id) of \(name)"
        case .userUnlocked(let name, let failures):
            if zh {
                return "已解除 \(name) 的登录等待（清除了 \(failures) 次失败记录）"
            }
            return "\(name) may sign in again at once (\(failures) failures cleared)"
        case .noTokens(let name):
            if zh {
                return "\(name) 没有 API 令牌"
            }
            return "\(name) has no API tokens"
        case .tokenIssued(let name):
            if zh {
                return "已为 \(name) 生成 API 令牌（只显示这一次，请妥善保存；kepu 只保存其摘要）"
            }
            return "issued an API token for \(name) (shown this once; kepu keeps only its digest)"
        case .serving(let address, let database):
            if zh {
                return "kepu 网页版已启动：在浏览器打开 http://\(address)/ （数据库 \(database)；按 Ctrl+C 停止）"
            }
            return
                "kepu's web app is running: open http://\(address)/ in a browser (database \(database); Ctrl+C stops it)"
        case .setupLink(let url, let minutes):
            if zh {
                return "还没有任何用户：请在 \(minutes) 分钟内用浏览器打开 \(url) 建立第一个管理员（只能用一次）"
            }
            return
                "there is no user yet: open \(url) in a browser within \(minutes) minutes to make the first admin (it works once)"
        case .servingDemo(let database, let user, let password):
            if zh {
                return "演示：示例年度已载入临时数据库 \(database)；请用用户名 \(user)、一次性密码 \(password) 登录（只显示这一次）"
            }
            return
                "demo: the sample year is loaded into the temporary database \(database); sign in as \(user) with the one-time password \(password) (shown only now)"
        case .servingOpenNetwork(let address):
            if zh {
                return "注意：\(address) 对整个网络开放，只应在可信的办公室内网使用；跨网络请在前面加 HTTPS（见 docs/serve.md）"
            }
            return
                "warning: \(address) is open to the whole network; use it only on a trusted office network, and put HTTPS in front of it beyond that (see docs/serve.md)"
        case .noUsers:
            if zh {
                return "还没有用户；添加：kepu user add 姓名 --role admin"
            }
            return "no users yet; add one: kepu user add NAME --role admin"
        case .noYearLocks:
            if zh {
                return "还没有封账的年度"
            }
            return "no year is locked"
        case .basicSet(let year, let spent):
            if zh {
                return "已登记 \(year) 年基本支出 \(spent)（用于部门整体支出绩效自评：kepu report --scope department）"
            }
            return "recorded the \(year) basic expenditure: \(spent) (for kepu report --scope department)"
        case .planDrafted(let year, let from, let indicators, let lines):
            if zh {
                return "已根据 \(from) 年计划起草 \(year) 年计划：\(indicators) 项指标、\(lines) 条支出明细；"
                    + "请核对预算数、支出明细金额与测算依据、各项指标值，再用 kepu plan import 导入"
            }
            return "drafted the \(year) plan from the \(from) plan: \(indicators) indicators, \(lines) lines; "
                + "review the budget, the lines and their basis, and every target, then kepu plan import it"
        case .budgetAdjusted(let year, let budget, let line, let amount, let reason):
            if zh {
                return "已登记 \(year) 年预算调整：全年预算数 \(budget)"
                    + (line.map { l in "，\(l) 调整为 \(amount?.description ?? "")" } ?? "") + "：\(reason)"
            }
            return "adjusted the \(year) budget to \(budget)"
                + (line.map { l in ", line \(l) to \(amount?.description ?? "")" } ?? "") + ": \(reason)"
        case .demoExplore(let command):
            if zh {
                return "接着看看：\(command)"
            }
            return "explore it: \(command)"
        case .ownPasswordChanged(let othersEnded):
            if zh {
                return "已修改你的密码" + (othersEnded > 0 ? "；你在其他地方的登录（\(othersEnded) 处）已全部退出" : "")
            }
            return "your password is changed"
                + (othersEnded > 0 ? "; \(count(othersEnded, "sign-in||s")) elsewhere ended" : "")
        case .passwordReset(let name, let keptThisSession):
            if keptThisSession {
                return lang.t(
                    "已重设 \(name) 的密码，其在其他地方的登录已全部退出（本次登录保留）",
                    "reset the password of \(name); its sign-ins elsewhere have all ended (this one stays)")
            }
            return lang.t(
                "已重设 \(name) 的密码，其登录已全部退出", "reset the password of \(name); all of its sign-ins have ended")
        }
    }

    /// The command line's wording of the notices it says with what its options take: a spending line's
    /// code beside its name (`--line commission`), an evidence file's kind as `--kind` takes it and its
    /// digest; nil for every other notice, which reads the same everywhere.
    static func commandLineText(_ n: Notice, _ lang: Language) -> String? {
        let zh = lang == .zh
        switch n {
        case .eventAdded(let id, let title, let kind, let start, let end, let parent) where !zh:
            return "added event \(id): \(title) (\(kind.rawValue), \(dates(start, end)))"
                + (parent.map { ", an activity of event \($0)" } ?? "")
        case .costAdded(let id, let amount, let line, let lineName, let year):
            if zh {
                return "已登记费用 \(id)：\(amount)，列支 \(year) 年计划的 \(lineName)（\(line)）"
            }
            return "added cost \(id): \(amount) to line \(line) (\(lineName)) of the \(year) plan"
        case .printRunAdded(let id, let copies, let price, let cost, let line, let lineName):
            if zh {
                return "已登记印刷 \(id)：\(copies)份 × \(price.plain)元 = \(cost)，列支 \(lineName)（\(line)）"
            }
            return "added print run \(id): \(copies)份 × \(price.plain)元 = \(cost) to line \(line) (\(lineName))"
        case .evidenceAdded(let id, let file, let kind, let size, let sha, let already):
            if zh {
                return "已添加佐证材料 \(id)：\(file)（\(kind.chinese)，\(size) 字节，sha256 \(sha.prefix(12))…）"
                    + (already ? "；相同内容此前已保存" : "")
            }
            return "added evidence \(id): \(file) (\(kind.rawValue), \(size) bytes, sha256 \(sha.prefix(12))…)"
                + (already ? "; the same content was already stored" : "")
        default:
            return nil
        }
    }

    static func outputZH(_ o: Notice.Output) -> String {
        switch o {
        case .report(let f): return " \(f) 格式的自评报告"
        case .stats(let f): return " \(f) 格式的科普统计表"
        case .reconciliation(let f): return " \(f) 格式的对账结果"
        case .export(let y): return " \(y) 年的导出数据"
        case .list: return "列表"
        case .demoReport: return "自评报告"
        case .planDraft(let y): return " \(y) 年计划草稿"
        case .poster: return "签到海报"
        }
    }

    static func auditBreak(_ b: AuditBreak, _ lang: Language) -> String {
        switch b {
        case .missingRows(let from, let to): return lang.t("第 \(from)–\(to) 行缺失", "rows \(from)–\(to) are missing")
        case .unlinked: return lang.t("它与前一行的哈希不衔接", "it does not link to the row before it")
        case .altered: return lang.t("它的内容与哈希不符", "its contents do not match its hash")
        }
    }

    static func outputEN(_ o: Notice.Output) -> String {
        switch o {
        case .report(let f): return "the \(f) report"
        case .stats(let f): return "the \(f) statistics return"
        case .reconciliation(let f): return "the \(f) reconciliation"
        case .export(let y): return "the \(y) export"
        case .list: return "the list"
        case .demoReport: return "the self-evaluation report"
        case .planDraft(let y): return "the \(y) plan draft"
        case .poster: return "the sign-in poster"
        }
    }

    /// `费用 12（活动委托费 2,500.00元）` / `cost 12 (活动委托费 2,500.00元)`.
    public static func labelText(_ id: Int64, _ label: RecordLabel, _ lang: Language) -> String {
        let name = "\(recordName(label.kind, lang)) \(id)"
        let detail = labelDetail(label, lang)
        return lang == .zh ? "\(name)（\(detail)）" : "\(name) (\(detail))"
    }

    /// The part of a label in brackets: `活动委托费 2,500.00元`.
    public static func labelDetail(_ label: RecordLabel, _ lang: Language = .zh) -> String {
        let detail: String
        switch label {
        case .event(let title): detail = title
        case .attendance(let count, let channel, let event):
            detail = lang.t(
                "活动 \(event) \(channel.chinese) \(count)人次", "event \(event), \(count)人次 \(channel.rawValue)")
        case .cost(let line, let amount): detail = "\(line) \(amount)"
        case .printRun(let title, let copies): detail = "\(title) \(copies)份"
        case .survey(let responses, let satisfied, let event):
            detail = lang.t(
                "活动 \(event)，\(responses) 份中满意 \(satisfied) 份", "event \(event), \(satisfied) of \(responses) satisfied"
            )
        case .measurement(let metric, let value): detail = "\(metric) = \(value)"
        case .volunteer(let n): detail = n
        case .signup(let n, let event): detail = lang.t("\(n)，活动 \(event)", "\(n), event \(event)")
        case .evidence(let file): detail = file
        }
        return detail
    }

    /// What went along with a void or a restore: `，连同 2 个子活动、3 笔费用`.
    static func alsoText(_ c: VoidCounts, _ lang: Language) -> String {
        let zh: [(Int, String)] = [
            (c.events, "个活动"), (c.attendance, "条人次记录"), (c.costs, "笔费用"), (c.printRuns, "条印刷记录"),
            (c.surveys, "批满意度调查"), (c.signups, "条报名记录"), (c.evidence, "份佐证材料"),
        ]
        let en: [(Int, String)] = [
            (c.events, "event||s"), (c.attendance, "attendance entr|y|ies"), (c.costs, "cost||s"),
            (c.printRuns, "print run||s"), (c.surveys, "survey||s"), (c.signups, "sign-up||s"),
            (c.evidence, "evidence file||s"),
        ]
        if lang == .zh {
            let parts = zh.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
            return parts.isEmpty ? "" : "，连同 " + parts.joined(separator: "、")
        }
        let parts = en.filter { $0.0 > 0 }.map { count($0.0, $0.1) }
        return parts.isEmpty ? "" : ", with " + parts.joined(separator: ", ")
    }
}
