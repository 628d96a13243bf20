import FuzzSupport

@main struct Fuzz {
    static func main() { FuzzTargets.run(FuzzTargets.official) }
}
