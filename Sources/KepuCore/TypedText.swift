/// Text as Chinese offices type it, brought to one spelling before a parser reads it.
public enum TypedText {
    /// Text as a person meant it: control characters, zero-width characters and the invisible marks
    /// that turn text around (U+202E and its kin) dropped, so that a name shows as it is stored and is
    /// stored as it shows. With `lines`, line breaks are kept (as `\n`) and tabs too; without, each
    /// becomes a space.
    public static func clean(_ s: String, lines: Bool = true) -> String {
        // Fast path: plain ASCII, and no byte that could start a character of those ranges.
        if !s.utf8.contains(where: {
            $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE1 || $0 == 0xE2 || $0 == 0xE3 || $0 == 0xEF
        }) {
            return s
        }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for u in s.unicodeScalars {
            defer { previousCR = u == "\r" }
            switch u.value {
            case 0x0A where previousCR: continue
            case 0x0A, 0x0D, 0x2028, 0x2029, 0x85: out.append(lines ? "\n" : " ")
            case 0x09: out.append(lines ? "\t" : " ")
            case 0x00...0x1F, 0x7F...0x9F: continue
            // Soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width and direction marks,
            // the Hangul fillers (blank letters that make a name look empty), the byte-order mark.
            case 0x00AD, 0x061C, 0x115F, 0x1160, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0x3164,
                0xFEFF, 0xFFA0, 0xFFF9...0xFFFB:
                continue
            default:
                out.append(u)
            }
        }
        return String(out)
    }

    /// Full-width ASCII from a Chinese input method (`１２５０．５０`, `２０２３－０９－１６`) as half-width, the
    /// ideographic space as a space, trimmed.
    public static func halfWidth(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var changed = false
        for u in s.unicodeScalars {
            switch u.value {
            case 0xFF01...0xFF5E:
                out.append(Unicode.Scalar(u.value - 0xFEE0)!)
                changed = true
            case 0x3000:
                out.append(" ")
                changed = true
            default: out.append(u)
            }
        }
        let text = changed ? String(out) : s
        return text.trimmingCharacters(in: .whitespaces)
    }

    static let capitalDigits: [Character: Int64] = [
        "零": 0, "〇": 0, "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6, "柒": 7,
        "捌": 8, "玖": 9, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    static let smallUnits: [Character: Int64] = ["拾": 10, "佰": 100, "仟": 1000, "十": 10, "百": 100, "千": 1000]

    /// A whole number written in Chinese numerals (`贰万伍仟`, `壹仟贰佰伍拾`), or nil. Overflow is nil too.
    static func chineseInteger(_ s: Substring) -> Int64? {
        guard !s.isEmpty else { return 0 }
        var total: Int64 = 0
        var section: Int64 = 0
        var digit: Int64? = nil
        // Every step is checked: text such as `萬千亿亿五` must give nil, never a wrapped value.
        let limit: Int64 = 1_000_000_000_000_000
        for c in s {
            if let d = capitalDigits[c] {
                digit = d
            } else if let u = smallUnits[c] {
                section += (digit ?? 1) * u
                digit = nil
            } else if c == "万" || c == "萬" || c == "亿" {
                let unit: Int64 = c == "亿" ? 100_000_000 : 10_000
                let (v, o) = (section + (digit ?? 0)).multipliedReportingOverflow(by: unit)
                guard !o else { return nil }
                let (base, o1) = c == "亿" ? total.multipliedReportingOverflow(by: unit) : (total, false)
                guard !o1 else { return nil }
                let (t, o2) = base.addingReportingOverflow(v)
                guard !o2 else { return nil }
                total = t
                section = 0
                digit = nil
            } else {
                return nil
            }
            guard total < limit, section < limit else { return nil }
        }
        return total + section + (digit ?? 0)
    }

    /// An amount written as on an invoice, in capital numerals: `壹仟贰佰伍拾元整`, `贰万伍仟元`, `叁佰元伍角`.
    /// Returns fen, or nil when the text is not such an amount.
    static func capitalAmount(_ s: String) -> Int64? {
        var text = Substring(s)
        if text.hasPrefix("人民币") { text = text.dropFirst(3) }
        if text.hasSuffix("整") || text.hasSuffix("正") { text = text.dropLast() }
        guard !text.isEmpty, text.contains(where: { capitalDigits[$0] != nil }) else { return nil }
        let yuanMark = text.firstIndex { $0 == "元" || $0 == "圆" }
        let wholeText = yuanMark.map { text[..<$0] } ?? (text.contains("角") || text.contains("分") ? "" : text)
        var rest = yuanMark.map { text[text.index(after: $0)...] } ?? (wholeText.isEmpty ? text : "")
        guard let whole = chineseInteger(wholeText) else { return nil }
        var fen: Int64 = 0
        if let jiao = rest.firstIndex(of: "角") {
            guard let d = chineseInteger(rest[..<jiao].drop { $0 == "零" }), (0..<10).contains(d) else { return nil }
            fen += d * 10
            rest = rest[rest.index(after: jiao)...]
        }
        if let f = rest.firstIndex(of: "分") {
            guard let d = chineseInteger(rest[..<f].drop { $0 == "零" }), (0..<10).contains(d) else { return nil }
            fen += d
            rest = rest[rest.index(after: f)...]
        }
        guard rest.allSatisfy({ $0 == "零" }) else { return nil }
        let (w, o) = whole.multipliedReportingOverflow(by: 100)
        guard !o else { return nil }
        return w + fen
    }
}
