package ops

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/google/uuid"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// PurgeResult is what PurgeWorkshop did: the purge's counts, the backups
// from before it that were deleted, and the fresh backup made after it.
type PurgeResult struct {
	store.PurgePlan
	DeletedBackups []string `json:"deleted_backups"`
	FreshBackup    string   `json:"fresh_backup"`
}

// PurgeWorkshop purges a workshop's personal data (store.Store.Purge),
// then deletes the backups made before the purge, which still hold it,
// and makes a fresh one (store.Store.PurgeBackups). The data file's freed
// pages may still hold the removed bytes until store.CompactFile runs on
// the closed file (workshopctl purge does).
func PurgeWorkshop(st *store.Store, workshopID uuid.UUID) (PurgeResult, error) {
	plan, err := st.Purge(workshopID)
	if err != nil {
		return PurgeResult{}, fmt.Errorf("purge: %w", err)
	}
	res := PurgeResult{PurgePlan: plan}
	res.DeletedBackups, res.FreshBackup, err = st.PurgeBackups(plan.Workshop.PurgedAt)
	if err != nil {
		return res, fmt.Errorf("purge: the data is purged, but the old backups: %w", err)
	}
	return res, nil
}

// WritePersonRecord writes everything held about one participant to
// path: JSON when it ends in .json, else a PDF in lang (English, French
// or Spanish; the workshop's working language when empty), ".pdf" added
// when it has no such extension. It returns the path written.
func WritePersonRecord(st *store.Store, participantID uuid.UUID, path, lang string) (string, error) {
	r, err := st.PersonRecordOf(participantID)
	if err != nil {
		return "", fmt.Errorf("person's record: %w", err)
	}
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".json" && ext != ".pdf" {
		path += ".pdf"
	}
	if lang == "" {
		if w, err := st.Workshop(r.Participant.WorkshopID); err == nil {
			lang = w.Language
		}
	}
	err = store.WriteFileAtomic(path, func(w io.Writer) error {
		if ext == ".json" {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			return enc.Encode(r)
		}
		return pdf.PersonRecordPDF(r, w, pdf.Language(lang), pdf.CreationDate(r.ExportedAt))
	})
	if err != nil {
		return "", fmt.Errorf("person's record: %w", err)
	}
	return path, nil
}
