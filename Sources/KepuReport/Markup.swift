/// The one HTML escaper, shared by the reports (`HTMLRenderer`) and the web app's pages (`HTML`).
public enum Markup {
    /// `&`, `<`, `>`, `"` and `'` as entities: safe in element content and in a quoted attribute. A
    /// line break stays a line break, so an attribute keeps its value.
    public static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return s
        }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Text shown as element content: escaped, each line break a `<br>` (a paragraph the office wrote
    /// over several lines). Never for an attribute.
    public static func text(_ s: String) -> String {
        escape(s).replacingOccurrences(of: "\n", with: "<br>")
    }
}
