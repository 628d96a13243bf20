/// Next year's plan drafted from this year's: the same file with the year moved (`kepu plan new`).
public enum PlanDraft {
    /// The plan file's text with every mention of `from` as a year moved to `to`: the year, the period, and
    /// names such as `2023年1月-12月`. Figures and targets are kept; a later year written in a target (a
    /// literacy goal for 2025) is left alone.
    public static func move(_ text: String, from: Int, to: Int) -> String {
        let old = String(from)
        let new = String(to)
        var out = ""
        var rest = Substring(text)
        while let r = rest.range(of: old) {
            let before = rest[..<r.lowerBound]
            let after = rest[r.upperBound...]
            // Only a whole four-digit year: not part of a longer number or an amount.
            let joinedBefore = before.last.map { $0.isASCIIDigit || $0 == "." } ?? false
            let joinedAfter = after.first.map { $0.isASCIIDigit } ?? false
            out += before
            out += joinedBefore || joinedAfter ? old : new
            rest = after
        }
        out += rest
        let header = """
            # 由 kepu plan new 根据 \(from) 年计划生成（Drafted by kepu plan new from the \(from) plan）。
            # 请核对：预算数与支出明细金额、测算依据、各项指标值（沿用了 \(from) 年的数值）。
            # Review the budget, the lines and their basis, and every target (kept from \(from)).

            """
        return header + out
    }
}
