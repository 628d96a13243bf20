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
    public init(_ text: String, _ emphasis: Emphasis = .none) {
        self.text = text
        self.emphasis = emphasis
    }
    public init(stringLiteral value: String) { self.init(value) }
}

public struct ReportTable: Sendable, Hashable {
    public struct Column: Sendable, Hashable {
        public var header: String
        public var alignment: Alignment
        public init(_ header: String, _ alignment: Alignment = .left) {
            self.header = header
            self.alignment = alignment
        }
    }

    public var caption: String?
    public var columns: [Column]
    public var rows: [[Cell]]
    /// Rows that are totals, drawn with a rule above them.
    public var footer: [[Cell]]

    public init(caption: String? = nil, columns: [Column], rows: [[Cell]] = [], footer: [[Cell]] = []) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.footer = footer
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
