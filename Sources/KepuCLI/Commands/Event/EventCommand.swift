import ArgumentParser

struct EventCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event",
        abstract: "记录活动及其子活动 · Record events and their sub-activities.",
        subcommands: [
            EventAdd.self, EventList.self, EventShow.self, EventEdit.self, EventDoor.self, VoidRecord<EventGroup>.self,
            RestoreRecord<EventGroup>.self,
        ])
}
