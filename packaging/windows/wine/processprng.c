/* For packaging/test-windows.sh only, never shipped: a bcryptprimitives.dll
 * for wine 8, which lacks it. Rust's standard library (1.78 and later) takes
 * its random numbers from ProcessPrng, in bcryptprimitives.dll on Windows 10
 * and later; without it, vigie.exe does not start under wine 8. This one
 * fills the buffer from RtlGenRandom (advapi32's SystemFunction036), which
 * wine has. Built with mingw and put in the test prefix's system32:
 *
 *   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll \
 *       processprng.c processprng.def -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
