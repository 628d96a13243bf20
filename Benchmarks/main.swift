// The benchmark executable (run by hand, never by `swift test`): see Benchmarks/README.md.
import Foundation

print("kepu-bench: the city-scale benchmark arrives with the imports issue; nothing to measure yet.")
