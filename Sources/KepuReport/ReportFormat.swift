import Foundation
import KepuCore

/// Output formats of the reports and lists.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, md, csv, json, html, xlsx

    public static func parse(_ s: String, field: Field = .format) throws -> ReportFormat {
        guard let f = ReportFormat(rawValue: s.lowercased()) else {
            throw KepuError(.invalid(field: field, value: s, form: .reportFormat))
        }
        return f
    }

    /// The format a file name's extension asks for: `.txt .md .csv .json .html .xlsx`.
    public static func fromExtension(_ path: String) -> ReportFormat? {
        switch (path as NSString).pathExtension.lowercased() {
        case "txt": .text
        case "md": .md
        case "csv": .csv
        case "json": .json
        case "html", "htm": .html
        case "xlsx": .xlsx
        default: nil
        }
    }

    /// The extension of a file in this format.
    public var fileExtension: String { self == .text ? "txt" : rawValue }

    /// The media type a download in this format is served with.
    public var mediaType: String {
        switch self {
        case .text: "text/plain; charset=utf-8"
        case .md: "text/markdown; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        case .json: "application/json; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }
}
