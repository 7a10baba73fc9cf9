/* Tests under wine only, never shipped: Wine 8 has no ProcessPrng in
 * bcryptprimitives.dll, which Rust's standard library imports for random
 * numbers (Windows 10 and 11 have it). This stand-in fills the buffer with
 * RtlGenRandom (SystemFunction036 in advapi32), which wine does have. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG part = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, part))
            return FALSE;
        data += part;
        length -= part;
    }
    return TRUE;
}
