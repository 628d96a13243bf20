import KepuCLI

@main
struct Entrypoint {
    static func main() {
        KepuCommandLine.main()
    }
}
