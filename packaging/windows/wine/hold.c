/* For packaging/test-windows.sh only, never shipped: keeps a file open, as
 * an antivirus scanner or a sync tool may, so that the test can check what
 * a save does meanwhile.
 *
 *   hold.exe FILE SECONDS SHARE_DELETE
 *
 * opens FILE for reading, sharing reading and writing, and deletion too when
 * SHARE_DELETE is 1; prints "holding" once it is open, keeps it open for
 * SECONDS, then closes it. Built with mingw:
 *
 *   x86_64-w64-mingw32-gcc -municode -O2 -o hold.exe hold.c
 */
#include <windows.h>
#include <stdio.h>

int wmain(int argc, wchar_t **argv)
{
    if (argc != 4)
        return 2;
    DWORD share = FILE_SHARE_READ | FILE_SHARE_WRITE;
    if (_wtoi(argv[3]))
        share |= FILE_SHARE_DELETE;
    HANDLE file = CreateFileW(argv[1], GENERIC_READ, share, NULL, OPEN_EXISTING, 0, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        printf("cannot open: error %lu\n", GetLastError());
        return 1;
    }
    printf("holding\n");
    fflush(stdout);
    Sleep((DWORD)_wtoi(argv[2]) * 1000);
    CloseHandle(file);
    return 0;
}
