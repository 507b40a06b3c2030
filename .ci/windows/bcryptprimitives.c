/*
 * Test fixture, never shipped: a stand-in for Windows' bcryptprimitives.dll
 * for the Wine smoke test (.ci/windows-smoke). Every program built by
 * Go >= 1.22 imports ProcessPrng from it at start; Debian 12's Wine 8.0
 * does not have the DLL (Wine >= 8.13 does), so the programs stop with
 * "bcryptprimitives.dll not found". This one fills the buffer from
 * RtlGenRandom (advapi32's SystemFunction036), the generator Go used
 * before 1.22.
 *
 * x86_64-w64-mingw32-gcc -shared -O2 -s -o bcryptprimitives.dll \
 *     bcryptprimitives.c bcryptprimitives.def -ladvapi32
 */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!RtlGenRandom(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
