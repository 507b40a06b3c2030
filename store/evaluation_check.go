package store

import (
	"bytes"
	"encoding/binary"
)

// evaluations checks the evaluation buckets, when the file has them: every
// form and response decodes and sits under its own key, and no anonymous
// form's response carries a name.
func (c *checker) evaluations() {
	named := map[[16]byte]bool{}
	if b := c.tx.Bucket(bucketEvalForms); b != nil {
		b.ForEach(func(k, v []byte) error {
			f, err := decodeRecord[EvaluationForm](v)
			switch {
			case err != nil:
				c.add("%s %x: cannot be decoded: %v", bucketEvalForms, k, err)
			case !bytes.Equal(k, f.WorkshopID[:]):
				c.add("evaluation form %x: stored under the wrong key", k)
			default:
				named[f.WorkshopID] = f.Named
			}
			return nil
		})
	}
	if b := c.tx.Bucket(bucketEvalResponses); b != nil {
		b.ForEach(func(k, v []byte) error {
			r, err := decodeRecord[EvaluationResponse](v)
			switch {
			case err != nil:
				c.add("%s %x: cannot be decoded: %v", bucketEvalResponses, k, err)
			case len(k) != 20 || !bytes.Equal(k[:16], r.WorkshopID[:]) || int(binary.BigEndian.Uint32(k[16:])) != r.Form:
				c.add("evaluation response %x: stored under the wrong key", k)
			case r.Name != "" && !named[r.WorkshopID]:
				c.add("evaluation response %x: a name on an anonymous form", k)
			}
			return nil
		})
	}
}
