/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aimak-fuzz.h — the libFuzzer entry points every harness defines. The same
 * harness is linked with libFuzzer (clang, run-fuzz.sh) or with replay.c
 * (gcc, a meson test that feeds it the corpus and the regression inputs). */
#pragma once

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);
