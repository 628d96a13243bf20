import KepuCore

/// Records become the plain values the front ends list: no database type leaves the store.
extension VoidableRecord {
    var voidState: VoidState? { voidedAt.map { VoidState(at: $0, reason: voidReason ?? "") } }
}

extension AttendanceRecord {
    var listed: AttendanceItem {
        AttendanceItem(
            id: id ?? 0, event: eventId, date: date, count: count, channel: Channel(rawValue: channel) ?? .onsite,
            method: CountMethod(rawValue: method) ?? .headcount, note: note, importID: importId, voided: voidState)
    }
}

extension CostRecord {
    var listed: CostItem {
        CostItem(
            id: id ?? 0, event: eventId, line: line, item: item, amount: Money(fen: amountFen), date: date,
            invoice: invoice, payee: payee, voided: voidState)
    }
}

extension PrintRunRecord {
    var listed: PrintRunItem {
        PrintRunItem(
            id: id ?? 0, event: eventId, line: line, title: title, ink: Ink(rawValue: ink) ?? .color, copies: copies,
            unitPrice: Money(fen: unitPriceFen), date: date, voided: voidState)
    }
}

extension SurveyRecord {
    var listed: SurveyItem {
        SurveyItem(
            id: id ?? 0, event: eventId, date: date, responses: responses, satisfied: satisfied, voided: voidState)
    }
}

extension EvidenceRecord {
    var listed: EvidenceItem {
        EvidenceItem(
            id: id ?? 0, sha256: sha256, fileName: fileName, size: size, kind: EvidenceKind(rawValue: kind) ?? .other,
            event: eventId, cost: costId, addedAt: createdAt, voided: voidState)
    }
}

extension MeasurementRecord {
    var listed: MeasurementItem {
        MeasurementItem(
            id: id ?? 0, metric: metric, value: Fixed(raw: valueE4), date: date, source: source,
            voided: voidState)
    }
}

extension NoteRecord {
    var indicatorNote: IndicatorNote {
        IndicatorNote(
            indicator: indicator, reason: reason, measures: measures, manualScore: scoreE4.map { Fixed(raw: $0) },
            scoreWhy: scoreWhy, actualText: actualText)
    }
}
