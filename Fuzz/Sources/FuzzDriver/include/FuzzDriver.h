#include <stddef.h>
#include <stdint.h>

// libFuzzer's entry point for a program with its own main (SwiftPM names an executable's entry point
// itself, so libFuzzer's main cannot be used).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

// Registers the target that LLVMFuzzerTestOneInput runs.
void kepu_fuzz_register(int (*body)(const uint8_t *data, size_t size));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
