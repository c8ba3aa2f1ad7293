"""Mixed precision for the training scripts. On CPUs with AMX or AVX-512 BF16 (oneDNN uses them), bf16
matrix products are several times faster than fp32 (measured here: the LLM stage 4-5x), which buys the
tiny models far more training within the 30-minute budget; elsewhere bf16 is emulated and slower, so
it stays off. Master weights, optimizer state and losses stay fp32.
RADIALOG_TRAIN_BF16: "auto" (default: on where the CPU has it), "1" (always), "0" (never)."""
import contextlib
import os

import torch


def bf16_wanted():
    choice = os.environ.get('RADIALOG_TRAIN_BF16', 'auto')
    if choice in ('0', '1'):
        return choice == '1'
    try:
        flags = open('/proc/cpuinfo').read()
    except OSError:
        return False
    return ' amx_bf16' in flags or ' avx512_bf16' in flags


def autocast(enabled):
    return torch.autocast('cpu', dtype=torch.bfloat16) if enabled else contextlib.nullcontext()
