// Package shell asks the operating system's desktop for what Fyne does not
// offer the same way everywhere: the user's Documents folder, where file
// dialogs start, and, on Windows, opening a file or folder in its default
// program with Unicode paths (Fyne's OpenURL there goes through
// rundll32 url.dll, which takes the path in the ANSI code page and so
// loses letters such as the "đ" of "C:\Users\Zoë Ðorđević"). No Fyne here,
// so that the Windows parts can be tested under Wine as a small program.
package shell
