#include "FuzzDriver.h"

// libFuzzer's runtime refers to LLVMFuzzerTestOneInput even when driven by LLVMFuzzerRunDriver; it
// forwards to the target that Swift registered.
static int (*kepu_fuzz_body)(const uint8_t *data, size_t size);

void kepu_fuzz_register(int (*body)(const uint8_t *data, size_t size)) { kepu_fuzz_body = body; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    return kepu_fuzz_body ? kepu_fuzz_body(data, size) : 0;
}
