import KepuCore

/// A report as plain data: titled sections of tables, key–value blocks and paragraphs.
///
/// Computed once and rendered many ways (text, Markdown, CSV, HTML), so every format carries the
/// same numbers.
public struct Report: Sendable, Hashable {
    public var title: String
    public var subtitle: [String]
    public var sections: [Section]

    public init(title: String, subtitle: [String] = [], sections: [Section] = []) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
    }
}

public struct Section: Sendable, Hashable {
    public var heading: String?
    public var blocks: [Block]
    public init(heading: String?, blocks: [Block]) {
        self.heading = heading
        self.blocks = blocks
    }
}

public enum Block: Sendable, Hashable {
    case table(ReportTable)
    case fields([(String, String)])
    case paragraph(String)
    /// An inline chart (HTML only); other formats show the table it is drawn from.
    case chart(Chart)

    public static func == (a: Block, b: Block) -> Bool {
        switch (a, b) {
        case (.table(let x), .table(let y)): x == y
        case (.fields(let x), .fields(let y)): x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
        case (.paragraph(let x), .paragraph(let y)): x == y
        case (.chart(let x), .chart(let y)): x == y
        default: false
        }
    }

    public func hash(into h: inout Hasher) {
        switch self {
        case .table(let t): h.combine(t)
        case .fields(let f):
            for (k, v) in f {
                h.combine(k)
                h.combine(v)
            }
        case .paragraph(let p): h.combine(p)
        case .chart(let c): h.combine(c)
        }
    }
}

/// Column alignment: numbers right, text left.
public enum Alignment: Sendable, Hashable {
    case left, right, center
}

/// How a cell should stand out: a missed target, a flag, a total.
public enum Emphasis: Sendable, Hashable {
    case none, good, bad, warn, strong
}

public struct Cell: Sendable, Hashable, ExpressibleByStringLiteral {
    public var text: String
    public var emphasis: Emphasis
    /// The number the text shows, for formats that keep numbers as numbers (a workbook).
    public var number: CellNumber?
    /// The record the cell names (an id column), which the web app links to.
    public var ref: RecordRef?
    /// The step that fixes what the row reports, which the web app links to its form.
    public var fix: FindingFix?
    /// What the cell keeps out of sight (a file's checksum): HTML shows it under a toggle, no other format
    /// shows it, so that no one reads it by default.
    public var folded: Folded?
    public init(
        _ text: String, _ emphasis: Emphasis = .none, number: CellNumber? = nil, ref: RecordRef? = nil,
        fix: FindingFix? = nil, folded: Folded? = nil
    ) {
        self.text = text
        self.emphasis = emphasis
        self.number = number
        self.ref = ref
        self.fix = fix
        self.folded = folded
    }

    /// A record's id, linked to the record where the format has links.
    public static func id(_ kind: RecordKind, _ id: Int64) -> Cell { Cell(String(id), ref: RecordRef(kind, id)) }
    public init(stringLiteral value: String) { self.init(value) }

    /// An amount in 元: `30,000.00`, a number with two decimals in a workbook.
    public static func money(_ m: Money, _ emphasis: Emphasis = .none) -> Cell {
        Cell(m.grouped, emphasis, number: CellNumber(Double(m.fen) / 100, .money))
    }

    /// A weight, shown as it is: `10`, `12.5`.
    public static func weight(_ f: Fixed) -> Cell {
        Cell(f.format(minPlaces: 0, maxPlaces: 2), number: CellNumber(Double(f.raw) / 10_000, .general))
    }

    /// A score to two places.
    public static func score(_ f: Fixed, text: String? = nil, _ emphasis: Emphasis = .none) -> Cell {
        Cell(
            text ?? f.format(minPlaces: 2, maxPlaces: 2), emphasis,
            number: CellNumber(Double(f.raw) / 10_000, .decimal(places: 2)))
    }
}

/// One record of the ledger: its kind and id.
public struct RecordRef: Sendable, Hashable {
    public var kind: RecordKind
    public var id: Int64
    public init(_ kind: RecordKind, _ id: Int64) {
        self.kind = kind
        self.id = id
    }
}

/// Text a cell keeps folded under a toggle, with the toggle's words: `文件校验码` and a file's SHA-256.
public struct Folded: Sendable, Hashable {
    public var label: String
    public var text: String
    public init(label: String, text: String) {
        self.label = label
        self.text = text
    }
}

