// Package store is the workshop record: the domain types of Workshop Desk
// (workshops, sessions, participants, attendance, certificate issues), their
// rules (validation, identifiers, badge codes) and their persistence in a
// single bbolt file.
//
// Every write is one committed bbolt transaction: a record and all its index
// entries change together or not at all. Values are JSON and are decoded
// inside the transaction that read them. Deleting a record leaves a tombstone
// (DeletedAt) so that data from two laptops can later be merged.
//
// The store knows nothing of Fyne or PDF; the desktop app (cmd/workshopdesk),
// the command line (cmd/workshopctl) and the screens (ui) all use it.
package store
