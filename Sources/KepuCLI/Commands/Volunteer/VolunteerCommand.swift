import ArgumentParser

struct VolunteerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "volunteer",
        abstract: "登记志愿者、志愿组织（队伍）和报名及服务时长 · Record volunteers and their sign-ups.",
        subcommands: [
            VolunteerAdd.self, VolunteerSignup.self, VolunteerList.self, VolunteerImport.self, VolunteerShow.self,
            VolunteerEdit.self, VolunteerVoid.self, VolunteerRestore.self,
        ])
}
