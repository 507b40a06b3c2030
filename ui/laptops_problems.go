package ui

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/workshopdesk/workshopdesk/store"
)

// wrongJoinCode reads store's message for a join code that opens none of
// the folder's workshops (store.Store.Join).
var wrongJoinCode = regexp.MustCompile(`the join code opens none of the (\d+) shared workshops in (.*): check the code`)

// sameCodeHere reads store's message for a join into a data file that
// already has a workshop of that code.
var sameCodeHere = regexp.MustCompile(`this data file already has another workshop with the code (.+?): join with another data file`)

// syncProblem words the problems of sharing a workshop that a facilitator
// meets first (a folder that cannot be reached, a workshop already shared
// there, a wrong join code) in the screens' language; any other error as
// it is.
func syncProblem(err error) error {
	var fu *store.FolderUnreachableError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &fu):
		return fmt.Errorf(lang.L("The shared folder %s cannot be reached: plug in the stick or connect the share. Nothing is lost meanwhile."), fu.Folder)
	case errors.Is(err, store.ErrAlreadyShared):
		return errors.New(lang.L("A workshop with this code is already shared in this folder: join it with the join code shown on the laptop that shares it."))
	}
	if m := wrongJoinCode.FindStringSubmatch(err.Error()); m != nil {
		// Without the count: "none of the 1 shared workshops" reads badly.
		return fmt.Errorf(lang.L("The join code opens none of the workshops shared in %s: check the code shown on the first laptop (Workshop › Laptops)."), m[2])
	}
	if m := sameCodeHere.FindStringSubmatch(err.Error()); m != nil {
		return fmt.Errorf(lang.L("This data file already has a workshop with the code %s. Join with another data file: start Workshop Desk with --data and a new file name."), m[1])
	}
	if strings.Contains(err.Error(), "this data file already holds certificates signed with its own key") {
		return errors.New(lang.L("This data file already holds certificates signed with its own key; they would no longer verify. Join with another data file: start Workshop Desk with --data and a new file name."))
	}
	return err
}