/// The record a table's row shows, and whether it is voided: what the web's row actions (修改, 作废 or
/// 恢复) act on.
public struct RowRecord: Sendable, Hashable {
    public var ref: RecordRef
    public var voided: Bool
    public init(_ kind: RecordKind, _ id: Int64, voided: Bool) {
        self.ref = RecordRef(kind, id)
        self.voided = voided
    }
}

/// A link a row offers on the web: its words, where it leads, and whether it leads to undoing the row
/// (作废), drawn as a warning.
public struct RowAction: Sendable, Hashable {
    public var label: String
    public var href: String
    public var danger: Bool
    public init(_ label: String, href: String, danger: Bool = false) {
        self.label = label
        self.href = href
        self.danger = danger
    }
}

/// A cell's value as a number, and how a workbook shows it.
public struct CellNumber: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        /// `#,##0.00`
        case money
        /// `0.00` with so many places
        case decimal(places: Int)
        /// `0`, or `#,##0` when grouped
        case integer(grouped: Bool)
        /// As Excel's General format shows it: `10`, `12.5`.
        case general
        /// A fraction shown as a percentage with so many places: 0.985 → `98.50%`.
        case percent(places: Int)
    }

    public var value: Double
    public var style: Style
    public init(_ value: Double, _ style: Style) {
        self.value = value
        self.style = style
    }

    /// The number a right-aligned cell's text shows: `3,200`, `1,280.50`, `98.5%`, `12元`; nil for
    /// anything else (`—`, `12.50（人工）`).
    public static func parse(_ text: String) -> CellNumber? {
        var t = Substring(text)
        var percent = false
        if t.hasSuffix("%") {
            percent = true
            t = t.dropLast()
        } else if t.hasSuffix("元") {
            t = t.dropLast()
        }
        guard !t.isEmpty else { return nil }
        var digits = ""
        var grouped = false
        var places = -1
        for (i, u) in t.unicodeScalars.enumerated() {
            switch u {
            case "0"..."9":
                digits.unicodeScalars.append(u)
                if places >= 0 { places += 1 }
            case ",":
                guard places < 0, !digits.isEmpty else { return nil }
                grouped = true
            case ".":
                guard places < 0, !digits.isEmpty else { return nil }
                places = 0
                digits.append(".")
            case "-" where i == 0: digits.append("-")
            default: return nil
            }
        }
        guard places != 0, let v = Double(digits), digits != "-" else { return nil }
        if percent { return CellNumber(v / 100, .percent(places: max(places, 0))) }
        if places < 0 { return CellNumber(v, .integer(grouped: grouped)) }
        return CellNumber(v, places == 2 && grouped ? .money : .decimal(places: places))
    }
}

public struct ReportTable: Sendable, Hashable {
    public struct Column: Sendable, Hashable {
        public var header: String
        public var alignment: Alignment
        /// The column's share of the page's width in percent, for a table printed on A4 whose text
        /// columns would otherwise be squeezed by its numbers; nil lets the browser decide.
        public var width: Int?
        public init(_ header: String, _ alignment: Alignment = .left, width: Int? = nil) {
            self.header = header
            self.alignment = alignment
            self.width = width
        }
    }

    public var caption: String?
    public var columns: [Column]
    public var rows: [[Cell]]
    /// Rows that are totals, drawn with a rule above them.
    public var footer: [[Cell]]
    /// The record each row shows (by index; empty when the rows are no records), for the web's row
    /// actions. Only the web's HTML (`HTMLRenderer.rowActions`) draws them, as a last column of links;
    /// text, Markdown, CSV and workbooks have no such column.
    public var rowRecords: [RowRecord?]

    public init(
        caption: String? = nil, columns: [Column], rows: [[Cell]] = [], footer: [[Cell]] = [],
        rowRecords: [RowRecord?] = []
    ) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.footer = footer
        self.rowRecords = rowRecords
    }
}

/// A chart drawn from series of labelled values (target vs actual, monthly activity).
public struct Chart: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case bars, columns }
    public var title: String
    public var kind: Kind
    public var labels: [String]
    public var series: [Series]
    /// Per label, whether it is good (met): bars are coloured by this, not by their length, because
    /// under a ceiling (≤) less than 100% is good.
    public var good: [Bool]?
    public struct Series: Sendable, Hashable {
        public var name: String
        public var values: [Double]
        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }
    public init(title: String, kind: Kind, labels: [String], series: [Series], good: [Bool]? = nil) {
        self.title = title
        self.kind = kind
        self.labels = labels
        self.series = series
        self.good = good
    }
}
