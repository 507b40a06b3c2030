// Package ops holds every operation that both the desktop app (ui) and
// workshopctl offer, written once: each is one function with one result
// type, and the screens and the command line only collect the input, call
// it and present the result (dialogs in the app; text, JSON and exit codes
// in the CLI). The rules these operations follow (eligibility, standings,
// validation) stay in store; ui/pdf only renders.
//
// The operations:
//
//   - IssueCertificates: choose who is eligible (or the people named),
//     check every certificate (glyphs, lost letters, QR code, output
//     paths) before issuing any number, then number, sign, render, write
//     and register them; a reprint is the same call for people who hold a
//     certificate.
//   - CheckCertificates: the checks of IssueCertificates alone, so that a
//     screen can ask about them before asking where to write.
//   - PreviewCertificate: a certificate marked "PREVIEW — not a
//     certificate", with no number, written to a temporary file; nothing
//     is issued.
//   - Badges: name badges of people, refusing names with lost letters
//     unless allowed.
//   - SignInSheet: the paper sign-in sheet of a session (SignInSheetIn:
//     in a given language).
//   - WriteReport: a report (attendance, statistics, agenda, series) as
//     PDF, XLSX or CSV files.
//
// Badges, sign-in sheets and reports print in the workshop's working
// language unless the request names another (BadgeRequest.Language,
// SignInSheetIn, ReportRequest.Language), as the command line's
// --language does; the app always prints in the working language.
//
// Operations that are already one call below both front ends, which they
// make directly: voiding a certificate (store.Store.Void), checking in
// (store.Store.CheckIn), importing (importer.Commit), exporting the
// participants (sheet.WriteFile of importer.ExportTableIn, in the working language) or everything
// (store.Store.ExportFile), and the standings (store.Eligibility,
// store.CountStandings and StandingCounts.String, the one wording). Every
// file is written by store.WriteFileAtomic.
package ops
