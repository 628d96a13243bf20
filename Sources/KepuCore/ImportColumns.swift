/// The headers each kind of spreadsheet is recognized by, Chinese first: the words of the clerks' own files,
/// read here and never shown. The store maps the columns they find to its inputs.
public enum ImportColumns {
    public static let signin: [CSVColumns.Spec] = [
        .init("name", ["姓名", "name", "名字"], required: true),
        .init("phone", ["手机", "手机号", "手机号码", "电话", "联系电话", "phone", "mobile"]),
        .init("time", ["时间", "签到时间", "time"]),
        .init("date", ["日期", "签到日期", "date"]),
    ]
    public static let volunteers: [CSVColumns.Spec] = [
        .init("name", ["姓名", "name", "志愿者", "志愿者姓名"], required: true),
        .init("phone", ["手机", "手机号", "手机号码", "电话", "联系电话", "phone", "mobile"]),
        .init("org", ["队伍", "组织", "志愿组织", "所属队伍", "org", "organization", "team"]),
        .init("event", ["活动", "活动编号", "活动id", "event", "event id"]),
        .init("hours", ["时长", "服务时长", "小时", "hours"]),
        .init("date", ["日期", "服务日期", "date"]),
        .init("role", ["角色", "岗位", "role"]),
        .init("platform", ["平台编号", "志愿者编号", "platform", "platform no"]),
    ]
    public static let costs: [CSVColumns.Spec] = [
        .init("date", ["日期", "付款日期", "记账日期", "date"], required: true),
        .init("amount", ["金额", "支出金额", "amount"], required: true),
        .init("line", ["支出明细", "科目", "预算科目", "明细", "line"], required: true),
        .init("event", ["活动", "活动编号", "event", "event id"]),
        .init("invoice", ["发票号", "发票号码", "票据号", "invoice"]),
        .init("item", ["摘要", "事由", "用途", "item", "summary"]),
        .init("payee", ["收款方", "收款单位", "收款人", "payee"]),
    ]
}
